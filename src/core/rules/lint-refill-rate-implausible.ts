// Refill settings that are almost certainly unit mistakes (`60ms` for a minute, `60h`, a million
// tokens per second). Bounds, chosen and documented here: a refillPeriod under 1s or over 24h, or a
// refill rate above 1000 tokens/s. Above 24h the rate vMCP sends to Redis (`%.6f`) also starts to
// lose precision; under ~5e-7 tokens/s it rounds to zero and the bucket never refills.
import type { Finding } from '../finding.js';
import { formatGoDuration } from '../duration.js';
import { perBucket } from './buckets.js';
import type { BucketNumbers } from './bucket-numbers.js';
import { shortNumber } from './template.js';
import { fittingWarning } from './warning.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'lint-refill-rate-implausible';
const SECOND = 1_000_000_000n;
const DAY = 86_400n * SECOND;
const MAX_RATE = 1000;
const messages = {
  short: '{period} is under 1s ({tokens} tokens, {rate}/s): likely a unit mistake',
  long: '{period} is over 24h ({tokens} tokens, {rate}/s): likely a unit mistake',
  fast: '{rate} tokens/s ({tokens} per {period}) is over 1000/s: likely a unit mistake',
  compact: '{period} for {tokens} tokens is {rate}/s: likely a unit mistake',
  tiny: '{period}: {rate}/s, likely a unit mistake',
} as const;

function pick(n: BucketNumbers): string | undefined {
  if (n.periodNs < SECOND) return messages.short;
  if (n.periodNs > DAY) return messages.long;
  return n.rate > MAX_RATE ? messages.fast : undefined;
}

export const lintRefillRateImplausible: Rule = {
  id: ID,
  origin: 'lint',
  severity: 'warning',
  description: 'refillPeriod under 1s or over 24h, or a refill rate over 1000 tokens/s: almost certainly a unit mistake',
  messages,
  modes: ['crd', 'strict'],
  check: (ctx: RuleContext): Finding[] =>
    perBucket(ctx, (b) => {
      const n = b.numbers;
      const template = n === undefined ? undefined : pick(n);
      if (n === undefined || template === undefined) return undefined;
      const vars = { period: formatGoDuration(n.periodNs), tokens: shortNumber(n.tokens), rate: shortNumber(n.rate) };
      return fittingWarning(ID, [...b.path, 'refillPeriod'], [template, messages.compact, messages.tiny], vars);
    }),
};
