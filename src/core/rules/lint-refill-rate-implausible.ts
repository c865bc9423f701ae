// Refill settings that are almost certainly unit mistakes (`60ms` for a minute, `60h`, a million
// tokens per second). Bounds, chosen and documented here: a refillPeriod under 1s or over 24h, or a
// refill rate above 1000 tokens/s. Above 24h the rate vMCP sends to Redis (`%.6f`) also starts to
// lose precision; under ~5e-7 tokens/s it rounds to zero and the bucket never refills.
import { formatGoDuration } from '../duration.js';
import { perBucket } from './buckets.js';
import type { BucketNumbers } from './bucket-numbers.js';
import { shortNumber } from './template.js';
import { fittingWarning } from './warning.js';
import { defineRule } from './rule.js';

const SECOND = 1_000_000_000n;
const DAY = 86_400n * SECOND;
const MAX_RATE = 1000;
const messages = {
  short: '{period} is under 1s ({tokens} tokens, {rate}/s): likely a unit mistake',
  long: '{period} is over 24h ({tokens} tokens, {rate}/s): likely a unit mistake',
  fast: '{rate} tokens/s ({tokens} per {period}) is over 1000/s: likely a unit mistake',
  compact: '{period} for {tokens} tokens is {rate}/s: likely a unit mistake',
  tiny: '{period}: {rate}/s, likely a unit mistake',
};

function pick(n: BucketNumbers): 'short' | 'long' | 'fast' | undefined {
  if (n.periodNs < SECOND) return 'short';
  if (n.periodNs > DAY) return 'long';
  return n.rate > MAX_RATE ? 'fast' : undefined;
}

export const lintRefillRateImplausible = defineRule(
  {
    id: 'lint-refill-rate-implausible',
    origin: 'lint',
    severity: 'warning',
    stage: 'rules',
    modes: ['crd', 'strict'],
    description: 'refillPeriod under 1s or over 24h, or a refill rate over 1000 tokens/s: almost certainly a unit mistake',
    messages,
  },
  (ctx, report) =>
    perBucket(ctx, (b) => {
      const n = b.numbers;
      const first = n === undefined ? undefined : pick(n);
      if (n === undefined || first === undefined) return undefined;
      const vars = { period: formatGoDuration(n.periodNs), tokens: shortNumber(n.tokens), rate: shortNumber(n.rate) };
      return fittingWarning(report, [...b.path, 'refillPeriod'], [first, 'compact', 'tiny'], vars);
    }),
);
