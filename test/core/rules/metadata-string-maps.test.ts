import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck, summarize, expecting } from './harness.js';
import { metadataStringMaps as rule } from '../../../src/core/rules/metadata-string-maps.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const found = (metadata: Record<string, unknown>): ReturnType<typeof summarize>[] => {
  const object = { ...vmcp(baseSpec()), metadata: { name: 'x', ...metadata } };
  const ctx: RuleContext = { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'crd' };
  return runCheck(rule, ctx).map((f) => summarize(f, { value: '' }));
};
const at = expecting(rule);

void test('metadata-string-maps: label and annotation values are strings', () => {
  assert.deepEqual(found({ labels: { a: 'b', c: '' }, annotations: { d: '1' } }), []);
  assert.deepEqual(found({ labels: { version: 1, team: 'x' }, annotations: { enabled: true } }), [
    at('notString', 'metadata.labels.version', { value: '1' }),
    at('notString', 'metadata.annotations.enabled', { value: 'true' }),
  ]);
  assert.deepEqual(found({ labels: ['a'] }), [at('notMap', 'metadata.labels', { value: '["a"]' })]);
});
