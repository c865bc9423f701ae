// API-server semantics of the CEL walk, on small synthetic schemas: typing by schema, where rules
// run, how failures and evaluation errors are rendered, and that nothing throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCelRules } from '../../../src/core/cel/evaluate.js';
import type { CelValidation, SchemaNode } from '../../../src/core/schema/types.js';

const obj = (properties: Record<string, SchemaNode>, rules: CelValidation[] = []): SchemaNode => ({ type: 'object', properties, 'x-kubernetes-validations': rules });
/** Evaluates under a top-level property `o`, so paths read `o...`. */
const messages = (value: unknown, schema: SchemaNode): string[] =>
  evaluateCelRules({ o: value }, { type: 'object', properties: { o: schema } }).map((f) => f.message);
/** [messageId, field, type, the slot data the case is about] (the wrapping texts: messages.test.ts). */
const findings = (value: unknown, schema: SchemaNode, data: readonly string[]): [string, string | null, string, string][] =>
  evaluateCelRules({ o: value }, { type: 'object', properties: { o: schema } }).map((f, i) => [f.messageId, f.field, f.type, data[i] !== undefined && f.detail.includes(data[i]) ? data[i] : f.detail]);

void test('type: integer is a CEL int, type: number a double', () => {
  const schema = obj({ i: { type: 'integer' }, d: { type: 'number' } }, [
    { rule: 'self.i + 1 == 3', message: 'int arithmetic' },
    { rule: 'self.d + 0.5 == 2.5', message: 'double arithmetic' },
    { rule: 'type(self.i) == int && type(self.d) == double', message: 'types' },
  ]);
  assert.deepEqual(messages({ i: 2, d: 2 }, schema), []);
  assert.deepEqual(messages({ i: 3, d: 3 }, schema), ['o: Invalid value: "object": int arithmetic', 'o: Invalid value: "object": double arithmetic']);
});

void test('rules run on each array item and each map value, with [i] and .key paths', () => {
  const leaf: SchemaNode = { type: 'string', 'x-kubernetes-validations': [{ rule: "self != 'bad'", message: 'no bad' }] };
  const schema = obj({ list: { type: 'array', items: leaf }, map: { type: 'object', additionalProperties: leaf } });
  assert.deepEqual(messages({ list: ['ok', 'bad', 'bad'], map: { a: 'bad', b: 'ok' } }, schema), [
    'o.list[1]: Invalid value: "string": no bad',
    'o.list[2]: Invalid value: "string": no bad',
    'o.map.a: Invalid value: "string": no bad',
  ]);
});

void test('absent and null nodes are not evaluated', () => {
  const schema = obj({ s: { type: 'object', nullable: true, 'x-kubernetes-validations': [{ rule: 'false', message: 'never' }] } });
  assert.deepEqual(messages({}, schema), []);
  assert.deepEqual(messages({ s: null }, schema), []);
  assert.deepEqual(messages({ s: {} }, schema), ['o.s: Invalid value: "object": never']);
});

void test('every failing rule is reported, in rule order', () => {
  const schema = obj({}, [{ rule: 'false', message: 'one' }, { rule: 'true', message: 'two' }, { rule: '1 == 2', message: 'three' }]);
  assert.deepEqual(messages({}, schema), ['o: Invalid value: "object": one', 'o: Invalid value: "object": three']);
});

void test('no message: "failed rule: <rule>"; messageExpression, reason and fieldPath are honoured', () => {
  const schema = obj({ a: { type: 'string' } }, [
    { rule: "self.a == 'x'" },
    { rule: "self.a == 'y'", messageExpression: "'a is ' + self.a", message: 'fallback' },
    { rule: "self.a == 'z'", messageExpression: "''", message: 'fallback' },
    { rule: 'false', reason: 'FieldValueForbidden', fieldPath: '.a', message: 'a is forbidden' },
    { rule: 'false', reason: 'FieldValueRequired', fieldPath: "['b']", message: 'b is required' },
  ]);
  const data = ["self.a == 'x'", 'a is q', 'fallback', 'a is forbidden', 'b is required'];
  assert.deepEqual(findings({ a: 'q' }, schema, data), [
    ['failedRule', 'o', 'Invalid value', "self.a == 'x'"],
    ['failed', 'o', 'Invalid value', 'a is q'],
    ['failed', 'o', 'Invalid value', 'fallback'],
    ['failed', 'o.a', 'Forbidden', 'a is forbidden'],
    ['failed', 'o.b', 'Required value', 'b is required'],
  ]);
  // The API server's message is the rule's own when there is one: the whole detail, nothing around it.
  assert.deepEqual(evaluateCelRules({ o: { a: 'q' } }, { type: 'object', properties: { o: schema } }).slice(1).map((f) => f.detail), data.slice(1));
});

void test('evaluation and compile errors become findings, never exceptions', () => {
  const schema = obj({ n: { type: 'integer' } }, [
    { rule: 'self.missing == 1', message: 'needs missing' },
    { rule: "self.n.startsWith('x')", message: 'overload' },
    { rule: 'self.n &&', message: 'broken' },
    { rule: 'self.n', message: 'not bool' },
  ]);
  const data = ['no such key: missing evaluating rule: needs missing', 'rule: overload', 'rule compile error: <input>:1:8: found & but expecting end of input', 'rule did not evaluate to a boolean evaluating rule: not bool'];
  assert.deepEqual(findings({ n: 1 }, schema, data), [
    ['evaluation', 'o', 'Invalid value', data[0]],
    ['noOverload', 'o', 'Invalid value', data[1]],
    ['compile', 'o', 'Invalid value', data[2]],
    ['evaluation', 'o', 'Invalid value', data[3]],
  ]);
});

void test('transition rules (oldSelf) are skipped: there is no stored object at admission of a manifest', () => {
  assert.deepEqual(messages({}, obj({}, [{ rule: 'self == oldSelf', message: 'immutable' }])), []);
});

void test('values of the wrong type do not crash the walk', () => {
  const schema = obj({ list: { type: 'array', items: obj({}, [{ rule: 'false', message: 'x' }]) } }, [{ rule: "self.list == 'a'", message: 'm' }]);
  assert.doesNotThrow(() => evaluateCelRules({ list: 'not a list' }, schema));
  assert.doesNotThrow(() => evaluateCelRules('scalar', schema));
  assert.deepEqual(evaluateCelRules(undefined, schema), []);
});

void test('duration() uses Go time.ParseDuration exactly (µs, μs, .5s, 1.s, bare 0; no d)', () => {
  const leaf: SchemaNode = { type: 'string', 'x-kubernetes-validations': [{ rule: "duration(self) >= duration('0s')", message: 'negative' }] };
  const schema = obj({ d: { type: 'array', items: leaf } });
  const ok = ['1\u00b5s', '1\u03bcs', '.5s', '1.s', '0', '+0', '1h1m1s'];
  assert.deepEqual(messages({ d: ok }, schema), []);
  const data = ["type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: negative", 'negative'];
  assert.deepEqual(findings({ d: ['1d', '-1s'] }, schema, data), [
    ['evaluation', 'o.d[0]', 'Invalid value', data[0]],
    ['failed', 'o.d[1]', 'Invalid value', data[1]],
  ]);
});

void test('a rule the registry does not know (a --crd FILE) gets the generic id and keeps its own message', async () => {
  const { committedVersion, vmcp, baseSpec } = await import('../committed-schema.js');
  const schema = structuredClone(committedVersion('v1beta1').schema) as { properties: Record<string, { properties: Record<string, { 'x-kubernetes-validations': CelValidation[] }> }> };
  const storage = schema.properties.spec!.properties.sessionStorage!;
  storage['x-kubernetes-validations'] = [{ rule: "self.provider == 'redis' ? has(self.address) && size(self.address) > 3 : true", message: 'address is too short' }];
  const found = evaluateCelRules(vmcp({ ...baseSpec(), sessionStorage: { provider: 'redis', address: 'r' } }), schema);
  assert.deepEqual(found.map((f) => [f.rule, f.messageId, f.field, f.value, f.detail]), [['cel-crd-rule', 'failed', 'spec.sessionStorage', '"object"', 'address is too short']]);
});
