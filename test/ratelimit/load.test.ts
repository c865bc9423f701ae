import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateLoad, parseLoadSpec, type LoadSpec } from '../../src/ratelimit/load.js';

const spec = (text: string): LoadSpec => {
  const parsed = parseLoadSpec(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

void test('load spec: per-user rate units and durations', () => {
  assert.deepEqual(spec('users=50,rate=2/s,tools=a|b,duration=60s'), { users: 50, rate: 2, tools: ['a', 'b'], durationSeconds: 60, seed: 1 });
  assert.equal(spec('rate=30/m').rate, 0.5);
  assert.equal(spec('rate=30/min').rate, 0.5);
  assert.equal(spec('rate=36/h').rate, 0.01);
  assert.equal(spec('rate=3/7s').rate, 3 / 7);
  assert.equal(spec('duration=1h30m').durationSeconds, 5400);
});

void test('load spec errors name the field', () => {
  const error = (text: string): string => {
    const parsed = parseLoadSpec(text);
    assert.ok('error' in parsed, text);
    return parsed.error;
  };
  assert.match(error('users=5,speed=2/s'), /unknown load field "speed=2\/s"/);
  assert.match(error('rate=fast'), /rate must look like 2\/s/);
  assert.match(error('rate=0/s'), /rate must look like/);
  assert.match(error('duration=soon'), /duration must be a positive Go duration/);
  assert.match(error('users=-1'), /users must be a whole number/);
  assert.match(error('tools=a||b'), /tools must be names separated by \|/);
  assert.match(error('users=100000,rate=100/s,duration=1h'), /would make about 36000000000 calls; the limit is 5000000/);
});

void test('load: seeded and reproducible, sorted, within the duration, near the expected count', () => {
  const s = spec('users=20,rate=2/s,tools=a|b|c,duration=60s,seed=7');
  const a = generateLoad(s);
  assert.deepEqual(generateLoad(s), a, 'same spec, same calls');
  assert.notDeepEqual(generateLoad({ ...s, seed: 8 }), a, 'another seed, other calls');
  assert.ok(a.every((c, i) => i === 0 || a[i - 1]!.t <= c.t), 'time order');
  assert.ok(a.every((c) => c.t >= 0 && c.t < 60));
  // Poisson: 2400 expected, sd ~49.
  assert.ok(a.length > 2200 && a.length < 2600, `${a.length} calls`);
  assert.deepEqual(new Set(a.map((c) => c.tool)), new Set(['a', 'b', 'c']));
  assert.equal(new Set(a.map((c) => c.user)).size, 20);
  assert.equal(a.find((c) => c.user === 'user-07')?.user, 'user-07', 'zero-padded names');
});

void test('users=0: one caller without identity', () => {
  const calls = generateLoad(spec('users=0,rate=5/s,duration=10s'));
  assert.ok(calls.length > 20 && calls.every((c) => c.user === ''));
});
