// refillPeriod is a bare string in the CRD (metav1.Duration): the API server admits `one minute`,
// but the operator's decode (time.ParseDuration) fails and the object is never reconciled (upstream-behaviour §a.5).
import { quoteGo } from '../finding.js';
import { goDurationMessages, parseGoDuration } from '../duration.js';
import { perBucket } from './buckets.js';
import { defineRule } from './rule.js';

export const runtimeRefillPeriodDuration = defineRule(
  {
    id: 'runtime-refill-period-duration',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: "every bucket's refillPeriod must parse with Go's time.ParseDuration, as the operator decodes it",
    messages: goDurationMessages,
  },
  (ctx, report) =>
    perBucket(ctx, (b) => {
      const text = b.bucket.refillPeriod;
      if (typeof text !== 'string') return undefined;
      const parsed = parseGoDuration(text);
      if (parsed.ok) return undefined;
      return report(parsed.code, parsed.data, { path: [...b.path, 'refillPeriod'], type: 'Invalid value', value: quoteGo(text) });
    }),
);
