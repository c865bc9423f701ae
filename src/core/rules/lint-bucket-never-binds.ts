// A call needs a token from every applicable bucket (upstream-behaviour §e.2). A bucket whose capacity and refill
// rate are both >= those of a bucket that applies to every call it sees always has a token when that
// one has: it can never be the one that limits. Server shared applies to every call; for a tool's
// perUser bucket, so do that tool's shared bucket and the server perUser bucket.
import type { Finding } from '../contract.js';
import { bucketsOf, perBucket, type Bucket, type Buckets } from './buckets.js';
import type { BucketNumbers } from './bucket-numbers.js';
import { shortNumber } from './template.js';
import { fittingWarning } from './warning.js';
import { defineRule, type Reporter } from './rule.js';

/** The buckets that apply to every call `b` meters, tightest-first in vMCP's check order. */
function coveringBuckets(b: Bucket, index: Buckets): (Bucket | undefined)[] {
  if (b.toolIndex === undefined) return b.scope === 'shared' ? [] : [index.serverShared];
  if (b.scope === 'shared') return [index.serverShared];
  return [index.serverShared, index.toolShared.get(b.toolIndex), index.serverPerUser];
}

const nameOf = (o: Bucket): string => (o.toolIndex === undefined ? o.scope : `tool ${o.scope}`);

/** `self` can never be the limit when `other` is no larger and no faster. */
const neverBinds = (self: BucketNumbers, other: BucketNumbers): boolean => self.tokens >= other.tokens && self.rate >= other.rate;

const SHORT = 'never binds: {tokens} tokens, {rate}/s vs {other} {otherTokens} tokens, {otherRate}/s';
const messages = { full: `${SHORT} (tighter, always applies)`, short: SHORT };

function warning(report: Reporter<keyof typeof messages>, self: Bucket, other: Bucket): Finding {
  const n = self.numbers!;
  const o = other.numbers!;
  const vars = { tokens: shortNumber(n.tokens), rate: shortNumber(n.rate), other: nameOf(other), otherTokens: shortNumber(o.tokens), otherRate: shortNumber(o.rate) };
  return fittingWarning(report, self.path, ['full', 'short'], vars);
}

export const lintBucketNeverBinds = defineRule(
  {
    id: 'lint-bucket-never-binds',
    origin: 'lint',
    severity: 'warning',
    stage: 'rules',
    modes: ['crd', 'strict'],
    description: 'a perUser or per-tool bucket no smaller and no slower than a bucket that always applies with it never limits anything',
    messages,
  },
  (ctx, report) => {
    const index = bucketsOf(ctx);
    return perBucket(ctx, (b) => {
      const n = b.numbers;
      if (n === undefined) return undefined;
      for (const other of coveringBuckets(b, index)) {
        if (other?.numbers !== undefined && neverBinds(n, other.numbers)) return warning(report, b, other);
      }
      return undefined;
    });
  },
);
