// Exponential backoff with jitter for retries of API calls and watch restarts. Jitter keeps N
// replicas that lost the API server together from hammering it together when it returns.
export interface Backoff {
  /** Delay before the next attempt; grows with each call until reset(). */
  next(): number;
  reset(): void;
}

export function makeBackoff(initialMs: number, maxMs: number, random: () => number = Math.random): Backoff {
  let attempt = 0;
  return {
    next(): number {
      const base = Math.min(maxMs, initialMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      return Math.round(base * (0.8 + 0.4 * random()));
    },
    reset(): void {
      attempt = 0;
    },
  };
}
