// Pruning like the API server: unknown fields reported as `unknown field "<path>"`, removed from a
// NEW object; preserve-unknown-fields, map values, embedded resource root and ObjectMeta respected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { pruneUnknownFields } from '../../../src/core/schema/prune.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';
import { minimal, withRateLimiting, type Json } from './helpers.js';

const schema = async (): Promise<SchemaNode> => (await loadBuiltinSchemas()).get('v1beta1')!.meta.schema;

void test('spec.config keeps an unknown direct key (ratelimiting typo) but prunes inside declared sub-objects', async () => {
  const input = minimal({ config: { ratelimiting: { shared: { maxTokens: 1 } }, rateLimiting: { shared: { maxTokens: 5, refillPeriod: '1m', burst: 10 } } } });
  const before = JSON.stringify(input);
  const r = pruneUnknownFields(input, await schema(), 'crd');
  assert.deepEqual(r.findings.map((f) => [f.rule, f.severity, f.field, f.type, f.detail, f.message]), [
    ['schema-unknown-field', 'warning', 'spec.config.rateLimiting.shared.burst', 'Warning', 'unknown field "spec.config.rateLimiting.shared.burst"', 'unknown field "spec.config.rateLimiting.shared.burst"'],
  ]);
  const config = ((r.object as Json).spec as Json).config as Json;
  assert.deepEqual(config.ratelimiting, { shared: { maxTokens: 1 } });
  assert.deepEqual(config.rateLimiting, { shared: { maxTokens: 5, refillPeriod: '1m' } });
  assert.equal(JSON.stringify(input), before, 'input untouched');
});

void test('unknown fields everywhere, sorted by path, with segments and the chosen severity', async () => {
  const input: Json = {
    ...withRateLimiting({ tools: [{ name: 'a', shared: { maxTokens: 1, refillPeriod: '1s' }, typo: 1 }] }),
    extra: true,
    metadata: { name: 'x', labels: { a: 'b' }, annotations: {}, bogus: 1 },
    status: { phase: 'Ready', zzz: 1 },
  };
  ((input.spec as Json).groupRef as Json).namespace = 'other';
  const r = pruneUnknownFields(input, await schema(), 'strict');
  assert.deepEqual(r.findings.map((f) => f.message), [
    'unknown field "extra"',
    'unknown field "metadata.bogus"',
    'unknown field "spec.config.rateLimiting.tools[0].typo"',
    'unknown field "spec.groupRef.namespace"',
    'unknown field "status.zzz"',
  ]);
  assert.ok(r.findings.every((f) => f.severity === 'error'));
  assert.deepEqual(r.findings[2]!.path, ['spec', 'config', 'rateLimiting', 'tools', 0, 'typo']);
  const out = r.object as Json;
  assert.deepEqual(out.metadata, { name: 'x', labels: { a: 'b' }, annotations: {} });
  assert.equal(out.apiVersion, 'toolhive.stacklok.dev/v1beta1');
  assert.equal(out.extra, undefined);
});

void test('preserve-unknown subtrees and additionalProperties maps are kept', async () => {
  const input = minimal({
    podTemplateSpec: { spec: { containers: [{ name: 'vmcp', anything: 1 }] } },
    config: {
      metadata: { team: 'a' },
      compositeTools: [{ name: 't', parameters: { x: { type: 'string' } }, steps: [{ id: 's', arguments: { q: 1 }, bogus: 2 }] }],
    },
  });
  const r = pruneUnknownFields(input, await schema(), 'crd');
  assert.deepEqual(r.findings.map((f) => f.field), ['spec.config.compositeTools[0].steps[0].bogus']);
  const spec = (r.object as Json).spec as Json;
  assert.deepEqual(spec.podTemplateSpec, { spec: { containers: [{ name: 'vmcp', anything: 1 }] } });
  assert.deepEqual(((spec.config as Json).compositeTools as Json[])[0]!.parameters, { x: { type: 'string' } });
});

void test('embedded resources keep apiVersion/kind/metadata; array items under preserve keep unknown keys', () => {
  const s: SchemaNode = {
    type: 'object',
    properties: {
      tpl: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
      list: { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'object', properties: { k: { type: 'object', properties: {} } } } },
    },
  };
  const r = pruneUnknownFields({ tpl: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', junk: 1 }, spec: { a: 'x', b: 'y' } }, list: [{ k: { gone: 1 }, kept: 2 }] }, s, 'crd');
  assert.deepEqual(r.findings.map((f) => f.field), ['list[0].k.gone', 'tpl.metadata.junk', 'tpl.spec.b']);
  assert.deepEqual(r.object, { tpl: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { a: 'x' } }, list: [{ k: {}, kept: 2 }] });
});
