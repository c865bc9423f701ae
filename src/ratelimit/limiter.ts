// The runtime's token-bucket decision, in memory (upstream-behaviour §e.2): per call the buckets
// that apply, in the runtime's order (server shared, tool shared, server per-user, tool per-user);
// each is refilled continuously at the `%.6f` rate since its last touch (a missing or expired key
// starts full); only if every one holds >= 1 token is one token taken from each; otherwise nothing
// is taken, the first bucket under 1 is reported, and every bucket still stores its refilled level.
// Every touched bucket gets last_refill = now and a fresh expiry of ttlSeconds. Time is integer
// microseconds, like Redis TIME. The Lua script in lua.ts performs the same arithmetic step by step.
import type { BucketSpec } from './go-rate.js';
import type { LimiterConfig } from './limiter-config.js';

export interface BucketState {
  tokens: number;
  /** Microseconds. */
  last: number;
  /** Microseconds; the key is gone once now > expiresAt (Redis: a key expires after its TTL has fully passed). */
  expiresAt: number;
}

export interface BucketUse {
  /** The key suffix: `shared`, `shared:tool:<tool>`, `user:<user>`, `user-tool:<tool>:<user>`. */
  readonly id: string;
  readonly spec: BucketSpec;
}

export interface Rejection {
  readonly bucket: string;
  readonly retryAfterSeconds: number;
}

/** One bucket touched by one call: its level after refill and after the call. */
export interface Touch {
  readonly id: string;
  readonly spec: BucketSpec;
  readonly nowMicros: number;
  readonly refilled: number;
  readonly after: number;
  /** This bucket is the one that rejected the call. */
  readonly rejecting: boolean;
}

export type TouchObserver = (touch: Touch) => void;

/** The buckets one call is checked against, in the runtime's order. An empty user skips both per-user kinds. */
export function applicableBuckets(config: LimiterConfig, tool: string, user: string): BucketUse[] {
  const out: BucketUse[] = [];
  const entry = config.tools.get(tool);
  if (config.shared !== undefined) out.push({ id: 'shared', spec: config.shared });
  if (entry?.shared !== undefined) out.push({ id: `shared:tool:${tool}`, spec: entry.shared });
  if (user === '') return out;
  if (config.perUser !== undefined) out.push({ id: `user:${user}`, spec: config.perUser });
  if (entry?.perUser !== undefined) out.push({ id: `user-tool:${tool}:${user}`, spec: entry.perUser });
  return out;
}

/** A bucket's level at `now`: full when it has no (unexpired) state, else refilled and capped. */
export function refilledLevel(spec: BucketSpec, state: BucketState | undefined, now: number): number {
  if (state === undefined || now > state.expiresAt) return spec.maxTokens;
  const elapsed = Math.max(0, (now - state.last) / 1e6);
  return Math.min(spec.maxTokens, state.tokens + elapsed * spec.wireRate);
}

/** Trace time in seconds -> the integer microseconds the runtime's clock has. */
export const toMicros = (seconds: number): number => Math.round(seconds * 1e6);

/** The in-memory store and decision. Reuses its scratch arrays: one instance, one caller at a time. */
export class MemoryLimiter {
  readonly states = new Map<string, BucketState>();
  private readonly ids: string[] = ['', '', '', ''];
  private readonly specs: BucketSpec[] = [];
  private readonly levels: number[] = [0, 0, 0, 0];
  /** The states looked up in the first pass, reused when storing (one Map lookup per bucket). */
  private readonly found: (BucketState | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly observer: TouchObserver | undefined;

  constructor(
    readonly config: LimiterConfig,
    observer?: TouchObserver,
  ) {
    this.observer = observer;
  }

  /** Fills the scratch arrays with the applicable buckets; returns how many. */
  private plan(tool: string, user: string): number {
    const c = this.config;
    const entry = c.tools.size === 0 ? undefined : c.tools.get(tool);
    let n = 0;
    if (c.shared !== undefined) n = this.put(n, 'shared', c.shared);
    if (entry?.shared !== undefined) n = this.put(n, `shared:tool:${tool}`, entry.shared);
    if (user === '') return n;
    if (c.perUser !== undefined) n = this.put(n, `user:${user}`, c.perUser);
    if (entry?.perUser !== undefined) n = this.put(n, `user-tool:${tool}:${user}`, entry.perUser);
    return n;
  }

  private put(n: number, id: string, spec: BucketSpec): number {
    this.ids[n] = id;
    this.specs[n] = spec;
    return n + 1;
  }

  /** One tools/call at `now` (microseconds): null when allowed, else the rejecting bucket. */
  check(tool: string, user: string, now: number): Rejection | null {
    const n = this.plan(tool, user);
    let reject = -1;
    for (let i = 0; i < n; i++) {
      const state = this.states.get(this.ids[i]!);
      this.found[i] = state;
      const level = refilledLevel(this.specs[i]!, state, now);
      this.levels[i] = level;
      if (level < 1 && reject < 0) reject = i;
    }
    const take = reject < 0 ? 1 : 0;
    for (let i = 0; i < n; i++) this.store(i, now, take);
    if (this.observer !== undefined) this.notify(n, now, reject);
    return reject < 0 ? null : { bucket: this.ids[reject]!, retryAfterSeconds: this.specs[reject]!.retryAfterSeconds };
  }

  private store(i: number, now: number, take: number): void {
    const id = this.ids[i]!;
    const spec = this.specs[i]!;
    const after = this.levels[i]! - take;
    const expiresAt = now + spec.ttlSeconds * 1e6;
    const state = this.found[i];
    if (state === undefined) this.states.set(id, { tokens: after, last: now, expiresAt });
    else {
      state.tokens = after;
      state.last = now;
      state.expiresAt = expiresAt;
    }
  }

  private notify(n: number, now: number, reject: number): void {
    for (let i = 0; i < n; i++) {
      const refilled = this.levels[i]!;
      this.observer!({ id: this.ids[i]!, spec: this.specs[i]!, nowMicros: now, refilled, after: reject < 0 ? refilled - 1 : refilled, rejecting: i === reject });
    }
  }
}
