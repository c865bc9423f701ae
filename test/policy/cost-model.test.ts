// The cost model on small expressions whose cel-go actual cost is derived by hand from
// interpreter/runtimecost.go (docs/policy-cost.md has the rules), so a wrong constant or rule fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '@bufbuild/cel';
import type { CelAst, CelComprehension } from '../../src/policy/cel-ast.js';
import { parseCel } from '../../src/policy/cel-parse.js';
import { estimate } from '../../src/policy/cost-model.js';
import { ANY_JSON, SCALAR, str, type Shape } from '../../src/policy/cost-shape.js';

const list = (len: number, elem: Shape = SCALAR): Shape => ({ list: { len, elem } });
const vars: Record<string, Shape> = {
  a: { map: { len: 2, key: str(1), val: ANY_JSON } },
  s: str(99),
  s17: str(17),
  s25: str(25),
  t100: str(100),
  l5: list(5),
  l4: list(4),
  big: list(Infinity),
  o: ANY_JSON,
};
const cost = (e: string): number => estimate(parse(e).expr, { vars }).cost;

void test('identifiers and selects cost 1 each (SelectAndIdentCost), has() 1 for the test plus its operand, constants 0', () => {
  assert.equal(cost('1'), 0);
  assert.equal(cost('a'), 1);
  assert.equal(cost('a.b.c'), 3);
  assert.equal(cost('has(a.b)'), 2);
  assert.equal(cost('has(a.b.c)'), 3);
});

void test('calls: O(1) functions 1; && and || and ternaries nothing of their own', () => {
  assert.equal(cost('!has(a.b)'), 3);
  assert.equal(cost('size(s) + 1 > 2'), 4); // size 1 + s 1 + _+_ 1 + _>_ 1
  assert.equal(cost('has(a.b) && has(a.c)'), 4);
  assert.equal(cost('has(a.b) ? a.b : a.c.d'), 2 + 3);
});

void test('strings: concatenation ceil(0.1 × (m + n)), equality ceil(0.1 × min), regex ceil(0.1 × (1 + n)) × ceil(0.25 × regex)', () => {
  assert.equal(cost("'abc' + s17"), 1 + 2);
  assert.equal(cost('s25 == t100'), 2 + 3);
  assert.equal(cost("s.matches('^[a-z]+$')"), 1 + 10 * 2);
  assert.equal(cost("s.find('[0-9]+')"), 1 + 10 * 2);
  assert.equal(cost("s.startsWith('-')"), 1 + 10);
  assert.equal(cost("s.replace('a', 'bb')"), 1 + 20);
  assert.equal(cost('s.lowerAscii()'), 1 + 10);
});

void test('literals: a list 10, a map 30 (ListCreateBaseCost, MapCreateBaseCost), plus their elements; `in` a list costs its size', () => {
  assert.equal(cost('[1, 2]'), 10);
  assert.equal(cost("{'a': 1, 'b': s}"), 31);
  assert.equal(cost("s in ['a', 'b', 'c']"), 1 + 10 + 3);
});

void test('comprehensions: per iteration the loop condition and the step; all() over 5 elements', () => {
  // range 1; per element: @not_strictly_false(@result) 2, @result && (x > 0) 3; result 1
  assert.equal(cost('l5.all(x, x > 0)'), 1 + 5 * (2 + 3) + 1);
  // exists: condition @not_strictly_false(!@result) 3, step @result || x > 0: 3
  assert.equal(cost('l5.exists(x, x > 0)'), 1 + 5 * (3 + 3) + 1);
  // map: init [] 10; condition true 0; step @result + [x]: _+_ 1 + @result 1 + [x] 10 + x 1
  assert.equal(cost('l4.map(x, x)'), 1 + 10 + 4 * 13 + 1);
  // filter: step x > 0 ? @result + [x] : @result → 2 + 13
  assert.equal(cost('l4.filter(x, x > 0)'), 1 + 10 + 4 * (2 + 13) + 1);
});

void test('an unbounded iteration is Infinity; a size() guard bounds it where it holds', () => {
  assert.equal(cost('big.all(x, x > 0)'), Infinity);
  assert.equal(cost('size(big) <= 3 ? big.all(x, x > 0) : true'), 3 + (1 + 3 * 5 + 1));
  assert.equal(cost('size(big) > 3 || big.all(x, x > 0)'), 3 + (1 + 3 * 5 + 1));
  assert.equal(cost('!(size(big) <= 3) || big.all(x, x > 0)'), 4 + (1 + 3 * 5 + 1));
  assert.equal(cost('size(big) <= 3 && big.all(x, x > 0)'), 3 + (1 + 3 * 5 + 1));
  assert.equal(cost('big.all(x, x > 0) && size(big) <= 3'), Infinity);
});

void test('an all() over a list bounds its elements for the rest of the condition; strings of unknown length cost Infinity', () => {
  const guarded = "size(o.items) <= 2 && o.items.all(i, size(i.name) <= 10) ? o.items.all(i, i.name.matches('^a+$')) : true";
  // guard: size 1 + o.items 2 + <= 1 = 4; all: range 2 + 2 × (2 + (1 + size 1 + i.name 2 + <= 1)) + 1 = 17
  // then: range 2 + 2 × (2 + 1 + (i.name 2 + ceil(1.1) × ceil(1.25) = 4)) + 1 = 17
  assert.equal(cost(guarded), 4 + 17 + 17);
  assert.equal(cost("o.items.all(i, i.name.matches('^a+$'))"), Infinity);
});

void test('a guard narrows the path it names and what lies below it, through fields the schema leaves open and through dyn(); not the paths below a sibling', () => {
  // guard: size 1 + a.b.c 3 + <= 1 = 5; then a.b.c 3 + matches ceil(0.1 × 6) × ceil(0.25 × 1) = 1
  assert.equal(cost("size(a.b.c) <= 5 && a.b.c.matches('x')"), 5 + 4);
  assert.equal(cost("size(a.b) <= 1 && a.b.c.matches('x')"), Infinity);
  // a.b.c 3 + a.b.d 3 + ceil(0.1 × 12) = 2; == '' ceil(0.1 × 0) = 0
  assert.equal(cost("size(a.b.c) <= 5 && size(a.b.d) <= 7 && a.b.c + a.b.d == ''"), 5 + 5 + 8);
  assert.equal(cost("size(a.b.c) <= 5 && size(a.b.d) <= 7 && a.b.c + a.b.e == ''"), Infinity);
  // dyn(a.b).c: a.b 2 + dyn 1 + .c 1, matches 1
  assert.equal(cost("size(a.b.c) <= 5 ? dyn(a.b).c.matches('x') : false"), 5 + 5);
});

void test('list functions of the Kubernetes library cost one traversal of the receiver', () => {
  assert.equal(cost('l5.sum()'), 1 + 5);
  assert.equal(estimate(parse('x.min()').expr, { vars: { x: list(3, str(10)) } }).cost, 1 + 3 * 4);
});

void test('an unknown function is an error, not a free call', () => {
  assert.throws(() => cost("s.split(',')"), /no cost rule for CEL function split/);
});

// A loop step is estimated twice; the second pass reuses what the first found for the parts that do
// not read the accumulator. The full two-pass estimate (reuseSteps: false) is the reference.
const both = (e: CelAst, v: Record<string, Shape> = vars): void => {
  assert.deepStrictEqual(estimate(e, { vars: v }), estimate(e, { vars: v, reuseSteps: false }));
};

/** The first comprehension below `e` (depth first, the range before the step). */
function comprehensionIn(e: CelAst): CelComprehension | undefined {
  const k = e.exprKind;
  if (k.case === 'comprehensionExpr') return k.value;
  const kids = k.case === 'callExpr' ? [k.value.target, ...k.value.args] : k.case === 'selectExpr' ? [k.value.operand] : k.case === 'listExpr' ? k.value.elements : [];
  for (const c of kids) {
    const found = c === undefined ? undefined : comprehensionIn(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A copy of `e` (parsed with `acc` standing for the accumulator, which CEL text cannot name) that reads it. */
function readingAccumulator(text: string): CelAst {
  const e = structuredClone(parseCel(text));
  const visit = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return;
    const k = (x as { exprKind?: { case?: string; value?: { name?: string } } }).exprKind;
    if (k?.case === 'identExpr' && k.value?.name === 'acc') k.value.name = '@result';
    Object.values(x).forEach(visit);
  };
  visit(e);
  return e;
}

void test('reusing the first pass over a loop step in the second gives the full estimate: nested all, exists, map and filter, guards, strings', () => {
  for (const text of [
    'l5.all(x, l4.all(y, x > y))',
    'l5.exists(x, l4.exists(y, l5.all(z, x + y > z)))',
    'l5.map(x, l4.filter(y, y > x)).all(z, size(z) <= 3)',
    'l5.map(x, l4.map(y, [x, y])).map(z, z + z)',
    'l4.map(x, s17 + s25).map(y, y + s17).filter(w, w.startsWith(s25))',
    'size(big) <= 3 && big.all(x, big.exists(y, x == y) && l4.map(z, z).all(w, w > x))',
    "size(o.items) <= 2 && o.items.all(i, size(i.name) <= 10) ? o.items.map(i, o.items.filter(j, j.name.matches(i.name))) : []",
    "l5.filter(x, l4.exists(y, y == x)).map(x, l4.filter(y, y < x).map(z, string(z) + s))",
    'big.all(x, x > 0)',
  ]) {
    both(parseCel(text));
  }
});

void test('reuse: an inner comprehension that ranges over the outer accumulator is estimated afresh in the second pass', () => {
  // The inner map ranges over the outer map's accumulator: [] in the first pass, 5 lists of 5 in the second.
  const e = readingAccumulator('l5.map(x, acc.map(y, y.sum()))');
  both(e);
  assert.equal(estimate(e, { vars }).cost, 1 + 10 + 5 * (1 + 1 + 10 + (1 + 10 + 5 * (1 + 1 + 10 + 1 + 5) + 1)) + 1);
  // Its loop condition too (reads only the inner variable, whose shape comes from that accumulator),
  // on a tree of its own: an estimated tree is never changed (the model keeps facts per node).
  const withCondition = readingAccumulator('l5.map(x, acc.map(y, y.sum()))');
  (comprehensionIn(comprehensionIn(withCondition)!.loopStep!) as { loopCondition?: CelAst }).loopCondition = parseCel('y.sum() > 0');
  both(withCondition);
});

void test('reuse: a node the tree shares under different guards is estimated in each place', () => {
  // One node object (the matches() call) under two guards: s of at most 3 characters, then of at most 10.
  const text = "l5.all(x, ((acc && size(s) <= 3) && s.matches('a+')) || ((acc && size(s) <= 10) && s.matches('a+')))";
  const e = readingAccumulator(text);
  const args = (x: CelAst | undefined): CelAst[] => (x?.exprKind.case === 'callExpr' ? (x.exprKind.value.args as CelAst[]) : []);
  const or = args(comprehensionIn(e)!.loopStep)[1]; // @result && (... || ...)
  args(args(or)[1])[1] = args(args(or)[0])[1]!;
  both(e);
  assert.equal(estimate(e, { vars }).cost, estimate(readingAccumulator(text), { vars }).cost);
});
