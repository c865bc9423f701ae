import { test } from 'node:test';
import { runtimeMaxTokensInt32 as rule } from '../../../src/core/rules/runtime-max-tokens-int32.js';
import { table, expecting, withRateLimiting as rl, bucket } from './harness.js';

const at = expecting(rule);

void test('runtime-max-tokens-int32: maxTokens within int32', () => {
  table(
    rule,
    [rl({ shared: bucket(2147483647, '1m') }), rl({ shared: bucket('2147483648', '1m') }), rl({ shared: bucket(1.5e10 + 0.5, '1m') })],
    [
      { spec: rl({ shared: bucket(2147483648, '1m') }), expected: [at('range', 'spec.config.rateLimiting.shared.maxTokens', { value: '2147483648', has: 'shared bucket: maxTokens 2147483648 ' })] },
      { spec: rl({ shared: bucket(Infinity, '1m') }), expected: [at('range', 'spec.config.rateLimiting.shared.maxTokens', { value: 'Infinity', has: 'shared bucket: maxTokens Infinity ' })] },
      { spec: rl({ tools: [{ name: 'x', perUser: bucket(9999999999, '1m') }] }), expected: [at('range', 'spec.config.rateLimiting.tools[0].perUser.maxTokens', { value: '9999999999', has: 'tool "x" perUser bucket: maxTokens 9999999999 ' })] },
    ],
  );
});
