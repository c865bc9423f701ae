// The Redis shell against a real redis-server: the Lua path decides exactly as the in-memory path on
// every test trace (decisions and every stored level), cleans up after itself, and every connection
// failure is one line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { connectRedis, readBuckets, simulateInRedis } from '../../src/cli/redis.js';
import { MemoryLimiter, toMicros, type Rejection, type Touch } from '../../src/ratelimit/limiter.js';
import { generateLoad, parseLoadSpec, type LoadSpec } from '../../src/ratelimit/load.js';
import type { LimiterConfig } from '../../src/ratelimit/limiter-config.js';
import type { TraceCall } from '../../src/ratelimit/trace.js';
import { configOf, traceCases } from '../ratelimit/helpers/fixtures.js';
import { startRedis, type RedisServer } from '../ratelimit/helpers/redis-server.js';

let server: RedisServer;
let secured: RedisServer;
let redis: Redis;

before(async () => {
  [server, secured] = await Promise.all([startRedis(), startRedis(['--requirepass', 'sekret'])]);
  const connected = await connectRedis({ url: server.url, password: undefined, db: undefined });
  assert.ok(connected.ok);
  redis = connected.redis;
});

after(async () => {
  redis.disconnect();
  await Promise.all([server.stop(), secured.stop()]);
});

type Step = [string, number, number, boolean];
const step = (t: Touch): Step => [t.id, t.nowMicros, t.after, t.rejecting];

function inMemory(config: LimiterConfig, calls: readonly TraceCall[]): { decisions: (Rejection | null)[]; steps: Step[] } {
  const steps: Step[] = [];
  const limiter = new MemoryLimiter(config, (t) => steps.push(step(t)));
  return { decisions: calls.map((c) => limiter.check(c.tool, c.user, toMicros(c.t))), steps };
}

async function inRedis(config: LimiterConfig, calls: readonly TraceCall[]): Promise<{ decisions: (Rejection | null)[]; steps: Step[] }> {
  const steps: Step[] = [];
  const decisions = await simulateInRedis(redis, config, calls, (t) => steps.push(step(t)));
  return { decisions, steps };
}

const load = (text: string): LoadSpec => parseLoadSpec(text) as LoadSpec;

void test('the Lua script decides exactly as memory on every test trace, level for level', async () => {
  const cases = [
    ...traceCases(),
    { name: 'load on per-tool buckets', config: configOf('per-tool-shared-and-per-user'), calls: generateLoad(load('users=30,rate=1/s,tools=search|list,duration=2m,seed=3')) },
    { name: 'load on four buckets', config: configOf('first-empty-bucket-reported'), calls: generateLoad(load('users=5,rate=2/s,tools=search|other,duration=1m,seed=4')) },
    { name: 'load with fractional rates', config: configOf('three-per-seven-seconds'), calls: generateLoad(load('users=0,rate=1/s,tools=search,duration=5m,seed=5')) },
  ];
  for (const c of cases) {
    const memory = inMemory(c.config, c.calls);
    const lua = await inRedis(c.config, c.calls);
    assert.ok(memory.decisions.some((d) => d !== null), `${c.name}: the trace rejects something`);
    assert.deepEqual(lua.decisions, memory.decisions, `${c.name}: decisions`);
    assert.deepEqual(lua.steps, memory.steps, `${c.name}: every stored level`);
  }
  assert.equal(await redis.dbsize(), 0, 'the private keys are deleted');
});

void test('a bucket level survives the Redis round trip with full double precision', async () => {
  // 3 per 7s leaves levels such as 0.9999992857139999 that %.14g would round.
  const calls = [0, 0, 0, 2.333334, 2.333336].map((t) => ({ t, tool: 'x', user: '' }));
  const lua = await inRedis(configOf('three-per-seven-seconds'), calls);
  assert.ok(lua.steps.some(([, , level]) => level === 0.9999992857139999));
});

void test('connection failures are one line each', async () => {
  const fail = async (url: string, password?: string, db?: number): Promise<string> => {
    const r = await connectRedis({ url, password, db });
    assert.ok(!r.ok, url);
    return r.error;
  };
  assert.equal(await fail('127.0.0.1:1'), 'cannot connect to Redis at 127.0.0.1:1 (db 0): connection refused');
  assert.match(await fail(secured.url), /^Redis at 127\.0\.0\.1:\d+ \(db 0\) refused authentication \(NOAUTH Authentication required\.\): set THV_SESSION_REDIS_PASSWORD to its password$/);
  assert.match(await fail(secured.url, 'wrong'), /refused authentication \(WRONGPASS/);
  assert.match(await fail(server.url, 'x'), /has no password, but one was given/);
  assert.match(await fail('http://x'), /unsupported scheme "http:"/);
  assert.match(await fail(server.url, undefined, 99), /^Redis at 127\.0\.0\.1:\d+ \(db 99\): ERR DB index is out of range$/);
  const good = await connectRedis({ url: `${secured.url}/2`, password: 'sekret', db: undefined });
  assert.ok(good.ok && good.where.endsWith('(db 2)'));
  if (good.ok) good.redis.disconnect();
});

void test('readBuckets: SCAN with COUNT finds every key of the server (and no other), with fields, PTTL and TIME', async () => {
  const prefix = 'thv:rl:{ns:srv}:';
  for (let i = 0; i < 250; i++) await redis.hset(`${prefix}user:u${i}`, 'tokens', '0.5', 'last_refill', '1000');
  await redis.hset('thv:rl:{ns:srv2}:shared', 'tokens', '1', 'last_refill', '1');
  await redis.hset('thv:rl:{ns:srv}*:shared', 'tokens', '1', 'last_refill', '1');
  await redis.pexpire(`${prefix}user:u7`, 60_000);
  await redis.set(`${prefix}user:not-a-hash`, 'x');
  try {
    const { nowMicros, buckets } = await readBuckets(redis, prefix, 10);
    assert.equal(buckets.length, 251);
    const odd = buckets.find((b) => b.key === `${prefix}user:not-a-hash`)!;
    assert.deepEqual([odd.tokens, odd.lastRefill], [null, null], 'a key of another type is shown without state');
    assert.ok(buckets.every((b) => b.key.startsWith(prefix)));
    const u7 = buckets.find((b) => b.key === `${prefix}user:u7`)!;
    assert.deepEqual([u7.tokens, u7.lastRefill], ['0.5', '1000']);
    assert.ok(u7.pttl > 50_000 && u7.pttl <= 60_000);
    assert.equal(buckets.find((b) => b.key === `${prefix}user:u8`)!.pttl, -1);
    assert.ok(Math.abs(nowMicros / 1000 - Date.now()) < 5000, 'Redis TIME in microseconds');
  } finally {
    await redis.flushdb();
  }
});
