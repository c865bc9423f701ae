// OpenAPI errors rendered exactly as kube-apiserver renders them (upstream-behaviour §b.1), with rule ids,
// paths for positions, CEL blocking and deterministic order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { blocksCel, checkOpenApi } from '../../../src/core/schema/openapi-check.js';
import type { CompiledVersion } from '../../../src/core/validate.js';
import { fixture, minimal, withRateLimiting, type Json } from './helpers.js';

const v1beta1 = async (): Promise<CompiledVersion> => (await loadBuiltinSchemas()).get('v1beta1')!;
const lines = async (o: Json): Promise<string[]> => checkOpenApi(o, await v1beta1()).map((f) => f.message);

void test('an admitted object has no OpenAPI findings', async () => {
  assert.deepEqual(await lines(minimal()), []);
  assert.deepEqual(await lines(withRateLimiting({ shared: { maxTokens: 100, refillPeriod: '1m' } })), []);
});

const table: [string, Json, string[]][] = [
  ['missing required fields', minimal({ groupRef: undefined, incomingAuth: {} }), ['spec.groupRef: Required value', 'spec.incomingAuth.type: Required value']],
  ['enum is case-sensitive', minimal({ sessionStorage: { provider: 'Redis' } }), ['spec.sessionStorage.provider: Unsupported value: "Redis": supported values: "memory", "redis"']],
  ['maxTokens below minimum', withRateLimiting({ shared: { maxTokens: 0, refillPeriod: '1m' } }), ['spec.config.rateLimiting.shared.maxTokens: Invalid value: 0: spec.config.rateLimiting.shared.maxTokens in body should be greater than or equal to 1']],
  ['negative maxTokens', withRateLimiting({ perUser: { maxTokens: -5, refillPeriod: '1m' } }), ['spec.config.rateLimiting.perUser.maxTokens: Invalid value: -5: spec.config.rateLimiting.perUser.maxTokens in body should be greater than or equal to 1']],
  ['missing refillPeriod', withRateLimiting({ shared: { maxTokens: 1 } }), ['spec.config.rateLimiting.shared.refillPeriod: Required value']],
  ['tool without name', withRateLimiting({ tools: [{ shared: { maxTokens: 1, refillPeriod: '1s' } }] }), ['spec.config.rateLimiting.tools[0].name: Required value']],
  ['empty tool name', withRateLimiting({ tools: [{ name: '', shared: { maxTokens: 1, refillPeriod: '1s' } }] }), ['spec.config.rateLimiting.tools[0].name: Invalid value: "": spec.config.rateLimiting.tools[0].name in body should be at least 1 chars long']],
  ['string where integer', withRateLimiting({ shared: { maxTokens: 'ten', refillPeriod: '1m' } }), ['spec.config.rateLimiting.shared.maxTokens: Invalid value: "string": spec.config.rateLimiting.shared.maxTokens in body must be of type integer: "string"']],
  ['fraction where integer', withRateLimiting({ shared: { maxTokens: 1.5, refillPeriod: '1m' } }), ['spec.config.rateLimiting.shared.maxTokens: Invalid value: "number": spec.config.rateLimiting.shared.maxTokens in body must be of type integer: "number"']],
  ['number where string', withRateLimiting({ shared: { maxTokens: 1, refillPeriod: 60 } }), ['spec.config.rateLimiting.shared.refillPeriod: Invalid value: "integer": spec.config.rateLimiting.shared.refillPeriod in body must be of type string: "integer"']],
  ['scalar where object', minimal({ config: { rateLimiting: 'on' } }), ['spec.config.rateLimiting: Invalid value: "string": spec.config.rateLimiting in body must be of type object: "string"']],
  ['object where array', withRateLimiting({ tools: { name: 'x' } }), ['spec.config.rateLimiting.tools: Invalid value: "object": spec.config.rateLimiting.tools in body must be of type array: "object"']],
  ['null array item', minimal({ passthroughHeaders: [null] }), ['spec.passthroughHeaders[0]: Invalid value: "null": spec.passthroughHeaders[0] in body must be of type string: "null"']],
  ['pattern prints the RE2 source', minimal({ config: { operational: { timeouts: { default: '1 minute' } } } }), ["spec.config.operational.timeouts.default: Invalid value: \"1 minute\": spec.config.operational.timeouts.default in body should match '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$'"]],
  ['pattern under a map value', minimal({ config: { operational: { timeouts: { perWorkload: { 'my-backend': '5 s' } } } } }), ["spec.config.operational.timeouts.perWorkload.my-backend: Invalid value: \"5 s\": spec.config.operational.timeouts.perWorkload.my-backend in body should match '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$'"]],
  ['maxLength', minimal({ incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'c' }, groupEntityType: 'G'.repeat(64) } } }), ['spec.incomingAuth.authzConfig.groupEntityType: Too long: may not be more than 63 bytes']],
  ['maximum', minimal({ config: { optimizer: { maxToolsToReturn: 51 } } }), ['spec.config.optimizer.maxToolsToReturn: Invalid value: 51: spec.config.optimizer.maxToolsToReturn in body should be less than or equal to 50']],
  ['minItems', minimal({ incomingAuth: { type: 'anonymous', authzConfig: { type: 'inline', inline: { policies: [] } } } }), ['spec.incomingAuth.authzConfig.inline.policies: Invalid value: 0: spec.incomingAuth.authzConfig.inline.policies in body should have at least 1 items']],
  ['maxProperties prints the limit as the value, like kube-openapi', minimal({ config: { optimizer: { embeddingProvider: 'openai', embeddingHeaders: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`X-H${i}`, 'v'])) } } }), ['spec.config.optimizer.embeddingHeaders: Too many: 32: must have at most 32 items']],
  ['strings are Go-quoted', minimal({ sessionStorage: { provider: 'mem\tory\u00a0"x"' } }), ['spec.sessionStorage.provider: Unsupported value: "mem\\tory\\u00a0\\"x\\"": supported values: "memory", "redis"']],
];

for (const [name, object, expected] of table) {
  void test(`renders ${name}`, async () => {
    assert.deepEqual(await lines(object), expected);
  });
}

void test('maxItems renders Too many with the actual count', async () => {
  const scopes = Array.from({ length: 11 }, (_, i) => `scope${i}`);
  const object = minimal({ authServerConfig: { issuer: 'https://idp', upstreamProviders: [], baselineClientScopes: scopes } });
  assert.ok((await lines(object)).includes('spec.authServerConfig.baselineClientScopes: Too many: 11: must have at most 10 items'));
});

void test('date-time format is enforced, int32 is not (kube-apiserver <= 1.35)', async () => {
  const status = { conditions: [{ type: 'Ready', status: 'True', reason: 'R', message: 'm', lastTransitionTime: '2024-02-30T10:00:00Z' }] };
  assert.deepEqual(await lines({ ...minimal(), status }), ['status.conditions[0].lastTransitionTime: Invalid value: "2024-02-30T10:00:00Z": status.conditions[0].lastTransitionTime in body must be of type date-time: "2024-02-30T10:00:00Z"']);
  const ok = { conditions: [{ type: 'Ready', status: 'True', reason: 'R', message: 'm', lastTransitionTime: '2024-02-29T10:00:00.5+02:00' }] };
  assert.deepEqual(await lines({ ...minimal(), status: ok }), []);
  assert.deepEqual(await lines(withRateLimiting({ shared: { maxTokens: 2147483648, refillPeriod: '1m' } })), []);
});

void test('rate-limit fixture: every error, rule id, path and CEL blocking', async () => {
  const findings = checkOpenApi(fixture('ratelimit-schema-errors.json'), await v1beta1());
  assert.deepEqual(findings.map((f) => [f.rule, f.message, blocksCel(f)]), [
    ['schema-required', 'spec.config.rateLimiting.perUser.refillPeriod: Required value', true],
    ['schema-range', 'spec.config.rateLimiting.shared.maxTokens: Invalid value: 0: spec.config.rateLimiting.shared.maxTokens in body should be greater than or equal to 1', false],
    ['schema-required', 'spec.config.rateLimiting.tools[1].name: Required value', true],
    ['schema-type', 'spec.config.rateLimiting.tools[2].perUser.maxTokens: Invalid value: "string": spec.config.rateLimiting.tools[2].perUser.maxTokens in body must be of type integer: "string"', true],
    ['schema-enum', 'spec.sessionStorage.provider: Unsupported value: "Redis": supported values: "memory", "redis"', true],
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
  assert.deepEqual(findings.map((f) => [f.message, f.path]), [
    ['spec.config.metadata.0: Invalid value: "integer": spec.config.metadata.0 in body must be of type string: "integer"', ['spec', 'config', 'metadata', '0']],
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
