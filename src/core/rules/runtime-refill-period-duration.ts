// refillPeriod is a bare string in the CRD (metav1.Duration): the API server admits `one minute`,
// but the operator's decode (time.ParseDuration) fails and the object is never reconciled (upstream-behaviour §a.5).
import { makeFinding, quoteGo, type Finding } from '../finding.js';
import { parseGoDuration } from '../duration.js';
import { perBucket } from './buckets.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'runtime-refill-period-duration';
const messages = { decode: 'the operator\'s decode error, e.g. time: invalid duration "one minute"' } as const;

export const runtimeRefillPeriodDuration: Rule = {
  id: ID,
  origin: 'runtime',
  severity: 'error',
  description: "every bucket's refillPeriod must parse with Go's time.ParseDuration, as the operator decodes it",
  messages,
  modes: ['strict'],
  check: (ctx: RuleContext): Finding[] => {
    return perBucket(ctx, (b) => {
      const text = b.bucket.refillPeriod;
      if (typeof text !== 'string') return undefined;
      const parsed = parseGoDuration(text);
      if (parsed.ok) return undefined;
      const path = [...b.path, 'refillPeriod'];
      return makeFinding({ rule: ID, origin: 'runtime', severity: 'error', path, type: 'Invalid value', value: quoteGo(text), detail: parsed.error });
    });
  },
};
