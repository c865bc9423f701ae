// Shutdown work that waits on the API server (a watch that never answered, a report to withdraw)
// must not outlast the pod's grace period: wait for it, but only so long.

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
