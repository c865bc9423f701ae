// x-kubernetes-list-type map/set uniqueness like apiextensions' structurallisttype.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { checkListTypes } from '../../../src/core/schema/list-types.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';
import type { Finding } from '../../../src/core/contract.js';
import { withRateLimiting } from './helpers.js';

const schema = async (): Promise<SchemaNode> => (await loadBuiltinSchemas()).get('v1beta1')!.meta.schema;
const bucket = { maxTokens: 1, refillPeriod: '1s' };

void test('duplicate tool names: reported once, on the second occurrence, in Go %#v', async () => {
  const tools = [{ name: 'search', shared: bucket }, { name: 'fetch', shared: bucket }, { name: 'search', perUser: bucket }, { name: 'search', shared: bucket }];
  const findings = checkListTypes(withRateLimiting({ tools }), await schema());
  assert.deepEqual(findings.map((f) => [f.rule, f.field, f.type, f.message]), [
    ['schema-duplicate', 'spec.config.rateLimiting.tools[2]', 'Duplicate value', 'spec.config.rateLimiting.tools[2]: Duplicate value: map[string]interface {}{"name":"search"}'],
  ]);
  assert.deepEqual(findings[0]!.path, ['spec', 'config', 'rateLimiting', 'tools', 2]);
});

void test('unique names and single-item lists are fine', async () => {
  assert.deepEqual(checkListTypes(withRateLimiting({ tools: [{ name: 'a', shared: bucket }, { name: 'b', shared: bucket }] }), await schema()), []);
  assert.deepEqual(checkListTypes(withRateLimiting({ tools: [{ shared: bucket }] }), await schema()), []);
});

void test('two tools without a name collide on the unspecified key', async () => {
  const findings = checkListTypes(withRateLimiting({ tools: [{ shared: bucket }, { perUser: bucket }] }), await schema());
  assert.deepEqual(findings.map((f) => f.message), ['spec.config.rateLimiting.tools[1]: Duplicate value: map[string]interface {}{"name":interface {}(nil)}']);
});

void test('key types matter (1 and "1" differ); non-object items and compound keys are invalid', async () => {
  const s = await schema();
  assert.deepEqual(checkListTypes(withRateLimiting({ tools: [{ name: 1 }, { name: '1' }] }), s), []);
  const seen = (f: Finding): (string | null | undefined)[] => [f.rule, f.messageId, f.field, f.type, f.value];
  assert.deepEqual(checkListTypes(withRateLimiting({ tools: ['search'] }), s).map(seen), [['schema-duplicate', 'mapItemNotObject', 'spec.config.rateLimiting.tools[0]', 'Invalid value', '"search"']]);
  assert.deepEqual(checkListTypes(withRateLimiting({ tools: [{ name: ['a'] }, { name: 'b' }] }), s).map(seen), [['schema-duplicate', 'mapKeyNotScalar', 'spec.config.rateLimiting.tools[0].name', 'Invalid value', '[]interface {}{"a"}']]);
});

void test('sets and multi-key maps', () => {
  const s: SchemaNode = {
    type: 'object',
    properties: {
      tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      objs: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'object' } },
      ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'], items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } } } },
    },
  };
  const o = { tags: ['x', 'y', 'x', 'x'], objs: [{ a: 1, b: 2 }, { b: 2, a: 1 }], ports: [{ port: 80 }, { port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP' }] };
  assert.deepEqual(checkListTypes(o, s).map((f) => f.message), [
    'tags[2]: Duplicate value: "x"',
    'objs[1]: Duplicate value: map[string]interface {}{"a":1, "b":2}',
    'ports[1]: Duplicate value: map[string]interface {}{"port":80, "protocol":"TCP"}',
  ]);
});

void test('a list-map key named like an Object.prototype member is read from the item, not the prototype', () => {
  const s: SchemaNode = { type: 'object', properties: { l: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['constructor'], items: { type: 'object', properties: { constructor: { type: 'string' as const } } } } } };
  assert.deepEqual(checkListTypes({ l: [{ constructor: 'a' }, { constructor: 'b' }] }, s), []);
  assert.deepEqual(checkListTypes({ l: [{ constructor: 'a' }, { constructor: 'a' }] }, s).map((f) => f.message), ['l[1]: Duplicate value: map[string]interface {}{"constructor":"a"}']);
});
