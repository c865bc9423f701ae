// The rate-limit buckets of the object under judgement, collected once per validation (several
// runtime and lint rules read them); keyed by the RuleContext, which is new for every call.
import { rateLimitBuckets, type BucketRef } from '../spec.js';
import type { Finding } from '../finding.js';
import type { RuleContext } from './types.js';

const cache = new WeakMap<RuleContext, readonly BucketRef[]>();

export function bucketsOf(ctx: RuleContext): readonly BucketRef[] {
  let found = cache.get(ctx);
  if (found === undefined) {
    found = Object.freeze(rateLimitBuckets(ctx.object));
    cache.set(ctx, found);
  }
  return found;
}

/** The findings `judge` returns for the buckets, in bucket order (a loop: flatMap is slow in V8). */
export function perBucket(ctx: RuleContext, judge: (b: BucketRef) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (const b of bucketsOf(ctx)) {
    const f = judge(b);
    if (f !== undefined) out.push(f);
  }
  return out;
}
