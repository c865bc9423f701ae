// Translates a Go RE2 pattern (regexp.MatchString, i.e. regexp/syntax with Perl flags) into the
// source of a JavaScript RegExp used with the `u` flag, preserving what it matches:
// `.` excludes only \n, `\s`/`\d`/`\w`/POSIX classes are ASCII, `\A`/`\z`, `\Q…\E`, octal and
// `\x{…}` escapes, Unicode classes, and the inline flags i, m, s, U (as a prefix or a group).
// Known limits (documented, not silently wrong on ASCII): (?i) folds ASCII plus k/s specials and
// simple non-ASCII case pairs; `\pC` and friends use the engine's Unicode tables.
import { type CharSet, type Range, complement, escapeCodePoint, foldRanges, perlClasses, posixClasses, printSet } from './re2-class.js';

export class Re2SyntaxError extends Error {}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

interface Parser {
  readonly cps: string[];
  pos: number;
  flags: Flags;
  readonly stack: Flags[];
}

const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));

export function translateRe2(pattern: string): string {
  const p: Parser = { cps: [...pattern], pos: 0, flags: { i: false, m: false, s: false, U: false }, stack: [] };
  let out = '';
  while (p.pos < p.cps.length) out += atom(p);
  if (p.stack.length > 0) throw new Re2SyntaxError('missing closing )');
  return out;
}

function peek(p: Parser, ahead = 0): string | undefined {
  return p.cps[p.pos + ahead];
}

function next(p: Parser): string {
  const c = p.cps[p.pos++];
  if (c === undefined) throw new Re2SyntaxError('unexpected end of pattern');
  return c;
}

const ATOMS: Readonly<Record<string, (p: Parser, c: string) => string>> = {
  '\\': escapeOutside,
  '[': printClass,
  '(': openGroup,
  ')': closeGroup,
  '.': (p) => (p.flags.s ? '[^]' : '[^\\n]'),
  '^': (p) => (p.flags.m ? '(?<![^\\n])' : '^'),
  '$': (p) => (p.flags.m ? '(?![^\\n])' : '$'),
  '*': (p, c) => c + lazy(p),
  '+': (p, c) => c + lazy(p),
  '?': (p, c) => c + lazy(p),
  '{': repeat,
  '|': () => '|',
};

function atom(p: Parser): string {
  const c = next(p);
  const handler = ATOMS[c];
  return handler !== undefined ? handler(p, c) : literal(c, p.flags.i);
}

/** `?` after a quantifier makes it lazy; (?U) swaps the meaning. */
function lazy(p: Parser): string {
  const q = peek(p) === '?';
  if (q) p.pos++;
  return q !== p.flags.U ? '?' : '';
}

/** `{n}`, `{n,}`, `{n,m}`; anything else is a literal brace in RE2. */
function repeat(p: Parser): string {
  const rest = p.cps.slice(p.pos, p.pos + 12).join('');
  const m = /^(\d{1,4})(,(\d{0,4}))?\}/.exec(rest);
  if (m === null) return '\\{';
  p.pos += [...m[0]].length;
  return `{${m[1]}${m[2] ?? ''}}${lazy(p)}`;
}

function literal(c: string, fold: boolean): string {
  const cp = c.codePointAt(0)!;
  if (fold) {
    const set = foldRanges([[cp, cp]]);
    if (set.length > 1 || set[0]![0] !== set[0]![1]) return printSet({ ranges: set, props: [] }, false);
  }
  if (JS_SYNTAX.has(c)) return `\\${c}`;
  return cp < 0x20 || cp === 0x7f ? escapeCodePoint(cp) : c;
}

function openGroup(p: Parser): string {
  p.stack.push({ ...p.flags });
  if (peek(p) !== '?') return '(';
  p.pos++;
  const rest = p.cps.slice(p.pos).join('');
  const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
  if (named !== null) {
    p.pos += named[0].length;
    return '(';
  }
  const fl = /^([imsU]*)(-([imsU]*))?([:)])/.exec(rest);
  if (fl === null) throw new Re2SyntaxError(`invalid or unsupported group syntax at (?${rest.slice(0, 8)}`);
  p.pos += fl[0].length;
  const flags = { ...p.flags };
  for (const f of fl[1]!) flags[f as keyof Flags] = true;
  for (const f of fl[3] ?? '') flags[f as keyof Flags] = false;
  if (fl[4] === ':') {
    p.flags = flags;
    return '(?:';
  }
  // `(?flags)` changes the flags of the enclosing group until it closes.
  p.stack.pop();
  p.flags = flags;
  return '';
}

function closeGroup(p: Parser): string {
  const saved = p.stack.pop();
  if (saved === undefined) throw new Re2SyntaxError('unexpected )');
  p.flags = saved;
  return ')';
}

function escapeOutside(p: Parser): string {
  const c = peek(p);
  if (c === 'A') return (p.pos++, '^');
  if (c === 'z') return (p.pos++, '$');
  if (c === 'b' || c === 'B') return (p.pos++, `\\${c}`);
  if (c === 'Q') return (p.pos++, quoted(p));
  const e = escape(p);
  if (typeof e === 'number') return literal(String.fromCodePoint(e), p.flags.i);
  return printSet(p.flags.i ? { ranges: foldRanges(e.ranges), props: e.props } : e, false);
}

function quoted(p: Parser): string {
  let out = '';
  while (p.pos < p.cps.length && !(peek(p) === '\\' && peek(p, 1) === 'E')) out += literal(next(p), p.flags.i);
  if (p.pos < p.cps.length) p.pos += 2;
  return out;
}

const SIMPLE: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** One escape after `\`: a code point, or a set for class escapes. Shared by classes and atoms. */
function escape(p: Parser): number | CharSet {
  const c = next(p);
  if (SIMPLE[c] !== undefined) return SIMPLE[c];
  if (/^[0-7]$/.test(c)) return octal(p, c);
  if (c === 'x') return hex(p);
  if (c === 'p' || c === 'P') return unicodeClass(p, c === 'P');
  const lower = c.toLowerCase();
  const perl = perlClasses[lower];
  if (perl !== undefined) return { ranges: c === lower ? perl : complement(perl), props: [] };
  if (/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(c)) return c.codePointAt(0)!;
  throw new Re2SyntaxError(`invalid escape sequence \\${c}`);
}

function octal(p: Parser, first: string): number {
  const isOct = (s: string | undefined): boolean => s !== undefined && /^[0-7]$/.test(s);
  if (first !== '0' && !isOct(peek(p))) throw new Re2SyntaxError(`invalid escape sequence \\${first} (backreferences are not supported)`);
  let v = Number(first);
  for (let i = 0; i < 2 && isOct(peek(p)); i++) v = v * 8 + Number(next(p));
  return v;
}

function hex(p: Parser): number {
  const rest = p.cps.slice(p.pos, p.pos + 10).join('');
  const m = /^\{([0-9A-Fa-f]{1,8})\}/.exec(rest) ?? /^([0-9A-Fa-f]{2})/.exec(rest);
  if (m === null) throw new Re2SyntaxError('invalid \\x escape');
  p.pos += m[0].length;
  const v = parseInt(m[1]!, 16);
  if (v > 0x10ffff) throw new Re2SyntaxError('invalid \\x escape (beyond U+10FFFF)');
  return v;
}

function unicodeClass(p: Parser, negated: boolean): CharSet {
  let name = next(p);
  if (name === '{') {
    const end = p.cps.indexOf('}', p.pos);
    if (end < 0) throw new Re2SyntaxError('missing } in \\p{');
    name = p.cps.slice(p.pos, end).join('');
    p.pos = end + 1;
  }
  if (name.startsWith('^')) [name, negated] = [name.slice(1), !negated];
  if (name === 'Any') return { ranges: negated ? [] : [[0, 0x10ffff]], props: [] };
  const prop = CATEGORIES.has(name) ? name : `Script=${name}`;
  return { ranges: [], props: [`\\${negated ? 'P' : 'p'}{${prop}}`] };
}

function printClass(p: Parser): string {
  const negated = peek(p) === '^';
  if (negated) p.pos++;
  const set: CharSet = { ranges: [], props: [] };
  let first = true;
  for (;;) {
    const c = peek(p);
    if (c === undefined) throw new Re2SyntaxError('missing closing ]');
    if (c === ']' && !first) break;
    classItem(p, set);
    first = false;
  }
  p.pos++;
  const ranges = p.flags.i ? foldRanges(set.ranges) : set.ranges;
  return printSet({ ranges, props: set.props }, negated);
}

function classItem(p: Parser, set: CharSet): void {
  const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.cps.slice(p.pos, p.pos + 12).join(''));
  if (posix !== null) {
    const ranges = posixClasses[posix[2]!];
    if (ranges === undefined) throw new Re2SyntaxError(`invalid character class range [:${posix[2]}:]`);
    p.pos += posix[0].length;
    set.ranges.push(...(posix[1] === '^' ? complement(ranges) : ranges));
    return;
  }
  const lo = classAtom(p);
  if (typeof lo !== 'number') return void (set.ranges.push(...lo.ranges), set.props.push(...lo.props));
  if (peek(p) === '-' && peek(p, 1) !== ']' && peek(p, 1) !== undefined) {
    p.pos++;
    const hi = classAtom(p);
    if (typeof hi !== 'number' || hi < lo) throw new Re2SyntaxError('invalid character class range');
    set.ranges.push([lo, hi] as Range);
    return;
  }
  set.ranges.push([lo, lo]);
}

function classAtom(p: Parser): number | CharSet {
  const c = next(p);
  return c === '\\' ? escape(p) : c.codePointAt(0)!;
}
