// A call needs a token from every applicable bucket (upstream-behaviour §e.2). A bucket whose capacity and refill
// rate are both >= those of a bucket that applies to every call it sees always has a token when that
// one has: it can never be the one that limits. Server shared applies to every call; for a tool's
// perUser bucket, so do that tool's shared bucket and the server perUser bucket.
import type { Finding } from '../finding.js';
import { bucketsOf, perBucket, type Bucket, type Buckets } from './buckets.js';
import type { BucketNumbers } from './bucket-numbers.js';
import { shortNumber } from './template.js';
import { fittingWarning } from './warning.js';
import type { Rule, RuleContext } from './types.js';

/** The buckets that apply to every call `b` meters, tightest-first in vMCP's check order. */
function coveringBuckets(b: Bucket, index: Buckets): (Bucket | undefined)[] {
  if (b.toolIndex === undefined) return b.scope === 'shared' ? [] : [index.serverShared];
  if (b.scope === 'shared') return [index.serverShared];
  return [index.serverShared, index.toolShared.get(b.toolIndex), index.serverPerUser];
}

const nameOf = (o: Bucket): string => (o.toolIndex === undefined ? o.scope : `tool ${o.scope}`);

/** `self` can never be the limit when `other` is no larger and no faster. */
const neverBinds = (self: BucketNumbers, other: BucketNumbers): boolean => self.tokens >= other.tokens && self.rate >= other.rate;

const ID = 'lint-bucket-never-binds';
const messages = {
  full: 'never binds: {tokens} tokens, {rate}/s vs {other} {otherTokens} tokens, {otherRate}/s (tighter, always applies)',
  short: 'never binds: {tokens} tokens, {rate}/s vs {other} {otherTokens} tokens, {otherRate}/s',
} as const;

function warning(self: Bucket, n: BucketNumbers, other: Bucket, o: BucketNumbers): Finding {
  const vars = { tokens: shortNumber(n.tokens), rate: shortNumber(n.rate), other: nameOf(other), otherTokens: shortNumber(o.tokens), otherRate: shortNumber(o.rate) };
  return fittingWarning(ID, self.path, [messages.full, messages.short], vars);
}

export const lintBucketNeverBinds: Rule = {
  id: ID,
  origin: 'lint',
  severity: 'warning',
  description: 'a perUser or per-tool bucket no smaller and no slower than a bucket that always applies with it never limits anything',
  messages,
  modes: ['crd', 'strict'],
  check: (ctx: RuleContext): Finding[] => {
    const index = bucketsOf(ctx);
    return perBucket(ctx, (b) => {
      const n = b.numbers;
      if (n === undefined) return undefined;
      for (const other of coveringBuckets(b, index)) {
        if (other?.numbers !== undefined && neverBinds(n, other.numbers)) return warning(b, n, other, other.numbers);
      }
      return undefined;
    });
  },
};
