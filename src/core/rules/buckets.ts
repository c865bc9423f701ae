// The rate-limit buckets of the object under judgement, collected once per validation (several
// runtime and lint rules read them); keyed by the RuleContext, which is new for every call.
import { rateLimitBuckets, type BucketRef } from '../spec.js';
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
