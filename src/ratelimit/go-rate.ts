// The numbers vMCP's rate limiter derives from a bucket (upstream-behaviour §e.2), reproduced with
// Go's float64 semantics: Duration.Seconds(), the refill rate, the rate as Go's `%.6f` text (exact
// binary value, ties to even: not JavaScript's toFixed, which rounds ties up), the EXPIRE seconds and
// the Retry-After the client sees (from the unrounded rate).

const NS_PER_SECOND = 1_000_000_000n;
const MICRO = 1_000_000n;

/** Go's time.Duration.Seconds(): whole seconds plus the nanosecond remainder / 1e9 (two roundings). */
export function goSeconds(ns: bigint): number {
  return Number(ns / NS_PER_SECOND) + Number(ns % NS_PER_SECOND) / 1e9;
}

/** The exact value of a finite double as mantissa x 2^exponent (mantissa an integer). */
function exactBinary(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** round(m x 2^e x 10^6), ties to even, for a non-negative value. */
function scaledMicros(m: bigint, e: number): bigint {
  if (e >= 0) return (m << BigInt(e)) * MICRO;
  const num = m * MICRO;
  const den = 1n << BigInt(-e);
  const q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Go's fmt.Sprintf("%.6f", x) for a finite double. */
export function formatFixed6(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  const negative = x < 0 || Object.is(x, -0);
  const { mantissa, exponent } = exactBinary(Math.abs(x));
  const n = scaledMicros(mantissa, exponent);
  const frac = (n % MICRO).toString().padStart(6, '0');
  return `${negative ? '-' : ''}${(n / MICRO).toString()}.${frac}`;
}

/** Retry-After in whole seconds from the unrounded rate: 1e9/rate ns truncated; under 1s -> 1; else rounded up. */
export function retryAfterSeconds(rate: number): number {
  const ns = Math.trunc(1e9 / rate);
  if (!Number.isFinite(ns) || ns >= 2 ** 63) return Number.MAX_SAFE_INTEGER;
  if (ns < 1e9) return 1;
  return Number((BigInt(ns) + NS_PER_SECOND - 1n) / NS_PER_SECOND);
}

/** One configured bucket with every number the runtime derives from it. */
export interface BucketSpec {
  readonly maxTokens: number;
  readonly periodNs: bigint;
  /** maxTokens / refillPeriod.Seconds(), unrounded (used for Retry-After). */
  readonly rate: number;
  /** The rate as sent to Redis: Go `%.6f` text ... */
  readonly wireRateText: string;
  /** ... and as the script reads it back (nearest double). */
  readonly wireRate: number;
  /** EXPIRE set on every touch: ceil(2 x refillPeriod seconds). */
  readonly ttlSeconds: number;
  /** What a rejected client is told. */
  readonly retryAfterSeconds: number;
}

export function bucketSpec(maxTokens: number, periodNs: bigint): BucketSpec {
  const seconds = goSeconds(periodNs);
  const rate = maxTokens / seconds;
  const wireRateText = formatFixed6(rate);
  return {
    maxTokens,
    periodNs,
    rate,
    wireRateText,
    wireRate: Number(wireRateText),
    ttlSeconds: Math.ceil(2 * seconds),
    retryAfterSeconds: retryAfterSeconds(rate),
  };
}
