import { test } from 'node:test';
import { lintRefillRateImplausible as rule } from '../../../src/core/rules/lint-refill-rate-implausible.js';
import { table, withRateLimiting as rl, bucket } from './harness.js';

const P = 'spec.config.rateLimiting';

void test('lint-refill-rate-implausible: under 1s, over 24h, over 1000 tokens/s', () => {
  table(
    rule,
    [rl({ shared: bucket(100, '1s') }), rl({ shared: bucket(1, '24h') }), rl({ shared: bucket(1000, '1s') }), rl({ shared: bucket(10, '0s') }), rl({ shared: bucket(10, 'x') })],
    [
      { spec: rl({ shared: bucket(100, '60ms') }), expected: [{ field: `${P}.shared.refillPeriod`, message: `${P}.shared.refillPeriod: refillPeriod 60ms is under 1s (100 tokens, 1670/s): likely a unit mistake` }] },
      { spec: rl({ perUser: bucket(10, '60h') }), expected: [{ field: `${P}.perUser.refillPeriod`, message: `${P}.perUser.refillPeriod: refillPeriod 60h0m0s is over 24h (10 tokens, 4.63e-5/s): likely a unit mistake` }] },
      { spec: rl({ tools: [{ name: 'a', shared: bucket(1000000, '1m') }] }), expected: [{ field: `${P}.tools[0].shared.refillPeriod`, message: `${P}.tools[0].shared.refillPeriod: refills 16700 tokens/s (1e+6 per 1m0s), over 1000/s: likely a unit mistake` }] },
    ],
  );
});
