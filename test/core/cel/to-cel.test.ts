// JSON -> CEL values: typed by schema, handed to the library pre-wrapped, a map's field converted
// only when it is read, every Map read path consistent, own keys only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCelList, isCelMap, plan, parse, celEnv, type CelMap } from '@bufbuild/cel';
import { RecordFields, toCel } from '../../../src/core/cel/to-cel.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';

const schema: SchemaNode = { type: 'object', properties: { n: { type: 'number' }, i: { type: 'integer' }, list: { type: 'array', items: { type: 'number' } } } };

void test('a field converts when it is read, typed by schema; other fields are not touched', () => {
  let reads = 0;
  const record = { i: 3, n: 2, list: [1, 2.5], loose: 7, nothing: null };
  Object.defineProperty(record, 'counted', { enumerable: true, get: () => ++reads });
  const fields = new RecordFields(record, schema);
  assert.equal(fields.get('i'), 3n);
  assert.equal(fields.get('n'), 2);
  assert.equal(fields.get('loose'), 7n);
  assert.equal(fields.get('nothing'), null);
  assert.equal(reads, 0, 'a field nobody reads is never converted');
  assert.equal(fields.get('counted'), 1n);
  const list = fields.get('list');
  assert.ok(isCelList(list));
  assert.deepEqual([...list], [1, 2.5]);
});

void test('only own fields: inherited names and non-string keys are absent', () => {
  const fields = new RecordFields(JSON.parse('{"a":1,"__proto__":{"x":1}}') as Record<string, unknown>, undefined);
  assert.equal(fields.get('constructor'), undefined);
  assert.equal(fields.has('toString'), false);
  assert.equal(fields.get(1n), undefined);
  assert.ok(isCelMap(fields.get('__proto__')));
  assert.equal(fields.size, 2);
});

void test('every read path of the map sees the converted fields', () => {
  const make = (): RecordFields => new RecordFields({ a: 1, b: 'x' }, undefined);
  assert.equal(make().size, 2);
  assert.equal(make().has('b'), true);
  assert.deepEqual([...make().keys()], ['a', 'b']);
  assert.deepEqual([...make().values()], [1n, 'x']);
  assert.deepEqual([...make().entries()], [['a', 1n], ['b', 'x']]);
  assert.deepEqual([...make()], [['a', 1n], ['b', 'x']]);
  const seen: string[] = [];
  make().forEach((v, k) => seen.push(`${k}=${typeof v === 'object' ? '?' : String(v)}`));
  assert.deepEqual(seen, ['a=1', 'b=x']);
});

void test('one object at two schema positions (a YAML alias) is typed by each position; CEL reads the wrapped values', () => {
  const shared = { k: 1 };
  const typed: SchemaNode = { type: 'object', properties: { a: { type: 'object', properties: { k: { type: 'number' } } }, b: { type: 'object', properties: { k: { type: 'integer' } } } } };
  const v = toCel({ a: shared, b: shared }, typed);
  assert.ok(isCelMap(v));
  assert.equal((v.get('a') as CelMap).get('k'), 1);
  assert.equal((v.get('b') as CelMap).get('k'), 1n);
  const program = plan(celEnv(), parse('self.a.k == 1.0 && size(self) == 2 && self.b.k + 1 == 2 && "a" in self'));
  assert.equal(program({ self: v }), true);
});
