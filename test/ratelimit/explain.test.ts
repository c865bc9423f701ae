import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { limiterConfig } from '../../src/ratelimit/limiter-config.js';
import { explainServer } from '../../src/ratelimit/explain.js';
import { explainText } from '../../src/ratelimit/explain-text.js';
import { configOf } from './helpers/fixtures.js';

void test('buckets in the runtime key order with their numbers', () => {
  const s = explainServer(configOf('first-empty-bucket-reported'));
  assert.equal(s.keyPrefix, 'thv:rl:{insight:first-empty-bucket-reported}:');
  assert.deepEqual(s.buckets.map((b) => b.id), ['shared', 'shared:tool:search', 'user:<user>', 'user-tool:search:<user>']);
  const userTool = s.buckets[3]!;
  assert.deepEqual(
    [userTool.key, userTool.maxTokens, userTool.refillPeriod, userTool.redisRate, userTool.retryAfterSeconds, userTool.expireSeconds],
    ['thv:rl:{insight:first-empty-bucket-reported}:user-tool:search:<user>', 1, '10m0s', '0.001667', 600, 1200],
  );
  assert.equal(userTool.refillFromEmptySeconds, 1 / 0.001667);
  assert.equal(userTool.ratePerHour, 6);
});

void test('one user calling one tool: min burst and slowest rate over the buckets that apply', () => {
  const s = explainServer(configOf('users-and-no-user'));
  assert.deepEqual(s.oneUserOneTool, [{ tool: null, buckets: ['shared', 'user:<user>'], burst: 2, ratePerSecond: 0.2, limitedBy: 'user:<user>' }]);
  const perTool = explainServer(configOf('per-tool-shared-and-per-user')).oneUserOneTool;
  assert.deepEqual(perTool[0], { tool: 'search', buckets: ['shared:tool:search', 'user-tool:search:<user>'], burst: 1, ratePerSecond: 0.016667, limitedBy: 'user-tool:search:<user>' });
  assert.deepEqual(perTool[1], { tool: null, buckets: [], burst: null, ratePerSecond: null, limitedBy: null }, 'other tools are unlimited');
});

void test('notes: anonymous per-user, rounding to zero, Retry-After too early, key collision, always the runtime facts', () => {
  const codes = (name: string): string[] => explainServer(configOf(name)).notes.map((n) => n.code);
  assert.ok(codes('rate-rounds-to-zero').includes('rate-rounds-to-zero'));
  assert.ok(codes('one-per-ninety-minutes').includes('retry-after-too-early'), '5400s x 0.000185 < 1');
  assert.ok(!codes('one-per-hour').includes('retry-after-too-early'), '3600s x 0.000278 >= 1');
  assert.ok(codes('key-collision').includes('key-collision'));
  assert.ok(!codes('per-tool-shared-and-per-user').includes('key-collision'));
  for (const code of ['only-tools-call', 'all-or-nothing', 'fail-open', 'client-sees']) assert.ok(codes('burst-then-refill').includes(code), code);
  assert.equal(codes('burst-then-refill')[0], 'anonymous-auth', 'anonymous, shared buckets only');
  assert.ok(!codes('users-and-no-user').includes('anonymous-auth'), 'oidc');
  const anonymous = parse(`metadata: {name: a, namespace: n}
spec:
  incomingAuth: {type: anonymous}
  config: {rateLimiting: {perUser: {maxTokens: 5, refillPeriod: 1m}}}`);
  const notes = explainServer(limiterConfig(anonymous)).notes;
  assert.match(notes[0]!.text, /every caller has the identity subject "anonymous", so each per-user bucket is one bucket \(user:anonymous/);
});

void test('no rateLimiting: no buckets, one note; a manifest without namespace uses "default"', () => {
  const s = explainServer(limiterConfig(parse('metadata: {name: plain}\nspec: {incomingAuth: {type: anonymous}}')));
  assert.deepEqual([s.rateLimiting, s.buckets.length, s.notes.map((n) => n.code), s.namespace], [false, 0, ['no-rate-limiting'], 'default']);
});

void test('text form: bucket table, one-user table and notes', () => {
  const text = explainText({ version: 1, servers: [explainServer(configOf('per-tool-shared-and-per-user'))] });
  assert.match(text, /^VirtualMCPServer insight\/per-tool-shared-and-per-user: incomingAuth oidc, Redis keys thv:rl:\{insight:per-tool-shared-and-per-user\}:<bucket>$/m);
  assert.match(text, /^ {2}shared:tool:search +every tools\/call of search, all callers together +2 +1m0s +2\/min = 120\/h +1m +30s$/m);
  assert.match(text, /^ {2}user-tool:search:<user> +every tools\/call of search, per identity subject +1 +1m0s +1\/min = 60\/h +1m +60s$/m);
  assert.match(text, /^ {2}search +1 +1\/min = 60\/h +user-tool:search:<user>$/m);
  assert.match(text, /^ {2}\(any other tool\) +unlimited/m);
  assert.match(text, /^Notes:\n {2}- shared:tool:search: clients are told to retry after 30s, but one token takes 30.0003s at the Redis rate 0.033333\/s/m);
});
