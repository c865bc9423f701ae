// `0s` and negative refill periods decode fine but stop vMCP at start-up (pkg/ratelimit bucket
// validation, upstream-behaviour §e.1): same text, same bucket naming, duration printed as Go's String().
import { makeFinding, quoteGo, type Finding } from '../finding.js';
import { formatGoDuration, parseGoDuration } from '../duration.js';
import { perBucket } from './buckets.js';
import { fill } from './template.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'runtime-refill-period-positive';
const messages = { positive: '{bucket}: refillPeriod must be positive, got {duration}' } as const;

export const runtimeRefillPeriodPositive: Rule = {
  id: ID,
  origin: 'runtime',
  severity: 'error',
  description: 'every refillPeriod must be > 0, or vMCP refuses to start the rate limiter',
  messages,
  modes: ['strict'],
  check: (ctx: RuleContext): Finding[] => {
    return perBucket(ctx, (b) => {
      const text = b.bucket.refillPeriod;
      const parsed = typeof text === 'string' ? parseGoDuration(text) : undefined;
      if (parsed === undefined || !parsed.ok || parsed.nanoseconds > 0n) return undefined;
      const detail = fill(messages.positive, { bucket: b.label, duration: formatGoDuration(parsed.nanoseconds) });
      return makeFinding({ rule: ID, origin: 'runtime', severity: 'error', path: [...b.path, 'refillPeriod'], type: 'Invalid value', value: quoteGo(text as string), detail });
    });
  },
};
