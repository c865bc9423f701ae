import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintBucketNeverBinds as rule } from '../../../src/core/rules/lint-bucket-never-binds.js';
import { table, findings, expecting, withRateLimiting as rl, bucket } from './harness.js';

const P = 'spec.config.rateLimiting';
const at = expecting(rule);

void test('lint-bucket-never-binds: buckets no tighter than one that always applies', () => {
  table(
    rule,
    [
      rl({ shared: bucket(100, '1m'), perUser: bucket(10, '1m') }),
      rl({ shared: bucket(100, '1m'), perUser: bucket(200, '10m') }),
      rl({ shared: bucket(10, '1m'), perUser: bucket(5, '1s') }),
      rl({ perUser: bucket(100, '1m'), tools: [{ name: 't', shared: bucket(1000, '1s') }] }),
      rl({ shared: bucket(10, 'bad'), perUser: bucket(100, '1m') }),
      rl({ shared: bucket(100, '1m') }),
    ],
    [
      { spec: rl({ shared: bucket(10, '1m'), perUser: bucket(100, '1m') }), expected: [at('full', `${P}.perUser`, { has: '100 tokens, 1.67/s vs shared 10 tokens, 0.167/s' })] },
      { spec: rl({ shared: bucket(10, '1m'), perUser: bucket(10, '1m') }), expected: [at('full', `${P}.perUser`, { has: '10 tokens, 0.167/s vs shared 10 tokens, 0.167/s' })] },
      { spec: rl({ shared: bucket(5, '1s'), tools: [{ name: 'a', shared: bucket(50, '1s') }] }), expected: [at('full', `${P}.tools[0].shared`, { has: '50 tokens, 50/s vs shared 5 tokens, 5/s' })] },
      { spec: rl({ tools: [{ name: 'a', shared: bucket(5, '1m'), perUser: bucket(6, '1m') }] }), expected: [at('short', `${P}.tools[0].perUser`, { has: '6 tokens, 0.1/s vs tool shared 5 tokens, 0.0833/s' })] },
      { spec: rl({ perUser: bucket(3, '1h'), tools: [{ name: 'a', perUser: bucket(30, '1h') }] }), expected: [at('short', `${P}.tools[0].perUser`, { has: '30 tokens, 0.00833/s vs perUser 3 tokens, 0.000833/s' })] },
    ],
  );
});

void test('lint-bucket-never-binds: warnings stay within 120 characters on one line', () => {
  const big = 2147483647;
  const tools = Array.from({ length: 120 }, (_, i) => ({ name: `t${i}`, shared: bucket(big, '1ns'), perUser: bucket(big, '1ns') }));
  const found = findings(rule, rl({ shared: bucket(1, '2562047h'), perUser: bucket(big, '1ns'), tools }));
  assert.equal(found.length, 241);
  for (const f of found) {
    assert.ok(f.message.length <= 120, f.message);
    assert.doesNotMatch(f.message, /\n/);
  }
});
