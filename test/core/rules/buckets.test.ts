// bucketsOf / perBucket: buckets collected once per validation, findings per bucket in bucket order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketsOf, perBucket } from '../../../src/core/rules/buckets.js';
import { report } from '../../../src/core/rules/report.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const bucket = (maxTokens: number): Record<string, unknown> => ({ maxTokens, refillPeriod: '1m' });

function ctx(): RuleContext {
  const object = vmcp({ ...baseSpec(), config: { rateLimiting: { shared: bucket(1), perUser: bucket(2), tools: [{ name: 'a', perUser: bucket(3), shared: bucket(4) }, 'junk', { name: 'b', shared: bucket(5) }] } } });
  return { object, input: object, schema: committedVersion('v1beta1').schema, version: 'v1beta1', mode: 'strict' };
}

void test('buckets in vMCP order, memoized per context', () => {
  const c = ctx();
  assert.deepEqual(bucketsOf(c).all.map((b) => b.label), ['shared bucket', 'perUser bucket', 'tool "a" shared bucket', 'tool "a" perUser bucket', 'tool "b" shared bucket']);
  assert.deepEqual(bucketsOf(c).all.map((b) => b.path.join('.')), ['spec.config.rateLimiting.shared', 'spec.config.rateLimiting.perUser', 'spec.config.rateLimiting.tools.0.shared', 'spec.config.rateLimiting.tools.0.perUser', 'spec.config.rateLimiting.tools.2.shared']);
  assert.equal(bucketsOf(c), bucketsOf(c));
  assert.notEqual(bucketsOf(ctx()), bucketsOf(c));
});

void test('numbers worked out once per bucket; the always-applying buckets indexed', () => {
  const b = bucketsOf(ctx());
  assert.deepEqual(b.all.map((x) => x.numbers?.tokens), [1, 2, 4, 3, 5]);
  assert.equal(b.all[0]!.numbers?.rate, 1 / 60);
  assert.equal(b.serverShared?.label, 'shared bucket');
  assert.equal(b.serverPerUser?.label, 'perUser bucket');
  assert.deepEqual([...b.toolShared].map(([i, x]) => [i, x.label]), [[0, 'tool "a" shared bucket'], [2, 'tool "b" shared bucket']]);
});

void test('perBucket keeps the findings judge returns, in bucket order', () => {
  const found = perBucket(ctx(), (b) => (Number(b.bucket.maxTokens) % 2 === 1 ? report('lint-bucket-never-binds', 'short', {}, { path: b.path, type: 'Warning', detail: b.label }) : undefined));
  assert.deepEqual(found.map((f) => f.detail), ['shared bucket', 'tool "a" perUser bucket', 'tool "b" shared bucket']);
  assert.deepEqual(perBucket(ctx(), () => undefined), []);
});
