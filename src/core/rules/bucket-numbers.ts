// Capacity and refill rate of a bucket as vMCP computes them (upstream-behaviour §e.2): rate = maxTokens /
// refillPeriod seconds. Undefined when the bucket is invalid (other rules report that).
import { parseGoDuration } from '../duration.js';
import type { BucketRef } from '../spec.js';

export interface BucketNumbers {
  readonly tokens: number;
  readonly periodNs: bigint;
  /** Tokens per second. */
  readonly rate: number;
}

/** Worked out once per bucket and validation, by buckets.ts. */
export function bucketNumbers(b: BucketRef): BucketNumbers | undefined {
  const tokens = b.bucket.maxTokens;
  const period = b.bucket.refillPeriod;
  if (typeof tokens !== 'number' || !Number.isInteger(tokens) || tokens < 1 || typeof period !== 'string') return undefined;
  const parsed = parseGoDuration(period);
  if (!parsed.ok || parsed.nanoseconds <= 0n) return undefined;
  return { tokens, periodNs: parsed.nanoseconds, rate: tokens / (Number(parsed.nanoseconds) / 1e9) };
}
