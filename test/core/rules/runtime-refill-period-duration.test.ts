import { test } from 'node:test';
import { runtimeRefillPeriodDuration as rule } from '../../../src/core/rules/runtime-refill-period-duration.js';
import { table, expecting, withRateLimiting as rl, bucket } from './harness.js';

const at = expecting(rule);

void test('runtime-refill-period-duration: refillPeriod must parse as a Go duration', () => {
  table(
    rule,
    [rl({ shared: bucket(10, '1m') }), rl({ shared: bucket(10, '1.5h'), perUser: bucket(1, '90s'), tools: [{ name: 't', shared: bucket(1, '0') }] }), rl({ shared: bucket(10, 60) })],
    [
      { spec: rl({ shared: bucket(10, 'one minute') }), expected: [at('invalid', 'spec.config.rateLimiting.shared.refillPeriod', { value: '"one minute"', has: 'duration "one minute"' })] },
      { spec: rl({ perUser: bucket(10, '') }), expected: [at('invalid', 'spec.config.rateLimiting.perUser.refillPeriod', { value: '""', has: 'duration ""' })] },
      { spec: rl({ tools: [{ name: 'a', shared: bucket(1, '1m') }, { name: 'b', shared: bucket(1, '1d'), perUser: bucket(1, '60') }] }), expected: [
        at('unknownUnit', 'spec.config.rateLimiting.tools[1].shared.refillPeriod', { value: '"1d"', has: 'unknown unit "d" in duration "1d"' }),
        at('missingUnit', 'spec.config.rateLimiting.tools[1].perUser.refillPeriod', { value: '"60"', has: 'duration "60"' }),
      ] },
    ],
  );
});
