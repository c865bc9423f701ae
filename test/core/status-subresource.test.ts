// The CRD has a status subresource, so the API server ignores `status` on create and update of the
// resource: it is pruned (unknown fields still reported) and then left out of validation and of
// the stored object. Without the subresource, status is validated like any other field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObject, type SchemaProvider } from '../../src/core/validate.js';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { makeProvider } from '../../src/core/schema/provider.js';
import { minimal, type Json } from './schema/helpers.js';

const withStatus = (): Json => ({ ...minimal(), status: { phase: 'Ready', bogus: 1, conditions: [{ type: 'Ready', status: 'True', reason: 'Ok', message: '', lastTransitionTime: 'yesterday' }] } });
const messages = (schemas: SchemaProvider, mode: 'crd' | 'strict'): string[] => validateObject(withStatus(), { mode, schemas }).findings.map((f) => f.message);

void test('status is pruned, then ignored: no date-time error, the unknown field still reported', async () => {
  const schemas = await loadBuiltinSchemas();
  assert.equal(schemas.get('v1beta1')?.meta.statusSubresource, true);
  assert.deepEqual(messages(schemas, 'crd'), ['unknown field "status.bogus"']);
  const r = validateObject(withStatus(), { mode: 'strict', schemas });
  assert.deepEqual(r.findings.map((f) => `${f.severity} ${f.message}`), ['error unknown field "status.bogus"']);
  assert.equal((r.object as Json).status, undefined);
  assert.equal('status' in (r.object as Json), false);
});

void test('without the subresource status is validated like spec', async () => {
  const builtin = await loadBuiltinSchemas();
  const v = builtin.get('v1beta1')!;
  const { statusSubresource: _dropped, ...meta } = v.meta;
  const schemas = makeProvider([{ meta, validate: v.validate }]);
  const found = messages(schemas, 'crd');
  assert.ok(found.includes('unknown field "status.bogus"'));
  assert.ok(found.some((m) => m.startsWith('status.conditions[0].lastTransitionTime: Invalid value: "yesterday"')), found.join('\n'));
});
