// `0s` and negative refill periods decode fine but stop vMCP at start-up (pkg/ratelimit bucket
// validation, upstream-behaviour §e.1): same text, same bucket naming, duration printed as Go's String().
import { quoteGo } from '../finding.js';
import { formatGoDuration, parseGoDuration } from '../duration.js';
import { perBucket } from './buckets.js';
import { defineRule } from './rule.js';

export const runtimeRefillPeriodPositive = defineRule(
  {
    id: 'runtime-refill-period-positive',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: 'every refillPeriod must be > 0, or vMCP refuses to start the rate limiter',
    messages: { positive: '{bucket}: refillPeriod must be positive, got {duration}' },
  },
  (ctx, report) =>
    perBucket(ctx, (b) => {
      const text = b.bucket.refillPeriod;
      const parsed = typeof text === 'string' ? parseGoDuration(text) : undefined;
      if (parsed === undefined || !parsed.ok || parsed.nanoseconds > 0n) return undefined;
      return report('positive', { bucket: b.label, duration: formatGoDuration(parsed.nanoseconds) }, { path: [...b.path, 'refillPeriod'], type: 'Invalid value', value: quoteGo(text as string) });
    }),
);
