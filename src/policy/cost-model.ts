// The runtime cost model: an upper bound on what cel-go's CostTracker charges for evaluating a CEL
// expression (interpreter/runtimecost.go with k8s.io/apiserver's library CostEstimator consulted
// first, as the API server runs ValidatingAdmissionPolicies), as a pure function of the parsed AST
// (cel-ast.ts, from cel-parse.ts or any cel-spec parser) and
// the shapes (cost-shape.ts) of the variables it reads. Every constant and rule, with its source, is
// in docs/policy-cost.md; where the model is unsure it charges more, never less.
//
// Guards: a `size(p) <= C` that must hold for a sub-expression to run (a ternary's condition, the
// left side of && / ||, an all() over a list) narrows the shape of path p there, so a guarded
// iteration is charged for at most C elements.
import { childrenOf, type CelAst } from './cel-ast.js';
import { ANY_JSON, capSize, elementOf, EVERY, fieldOf, iterationOf, join, lengthOf, narrow, NOTHING, SCALAR, sizeOf, str, traversalOf, type Shape, type Step } from './cost-shape.js';

type Expr = CelAst;
type Kind = Expr['exprKind'];
type Call = Extract<Kind, { case: 'callExpr' }>['value'];
type Comprehension = Extract<Kind, { case: 'comprehensionExpr' }>['value'];

/** cel-go common/cost.go and k8s.io/apiserver pkg/apis/cel/config.go. */
export const COST = {
  selectAndIdent: 1,
  call: 1,
  listCreate: 10,
  mapCreate: 30,
  stringTraversal: 0.1,
  regexLength: 0.25,
  perCallLimit: 1_000_000,
  runtimeBudget: 10_000_000,
} as const;

export interface Estimate {
  readonly cost: number;
  readonly shape: Shape;
}

interface Scope {
  readonly vars: ReadonlyMap<string, Shape>;
  /** Path (`variables.tools`, `t.name`, `variables.rl.tools[*].name`) → size bound a guard established. */
  readonly facts: ReadonlyMap<string, number>;
  /** Integer literals that stand for a bound still being searched (bounds.ts), and their trial values. */
  readonly symbols: ReadonlyMap<bigint, number>;
  /** Whether a loop step's second pass reuses its first pass's estimates (Reuse; off only to test it). */
  readonly reuseSteps: boolean;
  /** Inside a loop step: the estimates its first pass made and its second pass reuses (comprehension()). */
  readonly reuse?: Reuse;
}

/**
 * A comprehension's loop step is estimated twice (once to widen the accumulator, once with it), and
 * the steps of nested comprehensions would be estimated twice per enclosing pass: exponential in the
 * nesting depth. The parts of a step that do not read the accumulator get the same estimate in both
 * passes (the scopes differ only in its shape), so the first pass records them and the second reuses
 * them, which keeps the work linear in the expression's size.
 */
interface Reuse {
  readonly accuVar: string;
  readonly replay: boolean;
  /** Estimates by node; null where a node (shared by the tree) was met twice, in scopes that may differ. */
  readonly estimates: Map<Expr, Estimate | null>;
}

// --- the variables an expression reads (for Reuse) ---

/** The variables `e` reads that it does not bind itself; cached per node, as the tree is never changed. */
const freeVars = new WeakMap<Expr, ReadonlySet<string>>();

function readsOf(e: Expr): ReadonlySet<string> {
  let out = freeVars.get(e);
  if (out === undefined) {
    out = collectReads(e);
    freeVars.set(e, out);
  }
  return out;
}

/** Adds what `es` read, but for the `bound` names, to `out`. */
function addReads(out: Set<string>, es: readonly (Expr | undefined)[], bound: readonly string[] = []): Set<string> {
  for (const e of es) {
    if (e !== undefined) readsOf(e).forEach((v) => bound.includes(v) || out.add(v));
  }
  return out;
}

function collectReads(e: Expr): ReadonlySet<string> {
  const k = e.exprKind;
  if (k.case === 'identExpr') return new Set([k.value.name]);
  if (k.case !== 'comprehensionExpr') return addReads(new Set(), childrenOf(e));
  // Bound as comprehension() binds them: the loop sees both variables, the result only the accumulator.
  const c = k.value;
  return addReads(addReads(addReads(new Set(), [c.iterRange, c.accuInit]), [c.loopCondition, c.loopStep], [c.iterVar, c.accuVar]), [c.result], [c.accuVar]);
}

const ceil = (x: number): number => (x === Infinity ? Infinity : Math.ceil(x));
const traverse = (size: number, factor: number = COST.stringTraversal): number => ceil(size * factor);
const times = (n: number, per: number): number => (per === 0 || n === 0 ? 0 : n * per);

// --- paths and the facts guards establish about them ---

/** The variable path `e` reads (`variables.rl.tools`), seeing through dyn(), which returns its argument. */
function pathOf(e: Expr): string | undefined {
  if (e.exprKind.case === 'identExpr') return e.exprKind.value.name;
  if (e.exprKind.case === 'callExpr' && e.exprKind.value.function === 'dyn' && e.exprKind.value.target === undefined && e.exprKind.value.args.length === 1) return pathOf(e.exprKind.value.args[0]!);
  if (e.exprKind.case === 'selectExpr' && !e.exprKind.value.testOnly) {
    const base = e.exprKind.value.operand === undefined ? undefined : pathOf(e.exprKind.value.operand);
    return base === undefined ? undefined : `${base}.${e.exprKind.value.field}`;
  }
  return undefined;
}

const stepsOf = (rest: string): Step[] => [...rest.matchAll(/\[\*\]|\.([^.[]+)/g)].map((m) => m[1] ?? EVERY);

/** The facts about `key` and the paths below it, applied to its shape. */
function applyFacts(shape: Shape, key: string, facts: ReadonlyMap<string, number>): Shape {
  let out = shape;
  for (const [path, max] of facts) {
    if (path === key) out = capSize(out, max);
    else if (path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) out = narrow(out, stepsOf(path.slice(key.length)), max);
  }
  return out;
}

function intLiteral(e: Expr, symbols: ReadonlyMap<bigint, number>): number | undefined {
  if (e.exprKind.case !== 'constExpr') return undefined;
  const v = e.exprKind.value.constantKind.value;
  return typeof v === 'bigint' ? (symbols.get(v) ?? Number(v)) : undefined;
}

/** The path whose size `e` is (`size(p)` or `p.size()`). */
function sizeTarget(e: Expr): string | undefined {
  if (e.exprKind.case !== 'callExpr' || e.exprKind.value.function !== 'size') return undefined;
  const c = e.exprKind.value;
  const arg = c.target ?? (c.args.length === 1 ? c.args[0] : undefined);
  return arg === undefined || (c.target !== undefined && c.args.length > 0) ? undefined : pathOf(arg);
}

type Fact = readonly [string, number];

const comparisons: Readonly<Record<string, { readonly when: boolean; readonly shift: number }>> = {
  '_<=_': { when: true, shift: 0 },
  '_<_': { when: true, shift: -1 },
  '_>_': { when: false, shift: 0 },
  '_>=_': { when: false, shift: -1 },
};

function comparisonFacts(c: Call, truth: boolean, symbols: ReadonlyMap<bigint, number>): Fact[] {
  const rule = comparisons[c.function];
  const [a, b] = c.args;
  if (rule === undefined || a === undefined || b === undefined || rule.when !== truth) return [];
  const key = sizeTarget(a);
  const bound = intLiteral(b, symbols);
  return key === undefined || bound === undefined ? [] : [[key, bound + rule.shift]];
}

/** The predicate of an all() (init true, step `@result && body`), if `c` is one. */
function allPredicate(c: Comprehension): Expr | undefined {
  const step = c.loopStep?.exprKind;
  const init = c.accuInit?.exprKind;
  if (step?.case !== 'callExpr' || step.value.function !== '_&&_' || init?.case !== 'constExpr') return undefined;
  return init.value.constantKind.value === true ? step.value.args[1] : undefined;
}

/** `range.all(v, body)` true: what body says about `v` holds for every element of range. */
function allFacts(c: Comprehension, truth: boolean, symbols: ReadonlyMap<bigint, number>): Fact[] {
  const range = c.iterRange === undefined ? undefined : pathOf(c.iterRange);
  const body = allPredicate(c);
  if (!truth || range === undefined || body === undefined) return [];
  const v = c.iterVar;
  return factsOf(body, true, symbols).flatMap(([p, n]): Fact[] => (p === v || p.startsWith(`${v}.`) ? [[`${range}${EVERY}${p.slice(v.length)}`, n]] : []));
}

/** A conjunction that holds (&& true) or a disjunction that fails (|| false): both sides' facts. */
function bothSides(c: Call, truth: boolean, symbols: ReadonlyMap<bigint, number>): Fact[] {
  return c.args.flatMap((a) => factsOf(a, truth, symbols));
}

/** Size bounds that hold wherever `e` evaluated to `truth`. */
function factsOf(e: Expr, truth: boolean, symbols: ReadonlyMap<bigint, number>): Fact[] {
  if (e.exprKind.case === 'comprehensionExpr') return allFacts(e.exprKind.value, truth, symbols);
  if (e.exprKind.case !== 'callExpr') return [];
  const c = e.exprKind.value;
  const [a] = c.args;
  if (c.function === '!_' && a !== undefined) return factsOf(a, !truth, symbols);
  if ((c.function === '_&&_' && truth) || (c.function === '_||_' && !truth)) return bothSides(c, truth, symbols);
  return comparisonFacts(c, truth, symbols);
}

function withFacts(scope: Scope, e: Expr, truth: boolean): Scope {
  const facts = factsOf(e, truth, scope.symbols);
  if (facts.length === 0) return scope;
  const merged = new Map(scope.facts);
  for (const [p, n] of facts) merged.set(p, Math.min(n, merged.get(p) ?? Infinity));
  return { ...scope, facts: merged };
}

function withVars(scope: Scope, vars: Readonly<Record<string, Shape>>): Scope {
  const names = Object.keys(vars);
  const shadowed = (p: string): boolean => names.some((n) => p === n || p.startsWith(`${n}.`) || p.startsWith(`${n}[`));
  return { ...scope, vars: new Map([...scope.vars, ...Object.entries(vars)]), facts: new Map([...scope.facts].filter(([p]) => !shadowed(p))) };
}

// --- calls ---

interface Operands {
  readonly call: Call;
  /** Receiver first (method calls), then the arguments; each already estimated. */
  readonly values: readonly Estimate[];
  readonly exprs: readonly Expr[];
}

type Rule = (o: Operands) => Estimate;

const nth = (o: Operands, i: number): Shape => o.values[i]?.shape ?? NOTHING;
const size = (o: Operands, i: number): number => sizeOf(nth(o, i));
const fixed = (shape: Shape, cost: number = COST.call): Estimate => ({ cost, shape });
const isString = (s: Shape): boolean => s.str !== undefined;

function stringLiteral(e: Expr | undefined): string | undefined {
  const v = e?.exprKind.case === 'constExpr' ? e.exprKind.value.constantKind.value : undefined;
  return typeof v === 'string' ? v : undefined;
}

const stringLiteralLength = (e: Expr | undefined): number | undefined => {
  const v = stringLiteral(e);
  return v === undefined ? undefined : [...v].length;
};

/** cel-go's MatchesString rule, which k8s' CostEstimator also applies to find and findAll. */
const regexCost = (o: Operands): number => traverse(1 + size(o, 0)) * traverse(size(o, 1), COST.regexLength);

/** The shape of a + b: numbers, a concatenated string, a concatenated list. */
function sumShape(a: Shape, b: Shape): Shape {
  const list = a.list !== undefined && b.list !== undefined ? { len: a.list.len + b.list.len, elem: join(a.list.elem, b.list.elem) } : undefined;
  const text = a.str !== undefined && b.str !== undefined ? { str: a.str + b.str } : {};
  return { ...(a.scalar === true ? { scalar: true } : {}), ...text, ...(list === undefined ? {} : { list }) };
}

/** Strings: ceil(0.1 × (m + n)) (AddString); lists and numbers: 1. */
function plus(o: Operands): Estimate {
  const [a, b] = [nth(o, 0), nth(o, 1)];
  const strCost = isString(a) || isString(b) ? traverse(size(o, 0) + size(o, 1)) : 0;
  return { cost: Math.max(COST.call, strCost), shape: sumShape(a, b) };
}

function index(o: Operands): Estimate {
  const container = nth(o, 0);
  const key = o.exprs[1];
  const literal = stringLiteral(key);
  const fromMap = container.map === undefined ? NOTHING : literal === undefined ? elementOf({ map: container.map }) : fieldOf(container, literal);
  return fixed(join(container.list?.elem ?? NOTHING, fromMap));
}

function replace(o: Operands): Estimate {
  const s = size(o, 0);
  const needle = stringLiteralLength(o.exprs[1]) ?? 1;
  const by = size(o, 2);
  // At most floor(s / needle) replacements, each longer by (by - needle).
  const grown = by <= needle ? s : s + Math.floor(s / Math.max(needle, 1)) * (by - needle);
  return { cost: traverse(s, 2 * COST.stringTraversal), shape: str(grown) };
}

const minSize = (o: Operands): number => Math.min(size(o, 0), size(o, 1));
const compare: Rule = (o) => fixed(SCALAR, isString(nth(o, 0)) && isString(nth(o, 1)) ? Math.max(COST.call, traverse(minSize(o))) : COST.call);
const equality: Rule = (o) => fixed(SCALAR, traverse(minSize(o)));
const inRule: Rule = (o) => fixed(SCALAR, Math.max(nth(o, 1).list?.len ?? 0, nth(o, 1).map === undefined ? 0 : COST.call));
const scalarCall: Rule = () => fixed(SCALAR);
/** Conversions are O(1) in cel-go (runtimecost.go default); string() of a number prints at most 32 characters. */
const toString: Rule = (o) => fixed(join(isString(nth(o, 0)) ? str(nth(o, 0).str ?? 0) : NOTHING, nth(o, 0).scalar === true || nth(o, 0).list !== undefined || nth(o, 0).map !== undefined ? str(32) : NOTHING));
const sameString = (factor: number): Rule => (o) => ({ cost: traverse(size(o, 0), factor), shape: str(nth(o, 0).str ?? 0) });
/** k8s CostEstimator: isSorted, sum, max, min, indexOf, lastIndexOf cost one traversal of the receiver. */
const traversal = (result: (o: Operands) => Shape): Rule => (o) => ({ cost: traversalOf(nth(o, 0)), shape: result(o) });

const rules: Readonly<Record<string, Rule>> = {
  '!_': scalarCall,
  '-_': scalarCall,
  '@not_strictly_false': scalarCall,
  '_-_': scalarCall,
  '_*_': scalarCall,
  '_/_': scalarCall,
  '_%_': scalarCall,
  size: scalarCall,
  int: scalarCall,
  uint: scalarCall,
  double: scalarCall,
  bool: scalarCall,
  dyn: (o) => fixed(nth(o, 0)),
  string: toString,
  '_+_': plus,
  '_[_]': index,
  '_==_': equality,
  '_!=_': equality,
  '_<_': compare,
  '_<=_': compare,
  '_>_': compare,
  '_>=_': compare,
  '@in': inRule,
  matches: (o) => fixed(SCALAR, regexCost(o)),
  find: (o) => fixed(str(size(o, 0)), regexCost(o)),
  // A regex that matches the empty string matches at every position: n + 1 results at most.
  findAll: (o) => fixed({ list: { len: size(o, 0) + 1, elem: str(size(o, 0)) } }, regexCost(o)),
  // runtimecost.go charges the receiver (older cel-go: the argument); the larger of the two.
  startsWith: (o) => fixed(SCALAR, traverse(Math.max(size(o, 0), size(o, 1)))),
  endsWith: (o) => fixed(SCALAR, traverse(Math.max(size(o, 0), size(o, 1)))),
  contains: (o) => fixed(SCALAR, traverse(size(o, 0)) * traverse(size(o, 1))),
  lowerAscii: sameString(COST.stringTraversal),
  upperAscii: sameString(COST.stringTraversal),
  trim: sameString(COST.stringTraversal),
  substring: sameString(COST.stringTraversal),
  replace,
  // Not priced by cel-go or k8s (so 1); charged as a traversal of the receiver on top, to be safe.
  charAt: (o) => fixed(str(1), COST.call + traverse(size(o, 0))),
  indexOf: traversal(() => SCALAR),
  lastIndexOf: traversal(() => SCALAR),
  sum: traversal(() => SCALAR),
  isSorted: traversal(() => SCALAR),
  min: traversal((o) => nth(o, 0).list?.elem ?? NOTHING),
  max: traversal((o) => nth(o, 0).list?.elem ?? NOTHING),
};

// --- expressions ---

function logical(c: Call, scope: Scope): Estimate {
  const [a, b] = c.args as [Expr, Expr];
  const left = estimateIn(a, scope);
  const right = estimateIn(b, withFacts(scope, a, c.function === '_&&_'));
  return { cost: left.cost + right.cost, shape: SCALAR };
}

function conditional(c: Call, scope: Scope): Estimate {
  const [cond, yes, no] = c.args as [Expr, Expr, Expr];
  const test = estimateIn(cond, scope);
  const a = estimateIn(yes, withFacts(scope, cond, true));
  const b = estimateIn(no, withFacts(scope, cond, false));
  return { cost: test.cost + Math.max(a.cost, b.cost), shape: join(a.shape, b.shape) };
}

function call(c: Call, scope: Scope): Estimate {
  if (c.function === '_&&_' || c.function === '_||_') return logical(c, scope);
  if (c.function === '_?_:_') return conditional(c, scope);
  const rule = rules[c.function];
  if (rule === undefined) throw new Error(`cost model: no cost rule for CEL function ${c.function}`);
  const exprs = c.target === undefined ? c.args : [c.target, ...c.args];
  const values = exprs.map((e) => estimateIn(e, scope));
  const own = rule({ call: c, values, exprs });
  return { cost: values.reduce((sum, v) => sum + v.cost, own.cost), shape: own.shape };
}

function comprehension(c: Comprehension, scope: Scope): Estimate {
  const range = estimateIn(c.iterRange!, scope);
  const n = lengthOf(range.shape);
  const init = estimateIn(c.accuInit!, scope);
  /** The accumulator of map() and filter() grows to at most one element per iteration. */
  const widen = (s: Shape): Shape => (s.list === undefined ? s : { ...s, list: { ...s.list, len: n } });
  // The enclosing step's Reuse ends here: below, a variable it did not see may depend on its accumulator.
  const inner = (accu: Shape): Scope => withoutReuse(withVars(scope, { [c.iterVar]: iterationOf(range.shape), [c.accuVar]: accu }));
  const estimates = new Map<Expr, Estimate | null>();
  const pass = (loop: Scope, replay: boolean): Estimate => estimateIn(c.loopStep!, scope.reuseSteps ? { ...loop, reuse: { accuVar: c.accuVar, replay, estimates } } : loop);
  const accu = widen(join(init.shape, pass(inner(widen(init.shape)), false).shape));
  const loop = inner(accu);
  const step = pass(loop, true);
  const cond = estimateIn(c.loopCondition!, loop);
  const result = estimateIn(c.result!, withoutReuse(withVars(scope, { [c.accuVar]: accu })));
  return { cost: range.cost + init.cost + times(n, cond.cost + step.cost) + result.cost, shape: result.shape };
}

function literalList(elements: readonly Expr[], scope: Scope): Estimate {
  const values = elements.map((e) => estimateIn(e, scope));
  const elem = values.reduce((s, v) => join(s, v.shape), NOTHING);
  return { cost: values.reduce((sum: number, v) => sum + v.cost, COST.listCreate), shape: { list: { len: values.length, elem } } };
}

function literalMap(entries: Extract<Kind, { case: 'structExpr' }>['value']['entries'], scope: Scope): Estimate {
  let cost: number = COST.mapCreate;
  let [key, val] = [NOTHING, NOTHING];
  const fields: Record<string, Shape> = {};
  for (const entry of entries) {
    if (entry.keyKind.case !== 'mapKey' || entry.value === undefined) throw new Error('cost model: only map literals are priced');
    const k = estimateIn(entry.keyKind.value, scope);
    const v = estimateIn(entry.value, scope);
    [cost, key, val] = [cost + k.cost + v.cost, join(key, k.shape), join(val, v.shape)];
    const name = stringLiteral(entry.keyKind.value);
    if (name !== undefined) fields[name] = v.shape;
  }
  return { cost, shape: { map: { len: entries.length, key, val, fields } } };
}

function constant(e: Extract<Kind, { case: 'constExpr' }>['value']): Estimate {
  const v = e.constantKind.value;
  return { cost: 0, shape: typeof v === 'string' ? str([...v].length) : v instanceof Uint8Array ? str(v.length) : SCALAR };
}

/**
 * The shape an identifier or field selection reads, before the facts about its own path. A chain
 * (`object.spec.config.tools`) is narrowed once, at its end: the facts about the paths above it
 * narrow only what the selections discard, or what the end's own facts narrow again (capSize is
 * idempotent), so narrowing every link would only cost time.
 */
function pathBase(e: Expr, scope: Scope): Estimate {
  if (e.exprKind.case === 'identExpr') {
    const v = scope.vars.get(e.exprKind.value.name);
    if (v === undefined) throw new Error(`cost model: unknown variable ${e.exprKind.value.name}`);
    return { cost: COST.selectAndIdent, shape: v };
  }
  const s = e.exprKind.value as Extract<Kind, { case: 'selectExpr' }>['value'];
  const kind = s.operand!.exprKind.case;
  const operand = kind === 'identExpr' || kind === 'selectExpr' ? pathBase(s.operand!, scope) : estimateIn(s.operand!, scope);
  return { cost: operand.cost + COST.selectAndIdent, shape: s.testOnly ? SCALAR : fieldOf(operand.shape, s.field) };
}

function path(e: Expr, scope: Scope): Estimate {
  const key = pathOf(e);
  const base = pathBase(e, scope);
  return key === undefined ? base : { cost: base.cost, shape: applyFacts(base.shape, key, scope.facts) };
}

function withoutReuse(scope: Scope): Scope {
  if (scope.reuse === undefined) return scope;
  const { reuse: _, ...rest } = scope;
  return rest;
}

/** estimateIn, through the enclosing loop step's Reuse where `e` does not read its accumulator. */
function estimateIn(e: Expr, scope: Scope): Estimate {
  const r = scope.reuse;
  if (r === undefined || readsOf(e).has(r.accuVar)) return estimateFresh(e, scope);
  const known = r.estimates.get(e);
  if (r.replay && known !== undefined && known !== null) return known;
  const out = estimateFresh(e, withoutReuse(scope));
  if (!r.replay) r.estimates.set(e, known === undefined ? out : null);
  return out;
}

function estimateFresh(e: Expr, scope: Scope): Estimate {
  const k = e.exprKind;
  switch (k.case) {
    case 'constExpr':
      return constant(k.value);
    case 'identExpr':
    case 'selectExpr':
      return path(e, scope);
    case 'callExpr':
      return call(k.value, scope);
    case 'listExpr':
      return literalList(k.value.elements, scope);
    case 'structExpr':
      return literalMap(k.value.entries, scope);
    case 'comprehensionExpr':
      return comprehension(k.value, scope);
    default:
      throw new Error(`cost model: cannot price expression kind ${String(k.case)}`);
  }
}

export interface EstimateOptions {
  /** Shapes of the variables the expression reads (`object`, `oldObject`, `variables`, ...). */
  readonly vars: Readonly<Record<string, Shape>>;
  readonly symbols?: ReadonlyMap<bigint, number>;
  /** false: estimate both passes of every loop step in full (exponential in the nesting; the reference the tests compare with). */
  readonly reuseSteps?: boolean;
}

/** Worst-case cost (cel-go actual-cost units) of one parsed expression, and the shape of its result. */
export function estimate(e: Expr, o: EstimateOptions): Estimate {
  return estimateIn(e, { vars: new Map(Object.entries(o.vars)), facts: new Map(), symbols: o.symbols ?? new Map(), reuseSteps: o.reuseSteps ?? true });
}

export { ANY_JSON };
export type { Shape };
