// Traces with hand-computed decisions. Each expectation is `A` (allowed) or `R <bucket> <retryAfter>`.
// The arithmetic behind each row is in the comments; the manifests say what they show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryLimiter, toMicros } from '../../src/ratelimit/limiter.js';
import { limiterConfig } from '../../src/ratelimit/limiter-config.js';
import { simulate, traceWarnings, type CallResult } from '../../src/ratelimit/simulate.js';
import { configOf, manyAtOnce, traceOf } from './helpers/fixtures.js';

const code = (r: CallResult): string => (r.allowed ? 'A' : `R ${r.bucket} ${r.retryAfterSeconds}`);
const run = (name: string): string[] => simulate(configOf(name), traceOf(name)).results.map(code);

const table: Record<string, string[]> = {
  // 3 per 3s = 1.000000/s, Retry-After 1. Full at start; 0.5 at t=0.5; exactly 1 at t=1 passes
  // (only < 1 rejects); 2.5 at t=3.5.
  'burst-then-refill': ['A', 'A', 'A', 'R shared 1', 'R shared 1', 'A', 'R shared 1', 'A', 'A', 'R shared 1'],
  // 3 per 7s is sent as 0.428571 (< 3/7): one token takes 2.3333357s. At t=2.333334 the exact rate
  // would hold 1.0000003 tokens, the runtime 0.9999993: rejected. Retry-After from 3/7: 2.33s -> 3.
  'three-per-seven-seconds': ['A', 'A', 'A', 'R shared 3', 'R shared 3', 'A', 'R shared 3'],
  // 1 per 1h is sent as 0.000278 (> 1/3600): the token is back after 3597.1223s, not 3600, although
  // Retry-After says 3600. bob has his own bucket.
  'one-per-hour': ['A', 'R user:alice 3600', 'R user:alice 3600', 'A', 'A'],
  // 1 per 90m is sent as 0.000185: after exactly Retry-After (5400s) only 0.999 tokens: rejected again;
  // 5405.41s gives 1.00000085.
  'one-per-ninety-minutes': ['A', 'R user:alice 5400', 'A'],
  // shared 5/10s (Retry-After 2), per user 2/10s (Retry-After 5). alice's third call is rejected by her
  // own bucket and takes nothing from shared (3 left); bob takes 2; the two calls without identity
  // (user absent, user "") skip per-user buckets: one passes, then shared is empty; carol is rejected
  // by shared (first in order) although her own bucket is full; at t=2 shared has refilled 1 token.
  'users-and-no-user': ['A', 'A', 'R user:alice 5', 'A', 'A', 'A', 'R shared 2', 'R shared 2', 'A'],
  // search: shared 2/1m (0.033333/s, Retry-After 30), per user 1/1m (Retry-After 60); list has no
  // entry and no server bucket applies: never limited. carol retries after the 30s she was told, but
  // 30 x 0.033333 = 0.99999 tokens: rejected again.
  'per-tool-shared-and-per-user': ['A', 'R user-tool:search:alice 60', 'A', 'R shared:tool:search 30', 'A', 'A', 'A', 'A', 'R shared:tool:search 30'],
  // shared 10/1m, per user 1/1m: alice's five rejected calls take nothing from shared.
  'all-or-nothing': ['A', 'R user:alice 60', 'R user:alice 60', 'R user:alice 60', 'R user:alice 60', 'R user:alice 60', 'A'],
  // shared 1/1s, search shared 1/2s, per user 1/1m, search per user 1/10m, all emptied at t=0.
  // t=0: all four empty -> shared (first). t=1: shared 1, tool 0.5 -> shared:tool:search. t=2: tool 1,
  // user 0.033334 -> user:alice. t=60: user 1.00002, user-tool 0.1 -> user-tool:search:alice.
  'first-empty-bucket-reported': ['A', 'R shared 1', 'R shared:tool:search 2', 'R user:alice 60', 'R user-tool:search:alice 600'],
  // 5/1m, Retry-After 12; after a day the key has long expired (120s): full again, not overfull.
  'long-idle-gap': ['A', 'A', 'A', 'A', 'A', 'R shared 12', 'A', 'A', 'A', 'A', 'A', 'R shared 12'],
  // 1 per 720h: 0.000000 on the wire, never refills; EXPIRE 5184000s. After 30 days still empty; at
  // exactly the expiry the key still exists (rejected, and the rejection renews the expiry); only a
  // call after a full quiet expiry period finds the key gone (full).
  'rate-rounds-to-zero': ['A', 'R shared 2592000', 'R shared 2592000', 'A'],
  // tool a + user b:c and tool a:b + user c are one key user-tool:a:b:c; tool a + user c is another.
  'key-collision': ['A', 'R user-tool:a:b:c 60', 'A'],
};

for (const [name, expected] of Object.entries(table)) {
  void test(`trace ${name}`, () => assert.deepEqual(run(name), expected));
}

void test('many calls at one timestamp: 100 of 150 pass a bucket of 100, no refill in zero time', () => {
  const { results, summary } = simulate(configOf('many-calls-one-timestamp'), manyAtOnce());
  assert.deepEqual(results.map((r) => r.allowed).lastIndexOf(true), 99);
  assert.deepEqual([summary.allowed, summary.rejected, results[100]!.bucket], [100, 50, 'shared']);
});

void test('all-or-nothing leaves the shared bucket at exactly 8 after two allowed calls', () => {
  const limiter = new MemoryLimiter(configOf('all-or-nothing'));
  for (const c of traceOf('all-or-nothing')) limiter.check(c.tool, c.user, toMicros(c.t));
  assert.equal(limiter.states.get('shared')!.tokens, 8);
  assert.equal(limiter.states.get('user:alice')!.tokens, 0);
});

void test('a rejected call still stores every bucket refilled, also those after the rejecting one', () => {
  const limiter = new MemoryLimiter(configOf('first-empty-bucket-reported'));
  limiter.check('search', 'alice', 0);
  limiter.check('search', 'alice', 1_000_000); // rejected by shared:tool:search
  const state = (id: string): [number, number] => [limiter.states.get(id)!.tokens, limiter.states.get(id)!.last];
  assert.deepEqual(state('user-tool:search:alice'), [0.001667, 1_000_000]);
  assert.deepEqual(state('shared'), [1, 1_000_000]);
});

void test('summary: totals, rejections per bucket (most first), first rejection, per-user counts, fairness', () => {
  const { summary } = simulate(configOf('users-and-no-user'), traceOf('users-and-no-user'));
  assert.deepEqual([summary.calls, summary.allowed, summary.rejected], [9, 6, 3]);
  assert.deepEqual(summary.buckets, [
    { bucket: 'shared', rejected: 2, firstRejectionT: 0 },
    { bucket: 'user:alice', rejected: 1, firstRejectionT: 0 },
  ]);
  assert.deepEqual(summary.firstRejection, { t: 0, tool: 'search', user: 'alice', bucket: 'user:alice', retryAfterSeconds: 5 });
  assert.deepEqual(summary.users.map((u) => [u.user, u.calls, u.allowed]), [['', 2, 1], ['alice', 3, 2], ['bob', 2, 2], ['carol', 2, 1]]);
  // shares 2/3, 1, 1/2: (13/6)^2 / (3 * (4/9 + 1 + 1/4)) = 4.6944 / 5.0833 = 0.9235
  assert.equal(summary.fairness!.toFixed(4), '0.9235');
});

void test('warnings: no rateLimiting at all; per-user buckets under anonymous auth with named users', () => {
  const calls = [{ t: 0, tool: 'a', user: 'alice' }];
  assert.match(traceWarnings(limiterConfig({ metadata: { name: 'x' } }), calls)[0]!, /rateLimiting is absent: vMCP creates no limiter/);
  const anonymous = limiterConfig({ metadata: { name: 'x' }, spec: { incomingAuth: { type: 'anonymous' }, config: { rateLimiting: { perUser: { maxTokens: 1, refillPeriod: '1m' } } } } });
  assert.match(traceWarnings(anonymous, calls)[0]!, /every caller has the subject "anonymous"/);
  assert.deepEqual(traceWarnings(anonymous, [{ t: 0, tool: 'a', user: 'anonymous' }]), []);
  assert.deepEqual(traceWarnings(configOf('users-and-no-user'), calls), [], 'oidc');
});
