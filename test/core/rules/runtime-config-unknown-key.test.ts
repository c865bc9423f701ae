import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runtimeConfigUnknownKey as rule } from '../../../src/core/rules/runtime-config-unknown-key.js';
import { didYouMean } from '../../../src/core/rules/did-you-mean.js';
import { baseSpec } from '../committed-schema.js';
import { table } from './harness.js';

const config = (c: Record<string, unknown>): Record<string, unknown> => ({ ...baseSpec(), config: c });
const line = (key: string, tail: string): { field: string; message: string } => ({ field: `spec.config.${key}`, message: `spec.config.${key}: Forbidden: unknown field "${key}": the operator drops it silently${tail}` });

void test('runtime-config-unknown-key: unknown keys under spec.config, with did-you-mean', () => {
  table(
    rule,
    [baseSpec(), config({ rateLimiting: {}, operational: {}, passthroughHeaders: [] }), { ...baseSpec(), config: 'not a mapping' }],
    [
      { spec: config({ ratelimiting: { shared: {} } }), expected: [line('ratelimiting', '; did you mean "rateLimiting"?')] },
      { spec: config({ rateLimit: {}, sesionStorage: {}, optimiser: {}, zzz: 1 }), expected: [line('rateLimit', '; did you mean "rateLimiting"?'), line('sesionStorage', '; did you mean "sessionStorage"?'), line('optimiser', '; did you mean "optimizer"?'), line('zzz', '')] },
    ],
  );
});

void test('didYouMean: case folding first, then a small edit distance', () => {
  const known = ['rateLimiting', 'operational', 'name', 'groupRef'];
  assert.equal(didYouMean('RATELIMITING', known), 'rateLimiting');
  assert.equal(didYouMean('operationl', known), 'operational');
  assert.equal(didYouMean('nam', known), 'name');
  assert.equal(didYouMean('limits', known), undefined);
});
