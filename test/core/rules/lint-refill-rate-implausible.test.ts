import { test } from 'node:test';
import { lintRefillRateImplausible as rule } from '../../../src/core/rules/lint-refill-rate-implausible.js';
import assert from 'node:assert/strict';
import { table, run, withRateLimiting as rl, bucket } from './harness.js';

const P = 'spec.config.rateLimiting';

void test('lint-refill-rate-implausible: under 1s, over 24h, over 1000 tokens/s', () => {
  table(
    rule,
    [rl({ shared: bucket(100, '1s') }), rl({ shared: bucket(1, '24h') }), rl({ shared: bucket(1000, '1s') }), rl({ shared: bucket(10, '0s') }), rl({ shared: bucket(10, 'x') })],
    [
      { spec: rl({ shared: bucket(100, '60ms') }), expected: [{ field: `${P}.shared.refillPeriod`, message: `${P}.shared.refillPeriod: 60ms is under 1s (100 tokens, 1670/s): likely a unit mistake` }] },
      { spec: rl({ perUser: bucket(10, '60h') }), expected: [{ field: `${P}.perUser.refillPeriod`, message: `${P}.perUser.refillPeriod: 60h0m0s is over 24h (10 tokens, 4.63e-5/s): likely a unit mistake` }] },
      { spec: rl({ tools: [{ name: 'a', shared: bucket(1000000, '1m') }] }), expected: [{ field: `${P}.tools[0].shared.refillPeriod`, message: `${P}.tools[0].shared.refillPeriod: 1m0s for 1e+6 tokens is 16700/s: likely a unit mistake` }] },
    ],
  );
});

void test('lint-refill-rate-implausible: worst-case warnings stay within 120 characters on one line', () => {
  const tools = Array.from({ length: 150 }, (_, i) => ({ name: `t${i}`, shared: bucket(2147483647, '999.999999ms'), perUser: bucket(2147483647, '2562047h47m16.854775807s') }));
  const found = run(rule, rl({ shared: bucket(2147483647, '1ns'), tools }));
  assert.equal(found.length, 301);
  for (const f of found) {
    assert.ok(f.message.length <= 120, f.message);
    assert.doesNotMatch(f.message, /\n/);
  }
  assert.match(found[300]!.message, /^spec\.config\.rateLimiting\.tools\[149\]\.perUser\.refillPeriod: 2562047h47m16\.854775807s: 0\.233\/s, likely a unit mistake$/);
});
