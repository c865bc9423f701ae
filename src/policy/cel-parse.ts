// A CEL parser for the expressions this policy generates, producing the syntax tree cel-go's parser
// does (macros expanded the same way: has() a test-only select; all, exists, map, filter
// comprehensions over `@result`; a minus before a number literal folds into the literal). It lets the
// cost model read the generated text without linking a CEL engine into the policy command.
// test/policy/cel-parse.test.ts checks it against @bufbuild/cel's parser on every emitted expression.
// It reads the CEL the generators write (cel-text.ts `lit`: single-quoted strings with \\ \' \xNN
// escapes); anything else is a syntax error, never a guess.
import type { CelAst } from './cel-ast.js';

type Token = { readonly kind: 'num' | 'str' | 'id' | 'op'; readonly text: string; readonly value?: unknown };

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}'];

function stringToken(src: string, at: number): { token: Token; end: number } {
  const quote = src[at]!;
  let out = '';
  let i = at + 1;
  const escapes: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r' };
  while (src[i] !== quote) {
    if (i >= src.length) throw new Error('CEL: unterminated string');
    if (src[i] !== '\\') out += src[i++];
    else if (src[i + 1] === 'x') [out, i] = [out + String.fromCharCode(parseInt(src.slice(i + 2, i + 4), 16)), i + 4];
    else if (escapes[src[i + 1]!] !== undefined) [out, i] = [out + escapes[src[i + 1]!]!, i + 2];
    else throw new Error(`CEL: unsupported escape \\${src[i + 1]}`);
  }
  return { token: { kind: 'str', text: src.slice(at, i + 1), value: out }, end: i + 1 };
}

function numberToken(src: string, at: number): { token: Token; end: number } {
  const m = /^(\d+(\.\d+)?(e[+-]?\d+)?)(u?)/.exec(src.slice(at))!;
  const text = m[0];
  const isDouble = m[2] !== undefined || m[3] !== undefined;
  const value = isDouble ? { case: 'doubleValue', value: Number(m[1]) } : { case: m[4] === 'u' ? 'uint64Value' : 'int64Value', value: BigInt(m[1]!) };
  return { token: { kind: 'num', text, value }, end: at + text.length };
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const lexed = c === "'" || c === '"' ? stringToken(src, i) : /\d/.test(c) ? numberToken(src, i) : undefined;
    if (lexed !== undefined) {
      out.push(lexed.token);
      i = lexed.end;
    } else if (/\s/.test(c)) i++;
    else if (/[A-Za-z_]/.test(c)) {
      const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      out.push({ kind: 'id', text: id });
      i += id.length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (op === undefined) throw new Error(`CEL: unexpected character ${JSON.stringify(c)}`);
      out.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return out;
}

// --- syntax tree builders ---

const constant = (constantKind: { case: string; value: unknown }): CelAst => ({ exprKind: { case: 'constExpr', value: { constantKind } } });
const ident = (name: string): CelAst => ({ exprKind: { case: 'identExpr', value: { name } } });
const callOf = (fn: string, args: readonly CelAst[], target?: CelAst): CelAst => ({ exprKind: { case: 'callExpr', value: { function: fn, args, ...(target === undefined ? {} : { target }) } } });
const listOf = (elements: readonly CelAst[]): CelAst => ({ exprKind: { case: 'listExpr', value: { elements } } });
const select = (operand: CelAst, field: string, testOnly: boolean): CelAst => ({ exprKind: { case: 'selectExpr', value: { operand, field, testOnly } } });

const RESULT = '@result';

/** cel-go's macro expansions (parser/macro.go): the same trees @bufbuild/cel builds. */
function macro(name: string, target: CelAst, args: readonly CelAst[]): CelAst | undefined {
  const [v, body] = args;
  if (args.length !== 2 || v?.exprKind.case !== 'identExpr' || body === undefined) return undefined;
  const acc = ident(RESULT);
  const shapes: Readonly<Record<string, () => readonly [CelAst, CelAst, CelAst]>> = {
    all: () => [constant({ case: 'boolValue', value: true }), callOf('@not_strictly_false', [acc]), callOf('_&&_', [acc, body])],
    exists: () => [constant({ case: 'boolValue', value: false }), callOf('@not_strictly_false', [callOf('!_', [acc])]), callOf('_||_', [acc, body])],
    map: () => [listOf([]), constant({ case: 'boolValue', value: true }), callOf('_+_', [acc, listOf([body])])],
    filter: () => [listOf([]), constant({ case: 'boolValue', value: true }), callOf('_?_:_', [body, callOf('_+_', [acc, listOf([v])]), acc])],
  };
  const shape = shapes[name];
  if (shape === undefined) return undefined;
  const [accuInit, loopCondition, loopStep] = shape();
  return { exprKind: { case: 'comprehensionExpr', value: { iterVar: v.exprKind.value.name, iterRange: target, accuVar: RESULT, accuInit, loopCondition, loopStep, result: acc } } };
}

// --- the grammar (CEL spec: ternary < || < && < relations < + - < * / % < unary < member < primary) ---

const BINARY: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!=', '<', '<=', '>', '>=', 'in'], ['+', '-'], ['*', '/', '%']];
const FUNCTION: Readonly<Record<string, string>> = { in: '@in' };

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): CelAst {
    const e = this.ternary();
    if (this.i < this.tokens.length) throw new Error(`CEL: unexpected ${this.tokens[this.i]!.text}`);
    return e;
  }

  private peek(text: string): boolean {
    return this.tokens[this.i]?.text === text;
  }

  private take(text: string): void {
    if (!this.peek(text)) throw new Error(`CEL: expected ${text}, got ${this.tokens[this.i]?.text ?? 'the end'}`);
    this.i++;
  }

  private ternary(): CelAst {
    const cond = this.binary(0);
    if (!this.peek('?')) return cond;
    this.take('?');
    const yes = this.binary(0);
    this.take(':');
    return callOf('_?_:_', [cond, yes, this.ternary()]);
  }

  private binary(level: number): CelAst {
    if (level === BINARY.length) return this.unary();
    if (level < 2) return this.logical(level);
    let left = this.binary(level + 1);
    for (let op = this.tokens[this.i]?.text; op !== undefined && BINARY[level]!.includes(op); op = this.tokens[this.i]?.text) {
      this.i++;
      left = callOf(FUNCTION[op] ?? `_${op}_`, [left, this.binary(level + 1)]);
    }
    return left;
  }

  /** A chain of || (or of &&), balanced as cel-go's parser does (parser/helper.go balancer). */
  private logical(level: number): CelAst {
    const op = BINARY[level]![0]!;
    const terms = [this.binary(level + 1)];
    while (this.peek(op)) {
      this.i++;
      terms.push(this.binary(level + 1));
    }
    const tree = (lo: number, hi: number): CelAst => {
      const mid = Math.floor((lo + hi + 1) / 2);
      const left = mid === lo ? terms[mid]! : tree(lo, mid - 1);
      const right = mid === hi ? terms[mid + 1]! : tree(mid + 1, hi);
      return callOf(`_${op}_`, [left, right]);
    };
    return terms.length === 1 ? terms[0]! : tree(0, terms.length - 2);
  }

  private unary(): CelAst {
    if (this.peek('!')) return (this.i++, callOf('!_', [this.unary()]));
    if (!this.peek('-')) return this.member(this.primary());
    this.i++;
    const next = this.tokens[this.i];
    if (next?.kind !== 'num') return callOf('-_', [this.unary()]);
    this.i++;
    const v = next.value as { case: string; value: bigint | number };
    return this.member(constant({ case: v.case, value: typeof v.value === 'bigint' ? -v.value : -v.value }));
  }

  private args(close: string): CelAst[] {
    const out: CelAst[] = [];
    while (!this.peek(close)) {
      out.push(this.ternary());
      if (!this.peek(close)) this.take(',');
    }
    this.take(close);
    return out;
  }

  private member(operand: CelAst): CelAst {
    let e = operand;
    for (;;) {
      if (this.peek('[')) {
        this.i++;
        e = callOf('_[_]', [e, this.ternary()]);
        this.take(']');
      } else if (this.peek('.')) e = this.afterDot(e);
      else return e;
    }
  }

  private afterDot(target: CelAst): CelAst {
    this.take('.');
    const name = this.tokens[this.i++]!.text;
    if (!this.peek('(')) return select(target, name, false);
    this.take('(');
    const args = this.args(')');
    return macro(name, target, args) ?? callOf(name, args, target);
  }

  private primary(): CelAst {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new Error('CEL: unexpected end');
    if (t.kind === 'num') return constant(t.value as { case: string; value: unknown });
    if (t.kind === 'str') return constant({ case: 'stringValue', value: t.value });
    if (t.kind === 'id') return this.identifier(t.text);
    if (t.text === '(') return this.parenthesised();
    if (t.text === '[') return listOf(this.args(']'));
    if (t.text === '{') return this.mapLiteral();
    throw new Error(`CEL: unexpected ${t.text}`);
  }

  private parenthesised(): CelAst {
    const e = this.ternary();
    this.take(')');
    return e;
  }

  private identifier(name: string): CelAst {
    if (name === 'true' || name === 'false') return constant({ case: 'boolValue', value: name === 'true' });
    if (name === 'null') return constant({ case: 'nullValue', value: 0 });
    if (!this.peek('(')) return ident(name);
    this.take('(');
    const args = this.args(')');
    const [arg] = args;
    if (name === 'has' && args.length === 1 && arg?.exprKind.case === 'selectExpr') return select(arg.exprKind.value.operand!, arg.exprKind.value.field, true);
    return callOf(name, args);
  }

  private mapLiteral(): CelAst {
    const entries: { keyKind: { case: 'mapKey'; value: CelAst }; value: CelAst }[] = [];
    while (!this.peek('}')) {
      const key = this.ternary();
      this.take(':');
      entries.push({ keyKind: { case: 'mapKey', value: key }, value: this.ternary() });
      if (!this.peek('}')) this.take(',');
    }
    this.take('}');
    return { exprKind: { case: 'structExpr', value: { entries } } };
  }
}

/** The syntax tree of a generated CEL expression (throws on anything it does not read). */
export function parseCel(text: string): CelAst {
  return new Parser(tokenize(text)).parse();
}
