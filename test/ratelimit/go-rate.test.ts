import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketSpec, formatFixed6, goSeconds, retryAfterSeconds } from '../../src/ratelimit/go-rate.js';

const S = 1_000_000_000n;

void test("formatFixed6 is Go's %.6f: exact binary value, ties to even (toFixed rounds ties up)", () => {
  const cases: [number, string][] = [
    [1 / 128, '0.007812'], // 0.0078125 exactly: tie, 2 is even (toFixed: 0.007813)
    [3 / 128, '0.023438'], // 0.0234375: tie, 7 is odd -> up
    [5 / 128, '0.039062'], // 0.0390625: tie, 2 is even
    [1 / 3600, '0.000278'],
    [1 / 5400, '0.000185'],
    [3 / 7, '0.428571'],
    [10 / 30, '0.333333'],
    [100 / 60, '1.666667'],
    [5 / 10, '0.500000'],
    [5e-7, '0.000000'], // the double is just below 5e-7
    [3.858024691358e-7, '0.000000'],
    [6e-7, '0.000001'],
    [10, '10.000000'],
    [0, '0.000000'],
    [123456.5, '123456.500000'],
  ];
  for (const [x, text] of cases) assert.equal(formatFixed6(x), text, `${x}`);
  assert.equal((1 / 128).toFixed(6), '0.007813', 'the JavaScript rounding this must not use');
});

void test("goSeconds is Duration.Seconds(): whole seconds plus the remainder / 1e9", () => {
  assert.equal(goSeconds(1_500_000_000n), 1.5);
  assert.equal(goSeconds(3600n * S), 3600);
  assert.equal(goSeconds(1n), 1e-9);
});

void test('Retry-After: 1e9/rate ns truncated; under 1s -> 1; else rounded up to whole seconds', () => {
  const cases: [number, number][] = [
    [100, 1], // 10ms -> 1
    [1, 1], // exactly 1s
    [0.5, 2],
    [2 / 3, 2], // 1.5s -> 2
    [3 / 7, 3], // 2.33s -> 3
    [10 / 60, 6],
    [1 / 3600, 3600],
    [1 / 5400, 5400],
    [1 / (720 * 3600), 2_592_000],
  ];
  for (const [rate, seconds] of cases) assert.equal(retryAfterSeconds(rate), seconds, `rate ${rate}`);
});

void test('bucketSpec: rate, the %.6f wire rate read back, EXPIRE = ceil(2 x period), Retry-After from the unrounded rate', () => {
  const hour = bucketSpec(1, 3600n * S);
  assert.deepEqual([hour.wireRateText, hour.wireRate, hour.ttlSeconds, hour.retryAfterSeconds], ['0.000278', 0.000278, 7200, 3600]);
  assert.ok(hour.wireRate > hour.rate, '1/h is sent faster than it is');
  const odd = bucketSpec(2, 1_300_000_000n);
  assert.equal(odd.ttlSeconds, 3, 'ceil(2.6)');
  const zero = bucketSpec(1, 720n * 3600n * S);
  assert.deepEqual([zero.wireRateText, zero.wireRate, zero.ttlSeconds], ['0.000000', 0, 5_184_000]);
});
