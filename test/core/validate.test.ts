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
/** Findings as rule tests compare them (texts: messages.test.ts); `has` is the slot data a case is about. */
interface Seen { rule: string; severity: string; messageId: string; field: string | null; value?: string; has?: string }
const found = (input: unknown, mode: Mode = 'strict', like: readonly Partial<Seen>[] = []): Seen[] =>
  validateObject(input, { mode, schemas }).findings.map((f, i) => {
    const out: Seen = { rule: f.rule, severity: f.severity, messageId: f.messageId, field: f.field };
    if (f.value !== undefined) out.value = f.value;
    const has = like[i]?.has;
    if (has !== undefined) out.has = f.detail.includes(has) ? has : f.detail;
    return out;
  });
const check = (input: unknown, expected: readonly Seen[], mode: Mode = 'strict'): void => assert.deepEqual(found(input, mode, expected), expected);
const notMapping = (actual: string, value: string): Seen => ({ rule: 'document-not-a-mapping', severity: 'error', messageId: 'notMapping', field: null, value, has: `, not ${actual}` });
const unserved = (apiVersion: string): Seen => ({ rule: 'document-unserved-version', severity: 'error', messageId: 'unserved', field: 'apiVersion', value: `"${apiVersion}"`, has: `in version "${apiVersion}": served versions are toolhive.stacklok.dev/v1beta1, toolhive.stacklok.dev/v1alpha1` });

void test('documents that are not a VirtualMCPServer of a served version', () => {
  check(['a'], [notMapping('a list', '"list"')]);
  check('text', [notMapping('a string', '"string"')]);
  check(null, [notMapping('null', '"null"')]);
  check({ apiVersion: 'v1', kind: 'ConfigMap' }, [{ rule: 'document-kind', severity: 'error', messageId: 'wrongKind', field: 'kind', value: '"ConfigMap"', has: 'kind "ConfigMap" is not checked here: expected kind VirtualMCPServer (apiVersion toolhive.stacklok.dev/<version>)' }]);
  check({ apiVersion: 'v1' }, [{ rule: 'document-kind', severity: 'error', messageId: 'wrongKind', field: 'kind', has: 'kind (none) is not checked here' }]);
  assert.equal(validateObject({ apiVersion: 'v1' }, { mode: 'strict', schemas }).findings[0]!.type, 'Required value');
  check({ ...vmcp(baseSpec()), apiVersion: 'toolhive.stacklok.dev/v1' }, [unserved('toolhive.stacklok.dev/v1')]);
  check({ ...vmcp(baseSpec()), apiVersion: 'example.com/v1beta1' }, [unserved('example.com/v1beta1')]);
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
  const perUser: Seen = { rule: 'cel-peruser-requires-oidc', severity: 'error', messageId: 'failed', field: 'spec', value: '"object"' };
  check(vmcp(spec), [perUser], 'crd');
  check(vmcp(spec), [
    perUser,
    { rule: 'runtime-refill-period-duration', severity: 'error', messageId: 'invalid', field: 'spec.config.rateLimiting.shared.refillPeriod', value: '"one minute"' },
    { rule: 'runtime-config-unknown-key', severity: 'error', messageId: 'suggest', field: 'spec.config.ratelimiting', has: 'did you mean "rateLimiting"?' },
  ]);
  const warnOnly = validateObject(vmcp(baseSpec(), 'toolhive.stacklok.dev/v1alpha1'), { mode: 'crd', schemas });
  assert.deepEqual(warnOnly.findings.map((f) => [f.rule, f.messageId, f.field, f.detail, isBlocking(f)]), [['lint-deprecated-version', 'crdWarning', null, 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1', false]]);
  assert.equal(warnOnly.allowed, true);
});

void test('never throws: an exception inside the engine becomes an internal-error finding', () => {
  const broken: SchemaProvider = { ...schemas, get: () => { throw new Error('boom'); } };
  const r = validateObject(vmcp(baseSpec()), { mode: 'strict', schemas: broken });
  assert.equal(r.allowed, false);
  assert.deepEqual(r.findings.map((f) => [f.rule, f.messageId, f.field, f.type, f.detail.includes('(boom)')]), [['internal-error', 'internal', null, 'Internal error', true]]);
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
  assert.deepEqual(found(object).filter((f) => f.rule === 'schema-unknown-field'), [
    { rule: 'schema-unknown-field', severity: 'error', messageId: 'unknown', field: 'spec.constructor' },
    { rule: 'schema-unknown-field', severity: 'error', messageId: 'unknown', field: 'spec.toString' },
  ]);
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
    validateObject(big, { mode: 'crd', schemas: real }).findings.map((f) => [f.rule, f.messageId, f.field, f.type, f.value]),
    [['metadata-labels-annotations', 'annotationsSize', 'metadata.annotations', 'Too long', undefined], ['cel-not-checked', 'notChecked', null, 'Invalid value', '"null"']],
  );
});
