import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyMeaning, liveBucket, sortLive } from '../../src/ratelimit/live.js';
import { liveText } from '../../src/ratelimit/live-text.js';
import { configOf } from './helpers/fixtures.js';

const config = configOf('first-empty-bucket-reported');

void test('key suffixes map back to their buckets', () => {
  assert.deepEqual(keyMeaning('shared', config).kind, 'shared');
  const tool = keyMeaning('shared:tool:search', config);
  assert.deepEqual([tool.kind, tool.tool, tool.spec?.maxTokens], ['shared-tool', 'search', 1]);
  const user = keyMeaning('user:a:b', config);
  assert.deepEqual([user.kind, user.user], ['user', 'a:b']);
  const ut = keyMeaning('user-tool:search:alice', config);
  assert.deepEqual([ut.tool, ut.user, ut.spec?.wireRateText], ['search', 'alice', '0.001667']);
  assert.equal(keyMeaning('shared:tool:gone', config).spec, undefined, 'a tool without entry is not configured');
  assert.equal(keyMeaning('something-else', config).kind, 'unknown');
});

void test('a colliding user-tool key lists its other reading', () => {
  const m = keyMeaning('user-tool:a:b:c', configOf('key-collision'));
  assert.deepEqual([m.tool, m.user, m.alsoReadAs], ['a', 'b:c', ['a:b/c']]);
});

void test('tokens now = stored + elapsed x %.6f rate, capped; recovery and full times', () => {
  // user:<u> is 1 per minute (0.016667/s); stored 0.5 at t=10s, now t=16s: 0.5 + 6 x 0.016667 = 0.600002.
  const b = liveBucket('user:alice', config, { tokens: '0.5', lastRefill: '10000000', pttl: 90_000 }, 16_000_000);
  assert.equal(b.tokens, 0.5 + 6 * 0.016667);
  assert.equal(b.limited, true);
  assert.equal(b.recoversInSeconds, (1 - b.tokens) / 0.016667);
  assert.equal(b.fullInSeconds, (1 - b.tokens) / 0.016667);
  assert.deepEqual([b.retryAfterSeconds, b.expiresInSeconds, b.capacity], [60, 90, 1]);
  const capped = liveBucket('shared', config, { tokens: '0.2', lastRefill: '0', pttl: -1 }, 100_000_000);
  assert.deepEqual([capped.tokens, capped.limited, capped.recoversInSeconds, capped.expiresInSeconds], [1, false, 0, -1]);
});

void test('a bucket that never refills recovers when its key expires', () => {
  const zero = configOf('rate-rounds-to-zero');
  const b = liveBucket('shared', zero, { tokens: '0', lastRefill: '0', pttl: 5_000_000 }, 1e12);
  assert.deepEqual([b.tokens, b.limited, b.recoversInSeconds, b.fullInSeconds], [0, true, 5000, 5000]);
});

void test('unconfigured or unreadable keys show what is stored, never a made-up level', () => {
  const gone = liveBucket('shared:tool:gone', config, { tokens: '3', lastRefill: '1', pttl: 1000 }, 5);
  assert.deepEqual([gone.tokens, gone.storedTokens, gone.capacity, gone.limited], [null, 3, null, false]);
  const broken = liveBucket('shared', config, { tokens: 'abc', lastRefill: null, pttl: 1000 }, 5);
  assert.deepEqual([broken.tokens, broken.storedTokens], [null, null]);
});

void test('limited first, longest recovery first; text table', () => {
  const now = 10_000_000;
  const rows = sortLive([
    liveBucket('shared', config, { tokens: '1', lastRefill: String(now), pttl: 2000 }, now),
    liveBucket('user:bob', config, { tokens: '0.9', lastRefill: String(now), pttl: 120_000 }, now),
    liveBucket('user:alice', config, { tokens: '0', lastRefill: String(now), pttl: 120_000 }, now),
  ]);
  assert.deepEqual(rows.map((r) => r.id), ['user:alice', 'user:bob', 'shared']);
  const text = liveText({ config, nowMicros: now, buckets: rows });
  assert.match(text, /^insight\/first-empty-bucket-reported at 1970-01-01T00:00:10\.000Z \(Redis TIME\): 3 buckets, 2 limited now$/m);
  // 1/0.016667 = 59.9988s to the first token, before the key's expiry (2m).
  assert.match(text, /^user:alice +0 +1 +LIMITED +1m +1m +60s +2m$/m);
  assert.match(text, /^shared +1 +1 +ok +now +now +1s +2s$/m);
});
