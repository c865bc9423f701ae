// The fused prune+default walk must equal the two reference stages (prune.ts then defaults.ts) byte
// for byte, key order included, with the same findings; it never mutates its input and shares only the
// subtrees it leaves unchanged; with a status subresource the root status is pruned (warnings kept)
// and then left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { pruneAndDefault } from '../../../src/core/schema/prune-default.js';
import { pruneUnknownFields } from '../../../src/core/schema/prune.js';
import { applyDefaults } from '../../../src/core/schema/defaults.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';
import { minimal, type Json } from './helpers.js';

const schema = async (): Promise<SchemaNode> => (await loadBuiltinSchemas()).get('v1beta1')!.meta.schema;

function assertSameAsStages(input: unknown, s: SchemaNode, label: string): void {
  const before = JSON.stringify(input);
  for (const mode of ['crd', 'strict'] as const) {
    const staged = pruneUnknownFields(input, s, mode);
    const expected = applyDefaults(staged.object, s);
    const fused = pruneAndDefault(input, s, { mode });
    assert.deepEqual(fused.object, expected, label);
    assert.equal(JSON.stringify(fused.object), JSON.stringify(expected), `${label}: key order`);
    assert.deepEqual(fused.findings, staged.findings, `${label}: findings`);
  }
  assert.equal(JSON.stringify(input), before, `${label}: input untouched`);
}


const docs = (url: URL): unknown[] => parseAllDocuments(readFileSync(url, 'utf8'), { version: '1.1' }).map((d) => d.toJS() as unknown);

void test('equals prune then defaults on every engine and render fixture', async () => {
  const s = await schema();
  const dir = new URL('../fixtures/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 10);
  for (const f of files) for (const d of docs(new URL(f, dir))) assertSameAsStages(d, s, f);
  for (const d of docs(new URL('../../render/fixtures/full-featured.vmcp.yaml', import.meta.url))) assertSameAsStages(d, s, 'full-featured');
});

void test('equals the stages on nulls, unknowns, preserved and embedded parts of the real schema', async () => {
  const input = minimal({
    sessionStorage: { provider: 'redis', address: 'r', db: null, keyPrefix: null, junk: 1 },
    imagePullSecrets: [{}, null],
    podTemplateSpec: { spec: { containers: [{ name: 'x', any: { deep: [1, { a: null }] } }] } },
    config: { ratelimiting: { x: 1 }, compositeTools: [{ name: 't', steps: [{ id: 'a', onError: {}, bogus: 1, arguments: { k: [null, { z: 1 }] } }] }], rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m', burst: 2 }, tools: [{ name: 'a', perUser: null }] } },
    unknownTop: { a: 1 },
  });
  (input.metadata as Json).junk = { x: 1 };
  input.status = { phase: 'Ready', bogus: 1, conditions: [{ type: 'Ready', lastTransitionTime: 'not a date', extra: true }] };
  input.extra = null;
  assertSameAsStages(input, await schema(), 'synthetic');
});

void test('equals the stages on a hand-made schema with every branch', () => {
  const s: SchemaNode = {
    type: 'object',
    properties: {
      tpl: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { metadata: { type: 'object', default: { name: 'd' } }, spec: { type: 'object', properties: { a: { type: 'string' } } } } },
      list: { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'object', properties: { k: { type: 'object', properties: {} } } } },
      nested: { type: 'array', items: { type: 'array', items: { type: 'object', default: { d: 1 }, properties: { d: { type: 'integer' } } } } },
      loose: { type: 'array' },
      m: { type: 'object', additionalProperties: { type: 'object', default: { x: 1 }, properties: { x: { type: 'integer' }, y: { type: 'integer', default: 2 } } } },
      n: { type: 'object', additionalProperties: { type: 'string', nullable: true } },
      anything: { type: 'object', additionalProperties: true },
      a: { type: 'object', default: {}, properties: { b: { type: 'string', default: 'x' }, c: { type: 'string', nullable: true, default: 'c' } } },
      gone: { type: 'string' },
    },
  };
  const inputs: unknown[] = [
    {},
    { tpl: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', junk: 1 }, spec: { a: 'x', b: 'y' } }, list: [{ k: { gone: 1 }, kept: 2 }, [{ q: 1 }]] },
    { tpl: { metadata: null }, nested: [[null, {}, { d: 3, e: 4 }], null], loose: [{ a: 1 }, [{ b: 2 }], 3] },
    { m: { a: {}, b: null, c: { z: 1 } }, n: { p: null, q: 'q' }, anything: { deep: { x: [1] } }, a: { b: null, c: null }, gone: null, undef: undefined },
    { a: null, m: null, n: null },
    // `__proto__` from JSON.parse is an ordinary key in both walks, copied (m) or shared (anything).
    JSON.parse('{"m":{"__proto__":{"x":1},"b":null},"anything":{"__proto__":1},"constructor":1}') as unknown,
  ];
  inputs.forEach((input, i) => assertSameAsStages(input, s, `input ${i}`));
});

void test('unchanged subtrees are shared with the input, every changed node is new, the input untouched', async () => {
  const input = minimal({ podTemplateSpec: { spec: { containers: [{ name: 'x' }] } }, config: { extra: { a: [1] }, rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m', burst: 2 } } } });
  (input.metadata as Json).labels = { a: 'b' };
  const before = JSON.stringify(input);
  const out = pruneAndDefault(input, await schema(), { mode: 'crd' }).object as Json;
  assert.equal(JSON.stringify(input), before);
  const spec = (o: Json): Json => o.spec as Json;
  const config = (o: Json): Json => spec(o).config as Json;
  // Shared: nothing pruned or defaulted inside (preserved podTemplateSpec, ObjectMeta, an unknown key under preserve).
  assert.equal(spec(out).podTemplateSpec, spec(input).podTemplateSpec);
  assert.equal(out.metadata, input.metadata);
  assert.equal(config(out).extra, config(input).extra);
  // New: the path down to the pruned `burst`, and the root (defaults land in spec).
  assert.notEqual(out, input);
  const rl = (o: Json): Json => config(o).rateLimiting as Json;
  assert.notEqual(rl(out).shared, rl(input).shared);
  assert.deepEqual(rl(out).shared, { maxTokens: 1, refillPeriod: '1m' });
});

void test('an object with nothing to prune or default comes back as the same object', () => {
  const s: SchemaNode = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'array', items: { type: 'string' } } } }, m: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } };
  const input = { a: { b: ['x', 'y'] }, m: { free: { form: 1 } } };
  assert.equal(pruneAndDefault(input, s, { mode: 'crd' }).object, input);
  const list = { a: { b: ['x', null] } };
  const out = pruneAndDefault(list, { ...s, properties: { a: { type: 'object', properties: { b: { type: 'array', items: { type: 'string', default: 'd' } } } } } }, { mode: 'crd' }).object as Json;
  assert.deepEqual(out, { a: { b: ['x', 'd'] } });
  assert.deepEqual(list, { a: { b: ['x', null] } });
});

void test('with a status subresource status is pruned, its unknown fields reported, then left out', async () => {
  const input = { ...minimal(), status: { phase: 'Ready', bogus: 1, conditions: [{ type: 'Ready', lastTransitionTime: 'x' }] } };
  const s = await schema();
  const dropped = pruneAndDefault(input, s, { mode: 'crd', dropStatus: true });
  assert.equal('status' in (dropped.object as Json), false);
  assert.deepEqual(dropped.findings.map((f) => f.message), ['unknown field "status.bogus"']);
  const kept = pruneAndDefault(input, s, { mode: 'crd' });
  assert.deepEqual((kept.object as Json).status, { phase: 'Ready', conditions: [{ type: 'Ready', lastTransitionTime: 'x' }] });
  const { status: _status, ...rest } = kept.object as Json;
  assert.deepEqual(dropped.object, rest);
});

void test('declared properties named like Object.prototype members are defaulted like any other', () => {
  const s: SchemaNode = { type: 'object', properties: { constructor: { type: 'string' as const, default: 'c' }, toString: { type: 'string' as const, default: 't' } } };
  assertSameAsStages({}, s, 'prototype names');
  assert.deepEqual(pruneAndDefault({}, s, { mode: 'crd' }).object, { constructor: 'c', toString: 't' });
});
