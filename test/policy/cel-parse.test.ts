// The policy's own CEL parser (src/policy/cel-parse.ts, so the policy command links no CEL engine)
// builds the same syntax tree as @bufbuild/cel's parser, macros expanded alike, for every expression
// the policies emit, for the bounds search's trial expressions, and for the cost model's test cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '@bufbuild/cel';
import { parseCel } from '../../src/policy/cel-parse.js';
import type { CelAst } from '../../src/policy/cel-ast.js';
import { specBuilder } from '../../src/policy/build.js';
import { built, schema } from './harness.js';

/** The fields of a syntax tree the cost model reads (no ids, no source positions). */
function project(e: CelAst | undefined): unknown {
  if (e === undefined) return undefined;
  const k = e.exprKind;
  switch (k.case) {
    case 'constExpr':
      return { const: k.value.constantKind.case === 'nullValue' ? null : k.value.constantKind.value, kind: k.value.constantKind.case };
    case 'identExpr':
      return { ident: k.value.name };
    case 'selectExpr':
      return { select: k.value.field, testOnly: k.value.testOnly, operand: project(k.value.operand) };
    case 'callExpr':
      return { call: k.value.function, target: project(k.value.target), args: k.value.args.map(project) };
    case 'listExpr':
      return { list: k.value.elements.map(project) };
    case 'structExpr':
      return { map: k.value.entries.map((en) => [en.keyKind.case === 'mapKey' ? project(en.keyKind.value) : en.keyKind.value, project(en.value)]) };
    case 'comprehensionExpr': {
      const c = k.value;
      return { iter: c.iterVar, accu: c.accuVar, range: project(c.iterRange), init: project(c.accuInit), cond: project(c.loopCondition), step: project(c.loopStep), result: project(c.result) };
    }
    default:
      return { unknown: k.case };
  }
}

const texts = (spec: { matchConditions?: readonly { expression: string }[]; variables?: readonly { expression: string }[]; validations: readonly { expression: string; messageExpression?: string }[] }): string[] => [
  ...(spec.matchConditions ?? []).map((m) => m.expression),
  ...(spec.variables ?? []).map((v) => v.expression),
  ...spec.validations.flatMap((v) => [v.expression, ...(v.messageExpression === undefined ? [] : [v.messageExpression])]),
];

void test('every emitted expression parses to the tree @bufbuild/cel builds', () => {
  const all = built.documents.filter((d) => d.kind === 'ValidatingAdmissionPolicy').flatMap((d) => texts((d as { spec: Parameters<typeof texts>[0] }).spec));
  assert.ok(all.length > 30);
  for (const t of all) assert.deepEqual(project(parseCel(t)), project(parse(t).expr), t.slice(0, 120));
});

void test('the bounds search\'s placeholder expressions parse alike too', () => {
  for (const spec of specBuilder(schema)({ ...built.bounds, tools: 9_000_000_003, configKeys: 9_000_000_001, mapEntries: 9_000_000_002 })) {
    for (const t of texts(spec)) assert.deepEqual(project(parseCel(t)), project(parse(t).expr), t.slice(0, 120));
  }
});

void test('literals, escapes, precedence and macros as cel-go parses them', () => {
  const cases = [
    "'a\\\\b\\'c\\x01' + \"d\"",
    '1 + 2 * 3 - -4 % 5',
    '-2147483648 <= x && x <= 2147483647u || !y',
    'a ? (b ? 1 : 2) : c ? 3.5 : 1e19',
    "k in ['a', 'b'] && {'x': dyn(1), 'y': [null, true, false]}['x'] == 1",
    'has(a.b.c) && a.b.c.all(t, t.exists(u, u > 0)) && l.map(x, x * 2).filter(y, y > 1).size() == size(l)',
    "s.matches('^[0-9]+$') && s.find('[a-z]*').substring(0, 1).lowerAscii() != ''",
    '[x][0].f[1]',
  ];
  for (const t of cases) assert.deepEqual(project(parseCel(t)), project(parse(t).expr), t);
});

void test('what it does not read is a syntax error, never a guess', () => {
  for (const t of ['a.b(', "'open", 'a ? b', 'x.?y', '@', "'\\q'"]) assert.throws(() => parseCel(t), /CEL: /, t);
});
