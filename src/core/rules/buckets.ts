// The rate-limit buckets of the object under judgement, collected once per validation (several
// runtime and lint rules read them) with their numbers worked out once; keyed by the RuleContext,
// which is new for every call. One slot, not a WeakMap: the rules of one validation run back to
// back, and a WeakMap entry per validation costs the garbage collector more than the lookup saves.
import { rateLimitBuckets, type BucketRef } from '../spec.js';
import type { Finding } from '../contract.js';
import { bucketNumbers, type BucketNumbers } from './bucket-numbers.js';
import type { RuleContext } from './rule.js';

/** A BucketRef with its numbers; one fixed shape (an object spread here cost more than all the rules). */
export interface Bucket {
  readonly path: BucketRef['path'];
  readonly label: string;
  readonly scope: BucketRef['scope'];
  readonly toolIndex: number | undefined;
  readonly bucket: BucketRef['bucket'];
  /** Capacity and rate; undefined when the bucket is invalid (other rules report that). */
  readonly numbers: BucketNumbers | undefined;
}

/** The buckets and where the ones that apply to every call sit, for lookups without a scan. */
export interface Buckets {
  readonly all: readonly Bucket[];
  readonly serverShared: Bucket | undefined;
  readonly serverPerUser: Bucket | undefined;
  /** Each tool's shared bucket by its index in rateLimiting.tools. */
  readonly toolShared: ReadonlyMap<number, Bucket>;
}

function collect(object: unknown): Buckets {
  const all: Bucket[] = [];
  let serverShared: Bucket | undefined;
  let serverPerUser: Bucket | undefined;
  const toolShared = new Map<number, Bucket>();
  for (const ref of rateLimitBuckets(object)) {
    const b: Bucket = { path: ref.path, label: ref.label, scope: ref.scope, toolIndex: ref.toolIndex, bucket: ref.bucket, numbers: bucketNumbers(ref) };
    all.push(b);
    if (b.toolIndex !== undefined) {
      if (b.scope === 'shared') toolShared.set(b.toolIndex, b);
    } else if (b.scope === 'shared') serverShared = b;
    else serverPerUser = b;
  }
  return { all, serverShared, serverPerUser, toolShared };
}

let last: { readonly ctx: RuleContext; readonly buckets: Buckets } | undefined;

export function bucketsOf(ctx: RuleContext): Buckets {
  if (last?.ctx !== ctx) last = { ctx, buckets: collect(ctx.object) };
  return last.buckets;
}

/** The findings `judge` returns for the buckets, in bucket order (a loop: flatMap is slow in V8). */
export function perBucket(ctx: RuleContext, judge: (b: Bucket) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (const b of bucketsOf(ctx).all) {
    const f = judge(b);
    if (f !== undefined) out.push(f);
  }
  return out;
}
