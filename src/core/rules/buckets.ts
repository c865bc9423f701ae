// The rate-limit buckets of the object under judgement, collected once per validation (several
// runtime and lint rules read them); keyed by the RuleContext, which is new for every call. One slot,
// not a WeakMap: the rules of one validation run back to back, and a WeakMap entry per validation
// costs the garbage collector more than the lookup saves (the slot holds the last context only).
import { rateLimitBuckets, type BucketRef } from '../spec.js';
import type { Finding } from '../finding.js';
import type { RuleContext } from './types.js';

let last: { readonly ctx: RuleContext; readonly buckets: readonly BucketRef[] } | undefined;

export function bucketsOf(ctx: RuleContext): readonly BucketRef[] {
  if (last?.ctx !== ctx) last = { ctx, buckets: Object.freeze(rateLimitBuckets(ctx.object)) };
  return last.buckets;
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
