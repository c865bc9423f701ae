import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryLimiter, toMicros } from '../../src/ratelimit/limiter.js';
import { PlotRecorder, plotSpec } from '../../src/ratelimit/plot.js';
import { configOf, traceOf } from './helpers/fixtures.js';

function record(name: string, buckets: string[], maxPoints = 1000): ReturnType<PlotRecorder['lanesData']> {
  const recorder = new PlotRecorder(buckets);
  const limiter = new MemoryLimiter(configOf(name), recorder.observer);
  for (const c of traceOf(name)) limiter.check(c.tool, c.user, toMicros(c.t));
  return recorder.lanesData(maxPoints);
}

void test('a lane: full at the first touch, the level after refill and after each call, a point where it reaches capacity, rejections marked', () => {
  const points = record('long-idle-gap', ['shared']);
  const levels = points.filter((p) => p.kind === 'level').map((p): [number, number] => [p.t, Number(p.tokens.toFixed(6))]);
  // 5 calls at t=0 take 5 -> 0; the 6th is rejected; 5/1m refills in 60s (t=60.0002 at 0.083333/s).
  assert.deepEqual(levels.slice(0, 6), [[0, 5], [0, 5], [0, 4], [0, 4], [0, 3], [0, 3]]);
  assert.ok(levels.some(([t, tokens]) => tokens === 5 && t > 60 && t < 60.01), 'capacity reached after 60s');
  const rejections = points.filter((p) => p.kind === 'rejection');
  assert.deepEqual(rejections.map((p) => p.t), [0, 100000]);
});

void test('only the chosen buckets, in the chosen order; thinning keeps at most about maxPoints', () => {
  const points = record('first-empty-bucket-reported', ['user:alice', 'shared']);
  assert.deepEqual([...new Set(points.map((p) => p.bucket))], ['user:alice', 'shared']);
  const thinned = record('long-idle-gap', ['shared'], 3).filter((p) => p.kind === 'level');
  assert.ok(thinned.length <= 4, `${thinned.length}`);
});

void test('the Vega-Lite spec: one row per bucket in lane order, independent y scales, three layers', () => {
  const spec = plotSpec('t', ['b', 'a'], []) as { facet: { row: { sort: string[] } }; spec: { layer: unknown[] }; resolve: unknown };
  assert.deepEqual(spec.facet.row.sort, ['b', 'a']);
  assert.equal(spec.spec.layer.length, 3);
  assert.deepEqual(spec.resolve, { scale: { y: 'independent' } });
});
