// The Redis shell of the rate-limit commands, on ioredis: connecting with one-line errors
// (unreachable, refused password, bad URL), `simulate --redis` (the Lua script of lua.ts under a
// private key prefix, deleted afterwards) and the read-only reads of `buckets` (SCAN with a
// bounded COUNT, HMGET, PTTL, TIME). ioredis is imported lazily: only these commands pay for it.
import { randomUUID } from 'node:crypto';
import type { Redis as RedisClient } from 'ioredis';
import type { LimiterConfig } from '../ratelimit/limiter-config.js';
import { applicableBuckets, toMicros, type Rejection, type TouchObserver } from '../ratelimit/limiter.js';
import { SIMULATE_LUA } from '../ratelimit/lua.js';
import type { TraceCall } from '../ratelimit/trace.js';

export interface RedisTarget {
  readonly url: string;
  readonly password: string | undefined;
  readonly db: number | undefined;
}

export type Connected = { readonly ok: true; readonly redis: RedisClient; readonly where: string } | { readonly ok: false; readonly error: string };

/** `redis://host:port[/db]`, `rediss://...`, or a bare `host:port` as in sessionStorage.address. */
export function parseRedisUrl(text: string): URL | string {
  const withScheme = text.includes('://') ? text : `redis://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return `--redis: unsupported scheme "${url.protocol}" (use redis:// or rediss://)`;
    if (url.hostname === '') return `--redis: no host in "${text}"`;
    return url;
  } catch {
    return `--redis: not a Redis URL or host:port: "${text}"`;
  }
}

function describeError(err: unknown, where: string): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  if (/without any password/i.test(message)) return `Redis at ${where} has no password, but one was given (THV_SESSION_REDIS_PASSWORD or the URL): AUTH refused`;
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(message)) {
    return `Redis at ${where} refused authentication (${message.split('\n')[0]}): set THV_SESSION_REDIS_PASSWORD to its password`;
  }
  if (/Protocol error/.test(message)) return `cannot talk to Redis at ${where}: the server there does not speak the Redis protocol`;
  if (e.code === 'ECONNREFUSED') return `cannot connect to Redis at ${where}: connection refused`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `cannot connect to Redis at ${where}: unknown host`;
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(message)) return `cannot connect to Redis at ${where}: timed out`;
  return `Redis at ${where}: ${message.split('\n')[0]}`;
}

/** The password: THV_SESSION_REDIS_PASSWORD (as the runtime reads it) wins over one in the URL. */
function passwordOf(target: RedisTarget, url: URL): string | undefined {
  if (target.password !== undefined && target.password !== '') return target.password;
  return url.password === '' ? undefined : decodeURIComponent(url.password);
}

/**
 * Connects, authenticates and selects the database itself (AUTH before SELECT, each failure one
 * line; a password sent to a server without one is refused, as the runtime's client does), then
 * PINGs. The caller disconnects the client.
 */
/** Host, port and database of the target, or what is wrong with it. */
function endpoint(target: RedisTarget): { url: URL; port: number; db: number; where: string } | string {
  const url = parseRedisUrl(target.url);
  if (typeof url === 'string') return url;
  const db = target.db ?? (url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0);
  const port = url.port === '' ? 6379 : Number(url.port);
  if (!Number.isInteger(db) || db < 0) return `--redis: bad database number in "${target.url}"`;
  return { url, port, db, where: `${url.hostname}:${port} (db ${db})` };
}

export async function connectRedis(target: RedisTarget): Promise<Connected> {
  const at = endpoint(target);
  if (typeof at === 'string') return { ok: false, error: at };
  const { url, port, db, where } = at;
  const { Redis } = await import('ioredis');
  const redis = new Redis({
    host: url.hostname,
    port,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    lazyConnect: true,
    connectTimeout: 3000,
    commandTimeout: 10_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    // The ready check (INFO) would run before our AUTH and fail on a server with a password.
    enableReadyCheck: false,
  });
  let lastError: unknown;
  redis.on('error', (err: unknown) => (lastError = err));
  try {
    await handshake(redis, passwordOf(target, url), url.username === '' ? undefined : decodeURIComponent(url.username), db);
    return { ok: true, redis, where };
  } catch (err) {
    redis.disconnect();
    const closed = err instanceof Error && /Connection is closed/.test(err.message);
    return { ok: false, error: describeError(closed && lastError !== undefined ? lastError : err, where) };
  }
}

async function handshake(redis: RedisClient, password: string | undefined, username: string | undefined, db: number): Promise<void> {
  await redis.connect();
  if (password !== undefined) await (username === undefined ? redis.auth(password) : redis.auth(username, password));
  if (db !== 0) await redis.select(db);
  await redis.ping();
}

export const redisErrorText = describeError;

/** Deletes every key under a prefix (SCAN + UNLINK). */
async function deletePrefix(redis: RedisClient, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Escapes Redis glob characters so a literal text matches only itself. */
export const globEscape = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

/** Clean-up expiry for the simulation's keys if the process dies before deleting them. */
const CLEANUP_MILLIS = 3_600_000;
const BATCH = 256;

/**
 * Runs the calls through the Lua script inside Redis, in batches of pipelined EVALSHA (Redis runs
 * them in order, so each call sees the previous calls' state). Keys live under a private prefix
 * that is deleted afterwards, also on failure.
 */
export async function simulateInRedis(redis: RedisClient, config: LimiterConfig, calls: readonly TraceCall[], observer?: TouchObserver): Promise<(Rejection | null)[]> {
  const prefix = `vmcp-admission:simulate:${randomUUID()}:${config.keyPrefix}`;
  const sha = (await redis.script('LOAD', SIMULATE_LUA)) as string;
  const out: (Rejection | null)[] = [];
  try {
    for (let start = 0; start < calls.length; start += BATCH) {
      const batch = calls.slice(start, start + BATCH);
      const pipeline = redis.pipeline();
      const plans = batch.map((call) => applicableBuckets(config, call.tool, call.user));
      batch.forEach((call, i) => {
        const plan = plans[i]!;
        if (plan.length === 0) return;
        const args = plan.flatMap((b) => [String(b.spec.maxTokens), b.spec.wireRateText, String(b.spec.ttlSeconds)]);
        pipeline.evalsha(sha, plan.length, ...plan.map((b) => prefix + b.id), String(toMicros(call.t)), String(CLEANUP_MILLIS), ...args);
      });
      const replies = (await pipeline.exec()) ?? [];
      let r = 0;
      batch.forEach((call, i) => {
        const plan = plans[i]!;
        if (plan.length === 0) return void out.push(null);
        const [err, reply] = replies[r++]!;
        if (err !== null) throw err;
        const [reject, ...levels] = reply as [number, ...string[]];
        if (observer !== undefined) plan.forEach((b, k) => observer({ id: b.id, spec: b.spec, nowMicros: toMicros(call.t), refilled: Number(levels[k]) + (reject === 0 ? 1 : 0), after: Number(levels[k]), rejecting: k + 1 === reject }));
        out.push(reject === 0 ? null : { bucket: plan[reject - 1]!.id, retryAfterSeconds: plan[reject - 1]!.spec.retryAfterSeconds });
      });
    }
    return out;
  } finally {
    await deletePrefix(redis, prefix);
  }
}

/** The state of one stored bucket as `buckets` reads it. */
export interface StoredBucket {
  readonly key: string;
  readonly tokens: string | null;
  readonly lastRefill: string | null;
  /** PTTL: milliseconds left, -1 without expiry, -2 gone. */
  readonly pttl: number;
}

/** Read-only: every key under the server's prefix (SCAN, bounded COUNT), its hash fields and PTTL, and Redis TIME in microseconds. */
export async function readBuckets(redis: RedisClient, keyPrefix: string, count: number): Promise<{ nowMicros: number; buckets: StoredBucket[] }> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${globEscape(keyPrefix)}*`, 'COUNT', count);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  const unique = [...new Set(keys)].sort();
  const pipeline = redis.pipeline();
  pipeline.time();
  for (const key of unique) pipeline.hmget(key, 'tokens', 'last_refill').pttl(key);
  const replies = (await pipeline.exec()) ?? [];
  const [timeError, time] = replies[0] ?? [new Error('no reply to TIME'), null];
  if (timeError !== null) throw timeError;
  const [sec, usec] = time as [string, string];
  // A key of another type under the prefix (WRONGTYPE) has no readable state; it is shown, not fatal.
  const buckets = unique.map((key, i) => {
    const [err, fields] = replies[1 + 2 * i]!;
    const [tokens, lastRefill] = err === null ? (fields as [string | null, string | null]) : [null, null];
    return { key, tokens, lastRefill, pttl: (replies[2 + 2 * i]![1] as number | null) ?? -2 };
  });
  return { nowMicros: Number(sec) * 1e6 + Number(usec), buckets };
}
