import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck } from './harness.js';
import { metadataLabelsAnnotations as rule } from '../../../src/core/rules/metadata-labels-annotations.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const findings = (metadata: Record<string, unknown>): { field: string | null; path: unknown; message: string }[] => {
  const object = { ...vmcp(baseSpec()), metadata: { name: 'x', ...metadata } };
  const ctx: RuleContext = { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'crd' };
  return runCheck(rule, ctx).map((f) => ({ field: f.field, path: f.path, message: f.message }));
};
const messages = (metadata: Record<string, unknown>): string[] => findings(metadata).map((f) => f.message);

void test('metadata-labels-annotations: valid keys and values pass, numbers are left to metadata-string-maps', () => {
  const labels = { 'app.kubernetes.io/name': 'vmcp', team: '', 'example.com/Tier_1': 'Gold.1' };
  const annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{"a": 1}', 'Example.COM/Note': 'any text at all, spaces and all' };
  assert.deepEqual(messages({ labels, annotations }), []);
  assert.deepEqual(messages({ labels: { version: 1 } }), []);
  assert.deepEqual(messages({ labels: null, annotations: 'x' }), []);
});

void test('metadata-labels-annotations: label keys and values as the API server reports them, on metadata.labels', () => {
  const found = findings({ labels: { 'bad key': 'ok', tier: 'gold plated', 'a/b/c': 'x'.repeat(64) } });
  assert.deepEqual(
    found.map((f) => f.message.replace(/ \(e\.g\. .*\)/, ' (…)')),
    [
      "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (…)",
      "metadata.labels: Invalid value: \"gold plated\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (…)",
      "metadata.labels: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (…)",
      `metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`,
    ],
  );
  // The API server's field is the map; the path still leads the CLI to the offending key's line.
  assert.deepEqual(found.map((f) => f.field), ['metadata.labels', 'metadata.labels', 'metadata.labels', 'metadata.labels']);
  assert.deepEqual(found[1]!.path, ['metadata', 'labels', 'tier']);
});

void test('metadata-labels-annotations: annotation keys in any case, and 256 KiB in total', () => {
  const [bad, ...rest] = messages({ annotations: { 'note!': 'x', 'Upper.Case/Key': 'y' } });
  assert.ok(bad?.startsWith('metadata.annotations: Invalid value: "note!": name part must consist of'), bad);
  assert.deepEqual(rest, []);
  const big = 'x'.repeat(256 * 1024 - 1);
  assert.deepEqual(messages({ annotations: { a: big } }), []); // 1 + 262143 bytes: exactly the limit
  assert.deepEqual(messages({ annotations: { ab: big } }), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
  // Bytes, not characters: 131,072 × "é" is half the limit in characters, over it in bytes with the key.
  assert.deepEqual(messages({ annotations: { a: 'é'.repeat(131_072) } }), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
  assert.deepEqual(messages({ annotations: { a: 'é'.repeat(131_071) } }), []);
});
