// A call needs a token from every applicable bucket (FACTS e.2). A bucket whose capacity and refill
// rate are both >= those of a bucket that applies to every call it sees always has a token when that
// one has: it can never be the one that limits. Server shared applies to every call; for a tool's
// perUser bucket, so do that tool's shared bucket and the server perUser bucket.
import type { Finding } from '../finding.js';
import type { BucketRef } from '../spec.js';
import { bucketsOf, perBucket } from './buckets.js';
import { bucketNumbers, type BucketNumbers } from './bucket-numbers.js';
import { shortNumber } from './template.js';
import { fittingWarning } from './warning.js';
import type { Rule, RuleContext } from './types.js';

interface Sized { readonly ref: BucketRef; readonly n: BucketNumbers; readonly name: string }

function pushWhere(all: readonly BucketRef[], keep: (o: BucketRef) => boolean, out: BucketRef[]): void {
  for (const o of all) if (keep(o)) out.push(o);
}

const isServer = (scope: BucketRef['scope']) => (o: BucketRef): boolean => o.toolIndex === undefined && o.scope === scope;

/** The buckets that apply to every call `b` meters, tightest-first in vMCP's check order (loops: this runs per bucket). */
function coveringBuckets(b: BucketRef, all: readonly BucketRef[]): BucketRef[] {
  const out: BucketRef[] = [];
  if (b.toolIndex === undefined && b.scope === 'shared') return out;
  pushWhere(all, isServer('shared'), out);
  if (b.toolIndex === undefined || b.scope !== 'perUser') return out;
  pushWhere(all, (o) => o.toolIndex === b.toolIndex && o.scope === 'shared', out);
  pushWhere(all, isServer('perUser'), out);
  return out;
}

const nameOf = (o: BucketRef): string => (o.toolIndex === undefined ? o.scope : `tool ${o.scope}`);

function sized(o: BucketRef): Sized | undefined {
  const n = bucketNumbers(o);
  return n === undefined ? undefined : { ref: o, n, name: nameOf(o) };
}

const ID = 'lint-bucket-never-binds';
const messages = {
  full: 'never binds: {tokens} tokens, {rate}/s vs {other} {otherTokens} tokens, {otherRate}/s (tighter, always applies)',
  short: 'never binds: {tokens} tokens, {rate}/s vs {other} {otherTokens} tokens, {otherRate}/s',
} as const;

function warning(self: Sized, other: Sized): Finding {
  const vars = { tokens: shortNumber(self.n.tokens), rate: shortNumber(self.n.rate), other: other.name, otherTokens: shortNumber(other.n.tokens), otherRate: shortNumber(other.n.rate) };
  return fittingWarning(ID, self.ref.path, [messages.full, messages.short], vars);
}

export const lintBucketNeverBinds: Rule = {
  id: ID,
  origin: 'lint',
  severity: 'warning',
  description: 'a perUser or per-tool bucket no smaller and no slower than a bucket that always applies with it never limits anything',
  messages,
  modes: ['crd', 'strict'],
  check: (ctx: RuleContext): Finding[] => {
    const all = bucketsOf(ctx);
    return perBucket(ctx, (b) => {
      const self = sized(b);
      if (self === undefined) return undefined;
      const tighter = coveringBuckets(b, all).map(sized).find((o) => o !== undefined && self.n.tokens >= o.n.tokens && self.n.rate >= o.n.rate);
      return tighter === undefined ? undefined : warning(self, tighter);
    });
  },
};
