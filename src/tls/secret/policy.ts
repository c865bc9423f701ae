// Certificate lifetimes and controller timings, with one defaults() step so no `??` is scattered
// through the controller. Durations are milliseconds.
const day = 24 * 60 * 60 * 1000;

export interface CertPolicy {
  /** Validity of a newly made CA (default 10 years). */
  readonly caValidityMs: number;
  /** Validity of a newly issued serving certificate (default 1 year, capped at the CA's notAfter). */
  readonly leafValidityMs: number;
  /** Fraction of its life after which the CA is rolled over (default 2/3). */
  readonly caRenewFraction: number;
  /** Fraction of its life after which the leaf is renewed (default 2/3). */
  readonly leafRenewFraction: number;
  /**
   * How long a staged CA must sit in the live caBundle before leaves from it are served: the
   * API server reads webhook configurations through an informer, so "patched" is not "in use".
   */
  readonly caPropagationMs: number;
  /** notBefore is set this far in the past so nodes with a slightly slow clock accept new certs. */
  readonly backdateMs: number;
  /** A replica's serving report older than this is treated as a replica that is gone. */
  readonly servingStaleMs: number;
}

export interface Timings {
  /** Full re-read of Secret and webhook configuration (renewals are due by the clock, not events). */
  readonly resyncMs: number;
  /** A replica refreshes its serving report at least this often. */
  readonly heartbeatMs: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** Each API call is abandoned after this long (watches excepted). */
  readonly requestTimeoutMs: number;
}

export const defaultPolicy: CertPolicy = Object.freeze({
  caValidityMs: 3650 * day,
  leafValidityMs: 365 * day,
  caRenewFraction: 2 / 3,
  leafRenewFraction: 2 / 3,
  caPropagationMs: 60_000,
  backdateMs: 5 * 60_000,
  servingStaleMs: 15 * 60_000,
});

export const defaultTimings: Timings = Object.freeze({
  resyncMs: 60_000,
  heartbeatMs: 5 * 60_000,
  retryInitialMs: 500,
  retryMaxMs: 30_000,
  requestTimeoutMs: 10_000,
});

export function resolvePolicy(overrides: Partial<CertPolicy> = {}): CertPolicy {
  const policy = { ...defaultPolicy, ...overrides };
  for (const key of ['caRenewFraction', 'leafRenewFraction'] as const) {
    if (!(policy[key] > 0 && policy[key] < 1)) throw new RangeError(`${key} must be between 0 and 1, got ${policy[key]}`);
  }
  if (policy.leafValidityMs >= policy.caValidityMs) {
    throw new RangeError('leafValidityMs must be shorter than caValidityMs');
  }
  return Object.freeze(policy);
}

export function resolveTimings(overrides: Partial<Timings> = {}): Timings {
  return Object.freeze({ ...defaultTimings, ...overrides });
}

/** The moment a certificate valid over [notBefore, notAfter] is due for renewal. */
export function renewAt(notBefore: Date, notAfter: Date, fraction: number): Date {
  const start = notBefore.getTime();
  return new Date(start + (notAfter.getTime() - start) * fraction);
}
