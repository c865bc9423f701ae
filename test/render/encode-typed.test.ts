// The typed encoder: Go decode + yaml.v3 Marshal rules from config-yaml-fields.md (omitempty,
// always-written fields, {} for present empty pointers, durations, free-form float64 values).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emitYaml } from '../../src/render/emit-yaml.js';
import { encodeTyped } from '../../src/render/encode-typed.js';
import { report } from '../../src/core/rules/report.js';

const render = (type: string, value: unknown): string => emitYaml(encodeTyped(type, value).node);

void test('a zero bucket still prints maxTokens and refillPeriod (no omitempty)', () => {
  assert.equal(render('ratelimit.RateLimitBucket', {}), 'maxTokens: 0\nrefillPeriod:\n    duration: 0s\n');
});

void test('present empty pointers print {}; always-written fields print their zero form', () => {
  assert.equal(render('config.Config', { codeMode: {}, rateLimiting: {} }), 'codeMode: {}\nrateLimiting: {}\n');
  assert.equal(render('config.OutputConfig', {}), 'properties: {}\n');
  assert.equal(render('config.CompositeToolConfig', { name: 't' }), 'name: t\nsteps: []\n');
  assert.equal(render('config.OIDCConfig', { issuer: 'https://i' }), 'issuer: https://i\nclientId: ""\naudience: ""\n');
});

void test('omitempty drops "", 0, false, empty lists and maps, zero durations', () => {
  const text = render('config.SessionStorageConfig', { provider: 'redis', address: '', db: 0, keyPrefix: '' });
  assert.equal(text, 'provider: redis\n');
  assert.equal(render('config.CircuitBreakerConfig', { enabled: false, failureThreshold: 0, timeout: '0s' }), '{}\n');
});

void test('non-nil pointers to zero scalars are written', () => {
  assert.equal(render('config.ToolAnnotationsOverride', { title: '', readOnlyHint: false }), 'title: ""\nreadOnlyHint: false\n');
});

void test('perWorkload map values are durations: zero prints 0s, keys sort naturally', () => {
  assert.equal(render('config.TimeoutConfig', { perWorkload: { w10: '0s', w2: '90s' } }), 'perWorkload:\n    w2: 1m30s\n    w10: 0s\n');
});

void test('free-form maps hold float64 numbers and sorted keys', () => {
  const text = render('config.WorkflowStepConfig', { id: 's', arguments: { b: 1000000, a: [1.5, null, {}, []], n: 'yes' } });
  assert.equal(text, 'id: s\narguments:\n    a:\n        - 1.5\n        - null\n        - {}\n        - []\n    b: 1e+06\n    "n": "yes"\n');
});

void test('output default (thvjson.Any) is written for 0, "" and false, omitted only when absent', () => {
  assert.equal(render('config.OutputProperty', { type: 'integer', default: 0 }), 'type: integer\ndescription: ""\ndefault: 0\n');
  assert.equal(render('config.OutputProperty', { type: 'string' }), 'type: string\ndescription: ""\n');
});

void test('undecodable durations are reported with their path and Go error text', () => {
  const { errors } = encodeTyped('config.Config', { rateLimiting: { tools: [{ name: 'x', shared: { maxTokens: 1, refillPeriod: '1M' } }] } });
  const texts = errors.map((e) => ({ path: e.path, message: report('render-undecodable', e.messageId, e.data, { path: null, type: 'Invalid value' }).detail }));
  assert.deepEqual(texts, [{ path: ['rateLimiting', 'tools', 0, 'shared', 'refillPeriod'], message: 'time: unknown unit "M" in duration "1M"' }]);
});

void test('unknown keys are dropped by the typed decode (spec.config.ratelimiting typo)', () => {
  assert.equal(render('config.Config', { name: 'x', ratelimiting: { shared: {} } }), 'name: x\n');
});
