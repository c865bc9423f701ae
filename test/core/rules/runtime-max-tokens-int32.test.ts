import { test } from 'node:test';
import { runtimeMaxTokensInt32 as rule } from '../../../src/core/rules/runtime-max-tokens-int32.js';
import { table, withRateLimiting as rl, bucket } from './harness.js';

void test('runtime-max-tokens-int32: maxTokens within int32', () => {
  table(
    rule,
    [rl({ shared: bucket(2147483647, '1m') }), rl({ shared: bucket('2147483648', '1m') }), rl({ shared: bucket(1.5e10 + 0.5, '1m') })],
    [
      { spec: rl({ shared: bucket(2147483648, '1m') }), expected: [{ field: 'spec.config.rateLimiting.shared.maxTokens', message: 'spec.config.rateLimiting.shared.maxTokens: Invalid value: 2147483648: shared bucket: maxTokens 2147483648 does not fit in int32 (maximum 2147483647); the operator cannot decode it' }] },
      { spec: rl({ shared: bucket(Infinity, '1m') }), expected: [{ field: 'spec.config.rateLimiting.shared.maxTokens', message: 'spec.config.rateLimiting.shared.maxTokens: Invalid value: Infinity: shared bucket: maxTokens Infinity does not fit in int32 (maximum 2147483647); the operator cannot decode it' }] },
      { spec: rl({ tools: [{ name: 'x', perUser: bucket(9999999999, '1m') }] }), expected: [{ field: 'spec.config.rateLimiting.tools[0].perUser.maxTokens', message: 'spec.config.rateLimiting.tools[0].perUser.maxTokens: Invalid value: 9999999999: tool "x" perUser bucket: maxTokens 9999999999 does not fit in int32 (maximum 2147483647); the operator cannot decode it' }] },
    ],
  );
});
