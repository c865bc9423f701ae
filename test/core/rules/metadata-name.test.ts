import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck } from './harness.js';
import { metadataName as rule } from '../../../src/core/rules/metadata-name.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const messages = (metadata: Record<string, unknown>): string[] => {
  const object = { ...vmcp(baseSpec()), metadata };
  const ctx: RuleContext = { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'crd' };
  return runCheck(rule, ctx).map((f) => f.message);
};

const format = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

void test('metadata-name: present (or generateName) and a DNS-1123 subdomain of at most 253 characters', () => {
  for (const ok of [{ name: 'team-tools' }, { name: 'a.b-c.d9' }, { name: 'x'.repeat(253) }, { generateName: 'team-' }]) assert.deepEqual(messages(ok), [], JSON.stringify(ok));
  assert.deepEqual(messages({}), ['metadata.name: Required value: name or generateName is required']);
  assert.deepEqual(messages({ name: '' }), ['metadata.name: Required value: name or generateName is required']);
  assert.deepEqual(messages({ name: 'Team_Tools' }), [`metadata.name: Invalid value: "Team_Tools": ${format}`]);
  assert.deepEqual(messages({ name: 'a-' }), [`metadata.name: Invalid value: "a-": ${format}`]);
  assert.deepEqual(messages({ name: 'x'.repeat(254) }), [`metadata.name: Invalid value: "${'x'.repeat(254)}": must be no more than 253 characters`]);
  assert.deepEqual(messages({ name: 7 }), [`metadata.name: Invalid value: "7": ${format}`]);
});
