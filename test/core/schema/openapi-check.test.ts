// OpenAPI errors as kube-apiserver reports them (upstream-behaviour §b.1): rule id, message id, field, error
// type and rendered value (texts: test/core/rules/messages.test.ts), paths for positions, CEL blocking and
// deterministic order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { blocksCel, checkOpenApi } from '../../../src/core/schema/openapi-check.js';
import type { CompiledVersion } from '../../../src/core/validate.js';
import type { Finding } from '../../../src/core/contract.js';
import { fixture, minimal, withRateLimiting, type Json } from './helpers.js';

const v1beta1 = async (): Promise<CompiledVersion> => (await loadBuiltinSchemas()).get('v1beta1')!;

/** A schema finding as rule tests compare it: {rule, messageId, field} and how the API server types and renders it (texts: messages.test.ts). */
interface Seen { rule: string; messageId: string; field: string | null; type: string; value?: string; has?: string }
const seen = (f: Finding, like?: Partial<Seen>): Seen => {
  const out: Seen = { rule: f.rule, messageId: f.messageId, field: f.field, type: f.type };
  if (f.value !== undefined) out.value = f.value;
  if (like?.has !== undefined) out.has = f.detail.includes(like.has) ? like.has : f.detail;
  return out;
};
const found = async (o: Json, like: readonly Partial<Seen>[] = []): Promise<Seen[]> => checkOpenApi(o, await v1beta1()).map((f, i) => seen(f, like[i]));
const e = (rule: string, messageId: string, field: string, type: string, value?: string, has?: string): Seen => ({ rule, messageId, field, type, ...(value === undefined ? {} : { value }), ...(has === undefined ? {} : { has }) });
const required = (field: string): Seen => e('schema-required', 'required', field, 'Required value');
const DURATION = "'^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$'";

void test('an admitted object has no OpenAPI findings', async () => {
  assert.deepEqual(await found(minimal()), []);
  assert.deepEqual(await found(withRateLimiting({ shared: { maxTokens: 100, refillPeriod: '1m' } })), []);
});

const table: [string, Json, Seen[]][] = [
  ['missing required fields', minimal({ groupRef: undefined, incomingAuth: {} }), [required('spec.groupRef'), required('spec.incomingAuth.type')]],
  ['enum is case-sensitive', minimal({ sessionStorage: { provider: 'Redis' } }), [e('schema-enum', 'supported', 'spec.sessionStorage.provider', 'Unsupported value', '"Redis"', 'supported values: "memory", "redis"')]],
  ['maxTokens below minimum', withRateLimiting({ shared: { maxTokens: 0, refillPeriod: '1m' } }), [e('schema-range', 'minimum', 'spec.config.rateLimiting.shared.maxTokens', 'Invalid value', '0', 'greater than or equal to 1')]],
  ['negative maxTokens', withRateLimiting({ perUser: { maxTokens: -5, refillPeriod: '1m' } }), [e('schema-range', 'minimum', 'spec.config.rateLimiting.perUser.maxTokens', 'Invalid value', '-5', 'greater than or equal to 1')]],
  ['missing refillPeriod', withRateLimiting({ shared: { maxTokens: 1 } }), [required('spec.config.rateLimiting.shared.refillPeriod')]],
  ['tool without name', withRateLimiting({ tools: [{ shared: { maxTokens: 1, refillPeriod: '1s' } }] }), [required('spec.config.rateLimiting.tools[0].name')]],
  ['empty tool name', withRateLimiting({ tools: [{ name: '', shared: { maxTokens: 1, refillPeriod: '1s' } }] }), [e('schema-length', 'minLength', 'spec.config.rateLimiting.tools[0].name', 'Invalid value', '""', 'spec.config.rateLimiting.tools[0].name in body should be at least 1 chars long')]],
  ['string where integer', withRateLimiting({ shared: { maxTokens: 'ten', refillPeriod: '1m' } }), [e('schema-type', 'type', 'spec.config.rateLimiting.shared.maxTokens', 'Invalid value', '"string"', 'spec.config.rateLimiting.shared.maxTokens in body must be of type integer: "string"')]],
  ['fraction where integer', withRateLimiting({ shared: { maxTokens: 1.5, refillPeriod: '1m' } }), [e('schema-type', 'type', 'spec.config.rateLimiting.shared.maxTokens', 'Invalid value', '"number"', 'must be of type integer: "number"')]],
  ['number where string', withRateLimiting({ shared: { maxTokens: 1, refillPeriod: 60 } }), [e('schema-type', 'type', 'spec.config.rateLimiting.shared.refillPeriod', 'Invalid value', '"integer"', 'must be of type string: "integer"')]],
  ['scalar where object', minimal({ config: { rateLimiting: 'on' } }), [e('schema-type', 'type', 'spec.config.rateLimiting', 'Invalid value', '"string"', 'must be of type object: "string"')]],
  ['object where array', withRateLimiting({ tools: { name: 'x' } }), [e('schema-type', 'type', 'spec.config.rateLimiting.tools', 'Invalid value', '"object"', 'must be of type array: "object"')]],
  ['null array item', minimal({ passthroughHeaders: [null] }), [e('schema-type', 'type', 'spec.passthroughHeaders[0]', 'Invalid value', '"null"', 'spec.passthroughHeaders[0] in body must be of type string: "null"')]],
  ['pattern prints the RE2 source', minimal({ config: { operational: { timeouts: { default: '1 minute' } } } }), [e('schema-pattern', 'pattern', 'spec.config.operational.timeouts.default', 'Invalid value', '"1 minute"', `should match ${DURATION}`)]],
  ['pattern under a map value', minimal({ config: { operational: { timeouts: { perWorkload: { 'my-backend': '5 s' } } } } }), [e('schema-pattern', 'pattern', 'spec.config.operational.timeouts.perWorkload.my-backend', 'Invalid value', '"5 s"', `spec.config.operational.timeouts.perWorkload.my-backend in body should match ${DURATION}`)]],
  ['maxLength', minimal({ incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'c' }, groupEntityType: 'G'.repeat(64) } } }), [e('schema-length', 'maxLength', 'spec.incomingAuth.authzConfig.groupEntityType', 'Too long', undefined, 'more than 63 bytes')]],
  ['maximum', minimal({ config: { optimizer: { maxToolsToReturn: 51 } } }), [e('schema-range', 'maximum', 'spec.config.optimizer.maxToolsToReturn', 'Invalid value', '51', 'less than or equal to 50')]],
  ['minItems', minimal({ incomingAuth: { type: 'anonymous', authzConfig: { type: 'inline', inline: { policies: [] } } } }), [e('schema-items', 'minItems', 'spec.incomingAuth.authzConfig.inline.policies', 'Invalid value', '0', 'at least 1 items')]],
  ['maxProperties prints the limit as the value, like kube-openapi', minimal({ config: { optimizer: { embeddingProvider: 'openai', embeddingHeaders: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`X-H${i}`, 'v'])) } } }), [e('schema-properties', 'maxProperties', 'spec.config.optimizer.embeddingHeaders', 'Too many', '32', 'at most 32 items')]],
  ['strings are Go-quoted', minimal({ sessionStorage: { provider: 'mem\tory\u00a0"x"' } }), [e('schema-enum', 'supported', 'spec.sessionStorage.provider', 'Unsupported value', '"mem\\tory\\u00a0\\"x\\""')]],
];

for (const [name, object, expected] of table) {
  void test(`renders ${name}`, async () => {
    assert.deepEqual(await found(object, expected), expected);
  });
}

void test('maxItems renders Too many with the actual count', async () => {
  const scopes = Array.from({ length: 11 }, (_, i) => `scope${i}`);
  const object = minimal({ authServerConfig: { issuer: 'https://idp', upstreamProviders: [], baselineClientScopes: scopes } });
  const like = e('schema-items', 'maxItems', 'spec.authServerConfig.baselineClientScopes', 'Too many', '11', 'at most 10 items');
  const all = checkOpenApi(object, await v1beta1()).map((f) => seen(f, like));
  assert.ok(all.some((f) => isDeepStrictEqual(f, like)), JSON.stringify(all));
});

void test('date-time format is enforced, int32 is not (kube-apiserver <= 1.35)', async () => {
  const status = { conditions: [{ type: 'Ready', status: 'True', reason: 'R', message: 'm', lastTransitionTime: '2024-02-30T10:00:00Z' }] };
  const dateTime = e('schema-format', 'format', 'status.conditions[0].lastTransitionTime', 'Invalid value', '"2024-02-30T10:00:00Z"', 'must be of type date-time: "2024-02-30T10:00:00Z"');
  assert.deepEqual(await found({ ...minimal(), status }, [dateTime]), [dateTime]);
  const ok = { conditions: [{ type: 'Ready', status: 'True', reason: 'R', message: 'm', lastTransitionTime: '2024-02-29T10:00:00.5+02:00' }] };
  assert.deepEqual(await found({ ...minimal(), status: ok }), []);
  assert.deepEqual(await found(withRateLimiting({ shared: { maxTokens: 2147483648, refillPeriod: '1m' } })), []);
});

void test('rate-limit fixture: every error, rule id, path and CEL blocking', async () => {
  const findings = checkOpenApi(fixture('ratelimit-schema-errors.json'), await v1beta1());
  assert.deepEqual(findings.map((f) => [seen(f), blocksCel(f)]), [
    [required('spec.config.rateLimiting.perUser.refillPeriod'), true],
    [e('schema-range', 'minimum', 'spec.config.rateLimiting.shared.maxTokens', 'Invalid value', '0'), false],
    [required('spec.config.rateLimiting.tools[1].name'), true],
    [e('schema-type', 'type', 'spec.config.rateLimiting.tools[2].perUser.maxTokens', 'Invalid value', '"string"'), true],
    [e('schema-enum', 'supported', 'spec.sessionStorage.provider', 'Unsupported value', '"Redis"'), true],
  ]);
  assert.deepEqual(findings[2]!.path, ['spec', 'config', 'rateLimiting', 'tools', 1, 'name']);
  assert.equal(findings[2]!.field, 'spec.config.rateLimiting.tools[1].name');
  assert.ok(findings.every((f) => f.origin === 'schema' && f.severity === 'error'));
});

void test('minLength and pattern errors alone do not block CEL', async () => {
  const findings = checkOpenApi(minimal({ groupRef: { name: '' }, config: { operational: { timeouts: { default: 'x' } } } }), await v1beta1());
  assert.equal(findings.length, 2);
  assert.ok(!findings.some(blocksCel));
});

void test('a map key that looks like a number stays a key in the path', async () => {
  const findings = checkOpenApi(minimal({ config: { metadata: { '0': 1 } } }), await v1beta1());
  assert.deepEqual(findings.map((f) => [seen(f), f.path]), [
    [e('schema-type', 'type', 'spec.config.metadata.0', 'Invalid value', '"integer"'), ['spec', 'config', 'metadata', '0']],
  ]);
});

void test('v1alpha1 judges exactly like v1beta1 (identical schemas share one validator)', async () => {
  const p = await loadBuiltinSchemas();
  const broken = fixture('ratelimit-schema-errors.json');
  assert.equal(p.get('v1alpha1')!.validate, p.get('v1beta1')!.validate);
  assert.deepEqual(checkOpenApi(broken, p.get('v1alpha1')!).map((f) => f.message), checkOpenApi(broken, p.get('v1beta1')!).map((f) => f.message));
});

void test('blocksCel ignores non-schema findings and Duplicate values', async () => {
  const [dup] = checkOpenApi(minimal({ sessionStorage: { provider: 'x' } }), await v1beta1());
  assert.ok(blocksCel(dup!));
  assert.ok(!blocksCel({ ...dup!, origin: 'cel' }));
  assert.ok(!blocksCel({ ...dup!, rule: 'schema-duplicate', type: 'Duplicate value' }));
});
