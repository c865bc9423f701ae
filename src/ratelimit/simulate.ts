// Runs calls through the in-memory limiter and tallies what happened: per call the decision, and a
// summary (totals, rejections per bucket, first rejection, per-user counts and fairness).
import type { LimiterConfig } from './limiter-config.js';
import { MemoryLimiter, toMicros, type Rejection, type TouchObserver } from './limiter.js';
import type { TraceCall } from './trace.js';

export interface CallResult {
  readonly t: number;
  readonly tool: string;
  readonly user: string;
  readonly allowed: boolean;
  /** Id of the rejecting bucket; absent when allowed. */
  readonly bucket?: string;
  /** Absent when allowed. */
  readonly retryAfterSeconds?: number;
}

export interface BucketRejections {
  readonly bucket: string;
  readonly rejected: number;
  readonly firstRejectionT: number;
}

export interface UserCounts {
  /** "" = calls without identity. */
  readonly user: string;
  readonly calls: number;
  readonly allowed: number;
  readonly rejected: number;
}

export interface Summary {
  readonly calls: number;
  readonly allowed: number;
  readonly rejected: number;
  readonly firstT: number | null;
  readonly lastT: number | null;
  readonly firstRejection: { readonly t: number; readonly tool: string; readonly user: string; readonly bucket: string; readonly retryAfterSeconds: number } | null;
  /** Most rejections first, then by id. */
  readonly buckets: readonly BucketRejections[];
  /** Sorted by user. */
  readonly users: readonly UserCounts[];
  /** Jain's fairness index of the allowed share per identified user (1 = all equal); null under two users. */
  readonly fairness: number | null;
}

export function resultOf(call: TraceCall, rejection: Rejection | null): CallResult {
  if (rejection === null) return { t: call.t, tool: call.tool, user: call.user, allowed: true };
  return { t: call.t, tool: call.tool, user: call.user, allowed: false, bucket: rejection.bucket, retryAfterSeconds: rejection.retryAfterSeconds };
}

interface MutableUser {
  calls: number;
  allowed: number;
}

/** Jain's index (sum x)^2 / (n * sum x^2) over x = allowed/calls per identified user. */
function jain(users: readonly UserCounts[]): number | null {
  const shares = users.filter((u) => u.user !== '' && u.calls > 0).map((u) => u.allowed / u.calls);
  if (shares.length < 2) return null;
  const sum = shares.reduce((a, b) => a + b, 0);
  const squares = shares.reduce((a, b) => a + b * b, 0);
  return squares === 0 ? 1 : (sum * sum) / (shares.length * squares);
}

export class Tally {
  private calls = 0;
  private allowed = 0;
  private firstT: number | null = null;
  private lastT: number | null = null;
  private first: Summary['firstRejection'] = null;
  private readonly buckets = new Map<string, { rejected: number; firstRejectionT: number }>();
  private readonly users = new Map<string, MutableUser>();

  add(call: TraceCall, rejection: Rejection | null): void {
    this.calls++;
    this.firstT ??= call.t;
    this.lastT = call.t;
    let user = this.users.get(call.user);
    if (user === undefined) this.users.set(call.user, (user = { calls: 0, allowed: 0 }));
    user.calls++;
    if (rejection === null) {
      this.allowed++;
      user.allowed++;
      return;
    }
    this.first ??= { t: call.t, tool: call.tool, user: call.user, bucket: rejection.bucket, retryAfterSeconds: rejection.retryAfterSeconds };
    const b = this.buckets.get(rejection.bucket);
    if (b === undefined) this.buckets.set(rejection.bucket, { rejected: 1, firstRejectionT: call.t });
    else b.rejected++;
  }

  summary(): Summary {
    const buckets = [...this.buckets].map(([bucket, b]) => ({ bucket, ...b }));
    buckets.sort((a, b) => b.rejected - a.rejected || (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
    const users = [...this.users].map(([user, u]) => ({ user, calls: u.calls, allowed: u.allowed, rejected: u.calls - u.allowed }));
    users.sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
    return {
      calls: this.calls,
      allowed: this.allowed,
      rejected: this.calls - this.allowed,
      firstT: this.firstT,
      lastT: this.lastT,
      firstRejection: this.first,
      buckets,
      users,
      fairness: jain(users),
    };
  }
}

/** Every call through a fresh in-memory limiter. */
export function simulate(config: LimiterConfig, calls: Iterable<TraceCall>, observer?: TouchObserver): { results: CallResult[]; summary: Summary } {
  const limiter = new MemoryLimiter(config, observer);
  const tally = new Tally();
  const results: CallResult[] = [];
  for (const call of calls) {
    const rejection = limiter.check(call.tool, call.user, toMicros(call.t));
    tally.add(call, rejection);
    results.push(resultOf(call, rejection));
  }
  return { results, summary: tally.summary() };
}

/** What the trace and the configuration disagree on, as warnings for stderr. */
export function traceWarnings(config: LimiterConfig, calls: readonly TraceCall[]): string[] {
  if (!config.enabled) return ['spec.config.rateLimiting is absent: vMCP creates no limiter, every call is allowed'];
  const out: string[] = [];
  const perUser = config.perUser !== undefined || [...config.tools.values()].some((t) => t.perUser !== undefined);
  if (perUser && config.incomingAuth === 'anonymous' && calls.some((c) => c.user !== 'anonymous')) {
    out.push('incomingAuth is anonymous: at runtime every caller has the subject "anonymous" (one per-user bucket for all); the trace\'s users are simulated as given');
  }
  return out;
}
