import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck, summarize, expecting } from './harness.js';
import { metadataLabelsAnnotations as rule } from '../../../src/core/rules/metadata-labels-annotations.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const raw = (metadata: Record<string, unknown>): ReturnType<typeof runCheck> => {
  const object = { ...vmcp(baseSpec()), metadata: { name: 'x', ...metadata } };
  const ctx: RuleContext = { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'crd' };
  return runCheck(rule, ctx);
};
const found = (metadata: Record<string, unknown>): ReturnType<typeof summarize>[] => raw(metadata).map((f) => summarize(f, { value: '' }));
const at = expecting(rule);
const tooLong = { ...at('annotationsSize', 'metadata.annotations'), value: undefined };

void test('metadata-labels-annotations: valid keys and values pass, numbers are left to metadata-string-maps', () => {
  const labels = { 'app.kubernetes.io/name': 'vmcp', team: '', 'example.com/Tier_1': 'Gold.1' };
  const annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{"a": 1}', 'Example.COM/Note': 'any text at all, spaces and all' };
  assert.deepEqual(found({ labels, annotations }), []);
  assert.deepEqual(found({ labels: { version: 1 } }), []);
  assert.deepEqual(found({ labels: null, annotations: 'x' }), []);
});

void test('metadata-labels-annotations: label keys and values as the API server reports them, on metadata.labels', () => {
  const findings = raw({ labels: { 'bad key': 'ok', tier: 'gold plated', 'a/b/c': 'x'.repeat(64) } });
  // The API server's field is the map; the path still leads the CLI to the offending key's line.
  assert.deepEqual(
    findings.map((f) => summarize(f, { value: '' })),
    [
      at('nameFormat', 'metadata.labels', { value: '"bad key"' }),
      at('labelValueFormat', 'metadata.labels', { value: '"gold plated"' }),
      at('slashes', 'metadata.labels', { value: '"a/b/c"' }),
      at('labelValueLength', 'metadata.labels', { value: `"${'x'.repeat(64)}"` }),
    ],
  );
  assert.deepEqual(findings[1]!.path, ['metadata', 'labels', 'tier']);
});

void test('metadata-labels-annotations: annotation keys in any case, and 256 KiB in total', () => {
  assert.deepEqual(found({ annotations: { 'note!': 'x', 'Upper.Case/Key': 'y' } }), [at('nameFormat', 'metadata.annotations', { value: '"note!"' })]);
  const big = 'x'.repeat(256 * 1024 - 1);
  assert.deepEqual(found({ annotations: { a: big } }), []); // 1 + 262143 bytes: exactly the limit
  assert.deepEqual(found({ annotations: { ab: big } }), [tooLong]);
  const [over] = raw({ annotations: { ab: big } });
  assert.deepEqual([over!.type, over!.detail.includes(' 262144 bytes')], ['Too long', true]);
  // Bytes, not characters: 131,072 × "é" is half the limit in characters, over it in bytes with the key.
  assert.deepEqual(found({ annotations: { a: 'é'.repeat(131_072) } }), [tooLong]);
  assert.deepEqual(found({ annotations: { a: 'é'.repeat(131_071) } }), []);
});
