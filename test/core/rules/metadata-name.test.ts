import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck, summarize, expecting } from './harness.js';
import { metadataName as rule } from '../../../src/core/rules/metadata-name.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const found = (metadata: Record<string, unknown>): ReturnType<typeof summarize>[] => {
  const object = { ...vmcp(baseSpec()), metadata };
  const ctx: RuleContext = { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'crd' };
  return runCheck(rule, ctx).map((f) => summarize(f, { value: '' }));
};
const at = expecting(rule);
const required = { ...at('required', 'metadata.name'), value: undefined };

void test('metadata-name: present (or generateName) and a DNS-1123 subdomain of at most 253 characters', () => {
  for (const ok of [{ name: 'team-tools' }, { name: 'a.b-c.d9' }, { name: 'x'.repeat(253) }, { generateName: 'team-' }]) assert.deepEqual(found(ok), [], JSON.stringify(ok));
  assert.deepEqual(found({}), [required]);
  assert.deepEqual(found({ name: '' }), [required]);
  assert.deepEqual(found({ name: 'Team_Tools' }), [at('format', 'metadata.name', { value: '"Team_Tools"' })]);
  assert.deepEqual(found({ name: 'a-' }), [at('format', 'metadata.name', { value: '"a-"' })]);
  assert.deepEqual(found({ name: 'x'.repeat(254) }), [at('length', 'metadata.name', { value: `"${'x'.repeat(254)}"` })]);
  assert.deepEqual(found({ name: 7 }), [at('format', 'metadata.name', { value: '"7"' })]);
});
