import { test } from 'node:test';
import { runtimeRefillPeriodPositive as rule } from '../../../src/core/rules/runtime-refill-period-positive.js';
import { table, withRateLimiting as rl, bucket } from './harness.js';

void test('runtime-refill-period-positive: vMCP start-up text and bucket naming', () => {
  table(
    rule,
    [rl({ shared: bucket(10, '1ns') }), rl({ shared: bucket(10, 'junk') }), rl({ perUser: bucket(10, null) })],
    [
      { spec: rl({ shared: bucket(10, '0s') }), expected: [{ field: 'spec.config.rateLimiting.shared.refillPeriod', message: 'spec.config.rateLimiting.shared.refillPeriod: Invalid value: "0s": shared bucket: refillPeriod must be positive, got 0s' }] },
      { spec: rl({ perUser: bucket(10, '-60s') }), expected: [{ field: 'spec.config.rateLimiting.perUser.refillPeriod', message: 'spec.config.rateLimiting.perUser.refillPeriod: Invalid value: "-60s": perUser bucket: refillPeriod must be positive, got -1m0s' }] },
      { spec: rl({ tools: [{ name: 'search', shared: bucket(1, '0'), perUser: bucket(1, '-0.5s') }] }), expected: [
        { field: 'spec.config.rateLimiting.tools[0].shared.refillPeriod', message: 'spec.config.rateLimiting.tools[0].shared.refillPeriod: Invalid value: "0": tool "search" shared bucket: refillPeriod must be positive, got 0s' },
        { field: 'spec.config.rateLimiting.tools[0].perUser.refillPeriod', message: 'spec.config.rateLimiting.tools[0].perUser.refillPeriod: Invalid value: "-0.5s": tool "search" perUser bucket: refillPeriod must be positive, got -500ms' },
      ] },
    ],
  );
});
