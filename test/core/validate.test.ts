// validateObject as the faces call it: document checks, stage order, modes, never throwing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObject, isBlocking, type SchemaProvider, type Mode } from '../../src/core/validate.js';
import { committedVersion, vmcp, baseSpec } from './committed-schema.js';

/** Committed metadata with an always-passing OpenAPI check: exercises the engine's own stages. */
function provider(): SchemaProvider {
  const versions = ['v1beta1', 'v1alpha1'] as const;
  const compiled = new Map(versions.map((v) => [v as string, { meta: committedVersion(v), validate: Object.assign(() => true, { errors: null }) }]));
  return { group: 'toolhive.stacklok.dev', kind: 'VirtualMCPServer', versions, get: (v) => compiled.get(v) };
}

const schemas = provider();
const lines = (input: unknown, mode: Mode = 'strict'): string[] => validateObject(input, { mode, schemas }).findings.map((f) => `${f.rule} ${f.severity} ${f.message}`);

void test('documents that are not a VirtualMCPServer of a served version', () => {
  assert.deepEqual(lines(['a']), ['document-not-a-mapping error <nil>: Invalid value: "list": a VirtualMCPServer document must be a mapping (apiVersion, kind, metadata, spec), not a list']);
  assert.deepEqual(lines('text'), ['document-not-a-mapping error <nil>: Invalid value: "string": a VirtualMCPServer document must be a mapping (apiVersion, kind, metadata, spec), not a string']);
  assert.deepEqual(lines(null), ['document-not-a-mapping error <nil>: Invalid value: "null": a VirtualMCPServer document must be a mapping (apiVersion, kind, metadata, spec), not null']);
  assert.deepEqual(lines({ apiVersion: 'v1', kind: 'ConfigMap' }), ['document-kind error kind: Invalid value: "ConfigMap": kind "ConfigMap" is not checked here: expected kind VirtualMCPServer (apiVersion toolhive.stacklok.dev/<version>)']);
  assert.deepEqual(lines({ apiVersion: 'v1' }), ['document-kind error kind: Required value: kind (none) is not checked here: expected kind VirtualMCPServer (apiVersion toolhive.stacklok.dev/<version>)']);
  assert.deepEqual(lines({ ...vmcp(baseSpec()), apiVersion: 'toolhive.stacklok.dev/v1' }), ['document-unserved-version error apiVersion: Invalid value: "toolhive.stacklok.dev/v1": no matches for kind "VirtualMCPServer" in version "toolhive.stacklok.dev/v1": served versions are toolhive.stacklok.dev/v1beta1, toolhive.stacklok.dev/v1alpha1']);
  assert.deepEqual(lines({ ...vmcp(baseSpec()), apiVersion: 'example.com/v1beta1' }), ['document-unserved-version error apiVersion: Invalid value: "example.com/v1beta1": no matches for kind "VirtualMCPServer" in version "example.com/v1beta1": served versions are toolhive.stacklok.dev/v1beta1, toolhive.stacklok.dev/v1alpha1']);
  assert.equal(validateObject(['a'], { mode: 'strict', schemas }).allowed, false);
});

void test('a valid object is allowed with no findings in both modes', () => {
  for (const mode of ['strict', 'crd'] as const) {
    const r = validateObject(vmcp({ ...baseSpec(), sessionStorage: { provider: 'redis', address: 'r:6379' }, config: { rateLimiting: { shared: { maxTokens: 100, refillPeriod: '1m' } } } }), { mode, schemas });
    assert.deepEqual(r.findings, [], mode);
    assert.equal(r.allowed, true);
  }
});

void test('runtime rules run only in strict mode; lint warnings in both and never block', () => {
  const spec = { ...baseSpec(), sessionStorage: { provider: 'redis', address: 'r' }, config: { ratelimiting: {}, rateLimiting: { shared: { maxTokens: 1, refillPeriod: 'one minute' }, perUser: { maxTokens: 5, refillPeriod: '1m' } } } };
  assert.deepEqual(lines(vmcp(spec), 'crd'), ['cel-peruser-requires-oidc error spec: Invalid value: "object": config.rateLimiting.perUser requires incomingAuth.type oidc']);
  assert.deepEqual(lines(vmcp(spec), 'strict'), [
    'cel-peruser-requires-oidc error spec: Invalid value: "object": config.rateLimiting.perUser requires incomingAuth.type oidc',
    'runtime-refill-period-duration error spec.config.rateLimiting.shared.refillPeriod: Invalid value: "one minute": time: invalid duration "one minute"',
    'runtime-config-unknown-key error spec.config.ratelimiting: Forbidden: unknown field "ratelimiting": the operator drops it silently; did you mean "rateLimiting"?',
  ]);
  const warnOnly = validateObject(vmcp(baseSpec(), 'toolhive.stacklok.dev/v1alpha1'), { mode: 'crd', schemas });
  assert.deepEqual(warnOnly.findings.map((f) => [f.rule, f.message, isBlocking(f)]), [['lint-deprecated-version', 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1', false]]);
  assert.equal(warnOnly.allowed, true);
});

void test('never throws: an exception inside the engine becomes an internal-error finding', () => {
  const broken: SchemaProvider = { ...schemas, get: () => { throw new Error('boom'); } };
  const r = validateObject(vmcp(baseSpec()), { mode: 'strict', schemas: broken });
  assert.equal(r.allowed, false);
  assert.deepEqual(r.findings.map((f) => [f.rule, f.type, f.message]), [['internal-error', 'Internal error', '<nil>: Internal error: internal error while validating (boom); please report this as a bug']]);
  const cyclic: Record<string, unknown> = vmcp(baseSpec());
  (cyclic.spec as Record<string, unknown>).config = { rateLimiting: { shared: { maxTokens: 1, refillPeriod: { nested: cyclic } } } };
  assert.doesNotThrow(() => validateObject(cyclic, { mode: 'strict', schemas }));
});

void test('output order is deterministic', () => {
  const spec = { ...baseSpec(), config: { zz: 1, rateLimiting: { tools: [{ name: 'b' }, { name: 'a', perUser: { maxTokens: 1, refillPeriod: '0s' } }] } } };
  const a = lines(vmcp(spec));
  assert.deepEqual(lines(vmcp(structuredClone(spec))), a);
  assert.ok(a.length >= 4);
});

void test('keys named like Object.prototype members are data: `constructor` is unknown, `__proto__` stays a key', () => {
  const input = JSON.parse(JSON.stringify(vmcp({ ...baseSpec(), podTemplateSpec: {} }))) as { spec: Record<string, unknown> };
  const text = JSON.stringify(input).replace('"podTemplateSpec":{}', '"podTemplateSpec":{"__proto__":{"q":1}},"constructor":1,"toString":{"a":1}');
  const object = JSON.parse(text) as unknown;
  assert.deepEqual(lines(object).filter((l) => l.includes('unknown field')), ['schema-unknown-field error unknown field "spec.constructor"', 'schema-unknown-field error unknown field "spec.toString"']);
  const pruned = validateObject(object, { mode: 'strict', schemas }).object as { spec: Record<string, unknown> };
  const template = pruned.spec.podTemplateSpec as Record<string, unknown>;
  assert.deepEqual(Object.keys(template), ['__proto__']);
  assert.equal(Object.getPrototypeOf(template), Object.prototype);
  assert.equal('constructor' in pruned.spec && Object.hasOwn(pruned.spec, 'constructor'), false);
});

void test('annotations over 256 KiB are a Too long error that, like the API server, stops CEL', async () => {
  const { loadBuiltinSchemas } = await import('../../src/core/schema/builtin.js');
  const real = await loadBuiltinSchemas();
  const object = vmcp({ ...baseSpec(), config: { rateLimiting: { shared: { maxTokens: 100, refillPeriod: '1m' } } } });
  const withCelError = validateObject(object, { mode: 'crd', schemas: real }).findings.map((f) => f.rule);
  assert.deepEqual(withCelError, ['cel-ratelimit-requires-redis']);
  const big = { ...object, metadata: { ...(object.metadata as object), annotations: { note: 'x'.repeat(300 * 1024) } } };
  assert.deepEqual(
    validateObject(big, { mode: 'crd', schemas: real }).findings.map((f) => f.message),
    ['metadata.annotations: Too long: may not be more than 262144 bytes', '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation'],
  );
});
