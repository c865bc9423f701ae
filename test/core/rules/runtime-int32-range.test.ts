import { test } from 'node:test';
import { runtimeInt32Range as rule } from '../../../src/core/rules/runtime-int32-range.js';
import { table, expecting, withRateLimiting as rl, bucket, redis } from './harness.js';

const at = expecting(rule);
const range = (field: string, value: string): ReturnType<typeof at> => at('range', field, { value, has: `${value} does not fit in int32` });

void test('runtime-int32-range: every int32 field but maxTokens (the bucket rule reports that one)', () => {
  table(
    rule,
    [
      rl({ shared: bucket(1, '1m') }, { replicas: 2147483647, sessionStorage: { ...redis, db: 15 } }),
      rl({ shared: bucket(9999999999, '1m') }),
      rl({ shared: bucket(1, '1m') }, { replicas: 1.5e10 + 0.5 }),
    ],
    [
      { spec: rl({ shared: bucket(1, '1m') }, { replicas: 2147483648 }), expected: [range('spec.replicas', '2147483648')] },
      { spec: rl({ shared: bucket(1, '1m') }, { sessionStorage: { ...redis, db: -2147483649 } }), expected: [range('spec.sessionStorage.db', '-2147483649')] },
      {
        spec: { ...rl({ shared: bucket(1, '1m') }), config: { rateLimiting: { shared: bucket(1, '1m') }, sessionStorage: { provider: 'redis', address: 'r', db: 4294967296 }, outgoingAuth: { backends: { b: { type: 'obo', obo: { cacheSkewSeconds: 9e15 } } } } } },
        expected: [range('spec.config.sessionStorage.db', '4294967296'), range('spec.config.outgoingAuth.backends.b.obo.cacheSkewSeconds', '9000000000000000')],
      },
    ],
  );
});
