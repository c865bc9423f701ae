import { test } from 'node:test';
import { runtimeRefillPeriodDuration as rule } from '../../../src/core/rules/runtime-refill-period-duration.js';
import { table, withRateLimiting as rl, bucket } from './harness.js';

void test('runtime-refill-period-duration: refillPeriod must parse as a Go duration', () => {
  table(
    rule,
    [rl({ shared: bucket(10, '1m') }), rl({ shared: bucket(10, '1.5h'), perUser: bucket(1, '90s'), tools: [{ name: 't', shared: bucket(1, '0') }] }), rl({ shared: bucket(10, 60) })],
    [
      { spec: rl({ shared: bucket(10, 'one minute') }), expected: [{ field: 'spec.config.rateLimiting.shared.refillPeriod', message: 'spec.config.rateLimiting.shared.refillPeriod: Invalid value: "one minute": time: invalid duration "one minute"' }] },
      { spec: rl({ perUser: bucket(10, '') }), expected: [{ field: 'spec.config.rateLimiting.perUser.refillPeriod', message: 'spec.config.rateLimiting.perUser.refillPeriod: Invalid value: "": time: invalid duration ""' }] },
      { spec: rl({ tools: [{ name: 'a', shared: bucket(1, '1m') }, { name: 'b', shared: bucket(1, '1d'), perUser: bucket(1, '60') }] }), expected: [
        { field: 'spec.config.rateLimiting.tools[1].shared.refillPeriod', message: 'spec.config.rateLimiting.tools[1].shared.refillPeriod: Invalid value: "1d": time: unknown unit "d" in duration "1d"' },
        { field: 'spec.config.rateLimiting.tools[1].perUser.refillPeriod', message: 'spec.config.rateLimiting.tools[1].perUser.refillPeriod: Invalid value: "60": time: missing unit in duration "60"' },
      ] },
    ],
  );
});
