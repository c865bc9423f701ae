import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runtimeConfigUnknownKey as rule } from '../../../src/core/rules/runtime-config-unknown-key.js';
import { didYouMean } from '../../../src/core/rules/did-you-mean.js';
import { baseSpec } from '../committed-schema.js';
import { table, expecting } from './harness.js';

const config = (c: Record<string, unknown>): Record<string, unknown> => ({ ...baseSpec(), config: c });
const at = expecting(rule);
const suggest = (key: string, suggestion: string): ReturnType<typeof at> => at('suggest', `spec.config.${key}`, { has: `unknown field "${key}": the operator drops it silently; did you mean "${suggestion}"?` });
const plain = (key: string): ReturnType<typeof at> => at('plain', `spec.config.${key}`, { has: `unknown field "${key}"` });

void test('runtime-config-unknown-key: unknown keys under spec.config, with did-you-mean', () => {
  table(
    rule,
    [baseSpec(), config({ rateLimiting: {}, operational: {}, passthroughHeaders: [] }), { ...baseSpec(), config: 'not a mapping' }],
    [
      { spec: config({ ratelimiting: { shared: {} } }), expected: [suggest('ratelimiting', 'rateLimiting')] },
      { spec: config({ rateLimit: {}, sesionStorage: {}, optimiser: {}, zzz: 1 }), expected: [suggest('rateLimit', 'rateLimiting'), suggest('sesionStorage', 'sessionStorage'), suggest('optimiser', 'optimizer'), plain('zzz')] },
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
