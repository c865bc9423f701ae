// `buckets`, pure: what a stored bucket of the runtime means now. A key suffix is mapped back to
// its bucket (`shared`, `shared:tool:<tool>`, `user:<user>`, `user-tool:<tool>:<user>`) with the
// server's configuration; its level now is the stored level refilled at the `%.6f` rate since
// last_refill (microseconds of Redis TIME), capped at capacity, exactly as the next call would see it.
import type { LimiterConfig } from './limiter-config.js';
import type { BucketSpec } from './go-rate.js';

export interface KeyMeaning {
  readonly kind: 'shared' | 'shared-tool' | 'user' | 'user-tool' | 'unknown';
  readonly tool: string | null;
  readonly user: string | null;
  /** Undefined when no configured bucket has this key (a removed tool, another version's key). */
  readonly spec: BucketSpec | undefined;
  /** Other readings of a colliding user-tool key (`a` + `b:c` vs `a:b` + `c`), as `tool/user`. */
  readonly alsoReadAs: readonly string[];
}

function userTool(rest: string, config: LimiterConfig): KeyMeaning {
  const readings = [...config.tools].filter(([tool, b]) => b.perUser !== undefined && rest.startsWith(`${tool}:`)).map(([tool, b]) => ({ tool, user: rest.slice(tool.length + 1), spec: b.perUser }));
  if (readings.length === 0) {
    const colon = rest.indexOf(':');
    return { kind: 'user-tool', tool: colon < 0 ? rest : rest.slice(0, colon), user: colon < 0 ? null : rest.slice(colon + 1), spec: undefined, alsoReadAs: [] };
  }
  const [first, ...others] = readings;
  return { kind: 'user-tool', tool: first!.tool, user: first!.user, spec: first!.spec, alsoReadAs: others.map((o) => `${o.tool}/${o.user}`) };
}

/** The bucket a key suffix (the part after `thv:rl:{ns:name}:`) stands for. */
export function keyMeaning(suffix: string, config: LimiterConfig): KeyMeaning {
  const none = { alsoReadAs: [] };
  if (suffix === 'shared') return { kind: 'shared', tool: null, user: null, spec: config.shared, ...none };
  if (suffix.startsWith('shared:tool:')) {
    const tool = suffix.slice('shared:tool:'.length);
    return { kind: 'shared-tool', tool, user: null, spec: config.tools.get(tool)?.shared, ...none };
  }
  if (suffix.startsWith('user:')) return { kind: 'user', tool: null, user: suffix.slice('user:'.length), spec: config.perUser, ...none };
  if (suffix.startsWith('user-tool:')) return userTool(suffix.slice('user-tool:'.length), config);
  return { kind: 'unknown', tool: null, user: null, spec: undefined, ...none };
}

export interface LiveBucket {
  readonly id: string;
  readonly meaning: KeyMeaning;
  readonly capacity: number | null;
  /** Stored level (at last_refill); null when the key has no readable state. */
  readonly storedTokens: number | null;
  /** Level now; null without configuration or state. */
  readonly tokens: number | null;
  /** Under 1 token: the next call that needs this bucket is rejected. */
  readonly limited: boolean;
  /** Seconds until 1 token (0 when not limited); null when unknown. */
  readonly recoversInSeconds: number | null;
  /** Seconds until full; null when unknown. */
  readonly fullInSeconds: number | null;
  /** What a client rejected by this bucket is told. */
  readonly retryAfterSeconds: number | null;
  /** Seconds until the key expires (-1: no expiry). */
  readonly expiresInSeconds: number | null;
}

export interface StoredState {
  readonly tokens: string | null;
  readonly lastRefill: string | null;
  /** Milliseconds (PTTL): -1 no expiry, -2 gone. */
  readonly pttl: number;
}

const numberOrNull = (text: string | null): number | null => {
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/** Seconds until the level reaches `target` at the Redis rate; the key's expiry (a full bucket) when sooner or the rate is 0. */
function secondsUntil(target: number, level: number, spec: BucketSpec, expiresIn: number | null): number | null {
  if (level >= target) return 0;
  const byRate = spec.wireRate > 0 ? (target - level) / spec.wireRate : Infinity;
  const byExpiry = expiresIn !== null && expiresIn >= 0 ? expiresIn : Infinity;
  const seconds = Math.min(byRate, byExpiry);
  return Number.isFinite(seconds) ? seconds : null;
}

export function liveBucket(suffix: string, config: LimiterConfig, state: StoredState, nowMicros: number): LiveBucket {
  const meaning = keyMeaning(suffix, config);
  const spec = meaning.spec;
  const stored = numberOrNull(state.tokens);
  const last = numberOrNull(state.lastRefill);
  const expiresInSeconds = state.pttl === -2 ? null : state.pttl < 0 ? -1 : state.pttl / 1000;
  const base = { id: suffix, meaning, capacity: spec?.maxTokens ?? null, storedTokens: stored, retryAfterSeconds: spec?.retryAfterSeconds ?? null, expiresInSeconds };
  if (spec === undefined || stored === null || last === null) return { ...base, tokens: null, limited: false, recoversInSeconds: null, fullInSeconds: null };
  const elapsed = Math.max(0, (nowMicros - last) / 1e6);
  const tokens = Math.min(spec.maxTokens, stored + elapsed * spec.wireRate);
  return {
    ...base,
    tokens,
    limited: tokens < 1,
    recoversInSeconds: secondsUntil(1, tokens, spec, expiresInSeconds),
    fullInSeconds: secondsUntil(spec.maxTokens, tokens, spec, expiresInSeconds),
  };
}

/** Limited buckets first (longest recovery first), then by id. */
export function sortLive(buckets: readonly LiveBucket[]): LiveBucket[] {
  return [...buckets].sort((a, b) => Number(b.limited) - Number(a.limited) || (b.recoversInSeconds ?? 0) - (a.recoversInSeconds ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
