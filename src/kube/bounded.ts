// Waiting on the API server, but only so long: shutdown work (a watch that never answered, a report
// to withdraw) must not outlast the pod's grace period, and start-up waits for the relation caches
// and the first CRD read at most their sync timeout.

/** Whether `work` finished within `ms` (false: the caller goes on without it); its failure within `ms` is thrown. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A condition callers wait for, each at most so long: `wait` resolves with whether it holds, at once when it turns true (`check`). */
export interface BoundedCondition {
  /** Resolves with `holds()` when it turns true (after `check`) or after `ms`, whichever is first. */
  wait(ms: number): Promise<boolean>;
  /** Call when what `holds` reads changed: wakes every waiter if it holds now. */
  check(): void;
}

export function boundedCondition(holds: () => boolean): BoundedCondition {
  const waiters = new Set<() => void>();
  return {
    check: () => {
      if (holds()) for (const w of [...waiters]) w();
    },
    wait: (ms) =>
      holds()
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const done = (): void => {
              clearTimeout(timer);
              waiters.delete(done);
              resolve(holds());
            };
            // setTimeout takes at most 2^31-1 ms (a longer delay fires at once).
            const timer = setTimeout(done, Math.min(ms, 2 ** 31 - 1));
            waiters.add(done);
          }),
  };
}
