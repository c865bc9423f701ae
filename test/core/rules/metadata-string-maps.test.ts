import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck } from './harness.js';
import { metadataStringMaps as rule } from '../../../src/core/rules/metadata-string-maps.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const messages = (metadata: Record<string, unknown>): string[] => {
  const object = { ...vmcp(baseSpec()), metadata: { name: 'x', ...metadata } };
  const ctx: RuleContext = { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'crd' };
  return runCheck(rule, ctx).map((f) => f.message);
};

void test('metadata-string-maps: label and annotation values are strings', () => {
  assert.deepEqual(messages({ labels: { a: 'b', c: '' }, annotations: { d: '1' } }), []);
  assert.deepEqual(messages({ labels: { version: 1, team: 'x' }, annotations: { enabled: true } }), [
    'metadata.labels.version: Invalid value: 1: must be a string: labels and annotations are maps of strings (quote the value in YAML)',
    'metadata.annotations.enabled: Invalid value: true: must be a string: labels and annotations are maps of strings (quote the value in YAML)',
  ]);
  assert.deepEqual(messages({ labels: ['a'] }), ['metadata.labels: Invalid value: ["a"]: must be a map of strings']);
});
