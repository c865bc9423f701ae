// Text and JSON forms of `buckets`.
import type { LimiterConfig } from './limiter-config.js';
import { humanSeconds, shortNumber, table } from './format.js';
import type { LiveBucket } from './live.js';

export interface LiveView {
  readonly config: LimiterConfig;
  readonly nowMicros: number;
  readonly buckets: readonly LiveBucket[];
}

const time = (micros: number): string => new Date(Math.floor(micros / 1000)).toISOString();
const seconds = (s: number | null): string => (s === null ? '-' : s === 0 ? 'now' : humanSeconds(s));

function state(b: LiveBucket): string {
  if (b.meaning.spec === undefined) return 'NOT CONFIGURED';
  if (b.tokens === null) return 'NO STATE';
  return b.limited ? 'LIMITED' : 'ok';
}

function row(b: LiveBucket): string[] {
  const tokens = b.tokens === null ? (b.storedTokens === null ? '-' : `${shortNumber(b.storedTokens)} (stored)`) : shortNumber(Math.floor(b.tokens * 100) / 100);
  const expires = b.expiresInSeconds === null ? '-' : b.expiresInSeconds < 0 ? 'never' : humanSeconds(b.expiresInSeconds);
  const also = b.meaning.alsoReadAs.length > 0 ? ` (also ${b.meaning.alsoReadAs.join(', ')})` : '';
  return [b.id + also, tokens, b.capacity === null ? '-' : String(b.capacity), state(b), seconds(b.limited ? b.recoversInSeconds : 0), seconds(b.fullInSeconds), b.retryAfterSeconds === null ? '-' : `${b.retryAfterSeconds}s`, expires];
}

export function liveText(view: LiveView): string {
  const limited = view.buckets.filter((b) => b.limited).length;
  const head = `${view.config.namespace}/${view.config.serverName} at ${time(view.nowMicros)} (Redis TIME): ${view.buckets.length} buckets, ${limited} limited now\n`;
  return head + table([['BUCKET', 'TOKENS', 'CAPACITY', 'STATE', 'RECOVERS IN', 'FULL IN', 'RETRY-AFTER', 'EXPIRES IN'], ...view.buckets.map(row)]);
}

export function liveJson(view: LiveView): Record<string, unknown> {
  return {
    version: 1,
    namespace: view.config.namespace,
    server: view.config.serverName,
    keyPrefix: view.config.keyPrefix,
    redisTime: time(view.nowMicros),
    buckets: view.buckets.map((b) => ({
      id: b.id,
      kind: b.meaning.kind,
      tool: b.meaning.tool,
      user: b.meaning.user,
      configured: b.meaning.spec !== undefined,
      capacity: b.capacity,
      tokens: b.tokens,
      storedTokens: b.storedTokens,
      limited: b.limited,
      recoversInSeconds: b.recoversInSeconds,
      fullInSeconds: b.fullInSeconds,
      retryAfterSeconds: b.retryAfterSeconds,
      expiresInSeconds: b.expiresInSeconds,
      alsoReadAs: b.meaning.alsoReadAs,
    })),
  };
}
