import { test } from 'node:test';
import { runtimeRefillPeriodPositive as rule } from '../../../src/core/rules/runtime-refill-period-positive.js';
import { table, expecting, withRateLimiting as rl, bucket } from './harness.js';

const at = expecting(rule);

void test('runtime-refill-period-positive: vMCP start-up text and bucket naming', () => {
  table(
    rule,
    [rl({ shared: bucket(10, '1ns') }), rl({ shared: bucket(10, 'junk') }), rl({ perUser: bucket(10, null) })],
    [
      { spec: rl({ shared: bucket(10, '0s') }), expected: [at('positive', 'spec.config.rateLimiting.shared.refillPeriod', { value: '"0s"', has: 'shared bucket: refillPeriod must be positive, got 0s' })] },
      { spec: rl({ perUser: bucket(10, '-60s') }), expected: [at('positive', 'spec.config.rateLimiting.perUser.refillPeriod', { value: '"-60s"', has: 'perUser bucket: refillPeriod must be positive, got -1m0s' })] },
      { spec: rl({ tools: [{ name: 'search', shared: bucket(1, '0'), perUser: bucket(1, '-0.5s') }] }), expected: [
        at('positive', 'spec.config.rateLimiting.tools[0].shared.refillPeriod', { value: '"0"', has: 'tool "search" shared bucket: refillPeriod must be positive, got 0s' }),
        at('positive', 'spec.config.rateLimiting.tools[0].perUser.refillPeriod', { value: '"-0.5s"', has: 'tool "search" perUser bucket: refillPeriod must be positive, got -500ms' }),
      ] },
    ],
  );
});
