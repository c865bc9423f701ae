// `explain`, pure: the buckets the runtime creates for a server, what each meters, its numbers,
// the effective limit for one user calling one tool, and the consequences upstream-behaviour §e
// spells out. The JSON shape (version 1) is documented in the README and kept stable.
import { formatGoDuration } from '../core/duration.js';
import type { LimiterConfig } from './limiter-config.js';
import type { BucketSpec } from './go-rate.js';
import { applicableBuckets } from './limiter.js';

export const USER_PLACEHOLDER = '<user>';

export interface ExplainedBucket {
  /** Key suffix pattern: `shared`, `shared:tool:<tool>`, `user:<user>`, `user-tool:<tool>:<user>`. */
  readonly id: string;
  readonly key: string;
  readonly scope: 'shared' | 'perUser';
  readonly tool: string | null;
  readonly meters: string;
  readonly maxTokens: number;
  readonly refillPeriod: string;
  /** maxTokens / refillPeriod, unrounded. */
  readonly ratePerSecond: number;
  readonly ratePerMinute: number;
  readonly ratePerHour: number;
  /** The rate as the runtime sends it to Redis (Go `%.6f`). */
  readonly redisRate: string;
  /** maxTokens at the Redis rate; null when that rate is 0 (never refills). */
  readonly refillFromEmptySeconds: number | null;
  /** What a rejected client is told (data.retryAfterSeconds). */
  readonly retryAfterSeconds: number;
  /** EXPIRE set on every touch. */
  readonly expireSeconds: number;
}

export interface EffectiveLimit {
  /** null = a tool with no rate-limit entry. */
  readonly tool: string | null;
  readonly buckets: readonly string[];
  /** Calls possible at once from full buckets; null when no bucket applies (unlimited). */
  readonly burst: number | null;
  /** Sustained calls per second at the Redis rates; null when unlimited. */
  readonly ratePerSecond: number | null;
  /** The bucket with the lowest sustained rate. */
  readonly limitedBy: string | null;
}

export interface Note {
  readonly code: string;
  readonly text: string;
}

export interface ExplainedServer {
  readonly name: string;
  readonly namespace: string;
  readonly keyPrefix: string;
  readonly incomingAuth: string;
  readonly rateLimiting: boolean;
  readonly buckets: readonly ExplainedBucket[];
  /** One user (identity known) calling one tool. */
  readonly oneUserOneTool: readonly EffectiveLimit[];
  readonly notes: readonly Note[];
}

export interface Explanation {
  readonly version: 1;
  readonly servers: readonly ExplainedServer[];
}

const meters = (scope: 'shared' | 'perUser', tool: string | null): string => {
  const calls = tool === null ? 'every tools/call' : `every tools/call of ${tool}`;
  return scope === 'shared' ? `${calls}, all callers together` : `${calls}, per identity subject`;
};

function bucketId(scope: 'shared' | 'perUser', tool: string | null): string {
  if (scope === 'shared') return tool === null ? 'shared' : `shared:tool:${tool}`;
  return tool === null ? `user:${USER_PLACEHOLDER}` : `user-tool:${tool}:${USER_PLACEHOLDER}`;
}

function explainBucket(config: LimiterConfig, scope: 'shared' | 'perUser', tool: string | null, spec: BucketSpec): ExplainedBucket {
  const id = bucketId(scope, tool);
  return {
    id,
    key: config.keyPrefix + id,
    scope,
    tool,
    meters: meters(scope, tool),
    maxTokens: spec.maxTokens,
    refillPeriod: formatGoDuration(spec.periodNs),
    ratePerSecond: spec.rate,
    ratePerMinute: spec.rate * 60,
    ratePerHour: spec.rate * 3600,
    redisRate: spec.wireRateText,
    refillFromEmptySeconds: spec.wireRate === 0 ? null : spec.maxTokens / spec.wireRate,
    retryAfterSeconds: spec.retryAfterSeconds,
    expireSeconds: spec.ttlSeconds,
  };
}

function allBuckets(config: LimiterConfig): ExplainedBucket[] {
  const out: ExplainedBucket[] = [];
  if (config.shared !== undefined) out.push(explainBucket(config, 'shared', null, config.shared));
  for (const [tool, b] of config.tools) if (b.shared !== undefined) out.push(explainBucket(config, 'shared', tool, b.shared));
  if (config.perUser !== undefined) out.push(explainBucket(config, 'perUser', null, config.perUser));
  for (const [tool, b] of config.tools) if (b.perUser !== undefined) out.push(explainBucket(config, 'perUser', tool, b.perUser));
  return out;
}

function effective(config: LimiterConfig, tool: string | null): EffectiveLimit {
  // A tool name no entry uses stands for "any other tool".
  const probe = tool ?? '\u0000other';
  const uses = applicableBuckets(config, probe, USER_PLACEHOLDER);
  const buckets = uses.map((u) => u.id);
  if (uses.length === 0) return { tool, buckets, burst: null, ratePerSecond: null, limitedBy: null };
  let slowest = 0;
  uses.forEach((u, i) => {
    if (u.spec.wireRate < uses[slowest]!.spec.wireRate) slowest = i;
  });
  return { tool, buckets, burst: Math.min(...uses.map((u) => u.spec.maxTokens)), ratePerSecond: uses[slowest]!.spec.wireRate, limitedBy: buckets[slowest]! };
}

function bucketNotes(b: ExplainedBucket, spec: BucketSpec): Note[] {
  if (spec.wireRate === 0) {
    return [{ code: 'rate-rounds-to-zero', text: `${b.id}: the rate ${spec.rate} tokens/s is sent to Redis as ${spec.wireRateText}, so the bucket never refills; it is full again only when its key expires, ${b.expireSeconds}s after the last call touched it, and every rejected retry renews that expiry` }];
  }
  if (spec.retryAfterSeconds * spec.wireRate < 1) {
    const real = 1 / spec.wireRate;
    return [{ code: 'retry-after-too-early', text: `${b.id}: clients are told to retry after ${spec.retryAfterSeconds}s, but one token takes ${Number(real.toPrecision(7))}s at the Redis rate ${spec.wireRateText}/s, so a retry after exactly ${spec.retryAfterSeconds}s into an empty bucket is rejected again` }];
  }
  return [];
}

function specFor(config: LimiterConfig, b: ExplainedBucket): BucketSpec {
  const entry = b.tool === null ? config : config.tools.get(b.tool)!;
  return (b.scope === 'shared' ? entry.shared : entry.perUser)!;
}

function notes(config: LimiterConfig, buckets: readonly ExplainedBucket[]): Note[] {
  if (!config.enabled) return [{ code: 'no-rate-limiting', text: 'spec.config.rateLimiting is absent: vMCP creates no limiter and meters nothing' }];
  const out: Note[] = [];
  const perUser = buckets.some((b) => b.scope === 'perUser');
  if (perUser && config.incomingAuth === 'anonymous') {
    out.push({ code: 'anonymous-per-user', text: 'incomingAuth is anonymous: every caller has the identity subject "anonymous", so each per-user bucket is one bucket (user:anonymous, user-tool:<tool>:anonymous) shared by all clients' });
  } else if (config.incomingAuth === 'anonymous') {
    out.push({ code: 'anonymous-auth', text: 'incomingAuth is anonymous: every caller has the identity subject "anonymous", so per-user limits cannot tell clients apart (the CRD refuses perUser buckets here; vMCP itself would key them all user:anonymous)' });
  }
  for (const b of buckets) out.push(...bucketNotes(b, specFor(config, b)));
  if (buckets.some((b) => b.tool !== null && b.scope === 'perUser' && b.tool.includes(':'))) {
    out.push({ code: 'key-collision', text: 'a per-user tool name contains ":": tool "a" with user "b:c" and tool "a:b" with user "c" share the key user-tool:a:b:c' });
  }
  out.push(
    { code: 'only-tools-call', text: 'only tools/call is metered (not tools/list or other methods); per-tool buckets match the tool name as vMCP advertises it (after prefixing and overrides), exactly and case-sensitively; composite tools count once under their own name, find_tool/call_tool/execute_tool_script are never metered, the tool they reach is' },
    { code: 'all-or-nothing', text: 'a call takes one token from every bucket that applies, or none when any of them is under 1 token' },
    { code: 'fail-open', text: 'if Redis fails during a check, the call is allowed (warning "rate limit check failed, allowing tool call")' },
    { code: 'client-sees', text: 'a limited call gets JSON-RPC error 429 "Rate limit exceeded" with data.retryAfterSeconds (HTTP 200, no Retry-After header)' },
  );
  return out;
}

export function explainServer(config: LimiterConfig): ExplainedServer {
  const buckets = config.enabled ? allBuckets(config) : [];
  const limits = config.enabled ? [...[...config.tools.keys()].map((t) => effective(config, t)), effective(config, null)] : [];
  return {
    name: config.serverName,
    namespace: config.namespace,
    keyPrefix: config.keyPrefix,
    incomingAuth: config.incomingAuth,
    rateLimiting: config.enabled,
    buckets,
    oneUserOneTool: limits,
    notes: notes(config, buckets),
  };
}

export const explain = (configs: readonly LimiterConfig[]): Explanation => ({ version: 1, servers: configs.map(explainServer) });
