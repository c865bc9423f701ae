import { test } from 'node:test';
import { lintRefillRateImplausible as rule } from '../../../src/core/rules/lint-refill-rate-implausible.js';
import assert from 'node:assert/strict';
import { table, findings, expecting, withRateLimiting as rl, bucket } from './harness.js';

const P = 'spec.config.rateLimiting';
const at = expecting(rule);

void test('lint-refill-rate-implausible: under 1s, over 24h, over 1000 tokens/s', () => {
  table(
    rule,
    [rl({ shared: bucket(100, '1s') }), rl({ shared: bucket(1, '24h') }), rl({ shared: bucket(1000, '1s') }), rl({ shared: bucket(10, '0s') }), rl({ shared: bucket(10, 'x') })],
    [
      { spec: rl({ shared: bucket(100, '60ms') }), expected: [at('short', `${P}.shared.refillPeriod`, { has: '60ms is under 1s (100 tokens, 1670/s)' })] },
      { spec: rl({ perUser: bucket(10, '60h') }), expected: [at('long', `${P}.perUser.refillPeriod`, { has: '60h0m0s is over 24h (10 tokens, 4.63e-5/s)' })] },
      { spec: rl({ tools: [{ name: 'a', shared: bucket(1000000, '1m') }] }), expected: [at('compact', `${P}.tools[0].shared.refillPeriod`, { has: '1m0s for 1e+6 tokens is 16700/s' })] },
    ],
  );
});

void test('lint-refill-rate-implausible: worst-case warnings stay within 120 characters on one line', () => {
  const tools = Array.from({ length: 150 }, (_, i) => ({ name: `t${i}`, shared: bucket(2147483647, '999.999999ms'), perUser: bucket(2147483647, '2562047h47m16.854775807s') }));
  const found = findings(rule, rl({ shared: bucket(2147483647, '1ns'), tools }));
  assert.equal(found.length, 301);
  for (const f of found) {
    assert.ok(f.message.length <= 120, f.message);
    assert.doesNotMatch(f.message, /\n/);
  }
  assert.deepEqual({ messageId: found[300]!.messageId, field: found[300]!.field }, { messageId: 'tiny', field: 'spec.config.rateLimiting.tools[149].perUser.refillPeriod' });
  assert.equal(found[300]!.detail, '2562047h47m16.854775807s: 0.233/s, likely a unit mistake');
});
