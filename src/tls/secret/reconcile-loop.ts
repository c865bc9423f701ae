// Runs one reconcile at a time. kick() asks for a run (a burst of watch events collapses into one
// follow-up run); after each run the next one is scheduled by itself: the resync interval after a
// success, a growing backoff after a failure. Failures are handed to onFailure, never thrown.
import { makeBackoff, type Backoff } from '../../kube/backoff.js';
import type { Timings } from './policy.js';

export class ReconcileLoop {
  private readonly backoff: Backoff;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly timings: Timings,
    private readonly onFailure: (err: unknown, retryInMs: number) => void,
  ) {
    this.backoff = makeBackoff(timings.retryInitialMs, timings.retryMaxMs);
  }

  kick(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.dirty) this.kick();
    });
  }

  /** No new runs; resolves when the current one (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      clearTimeout(this.timer);
      const delay = await this.runOnce();
      if (!this.stopped) this.timer = setTimeout(() => this.kick(), delay);
    }
  }

  private async runOnce(): Promise<number> {
    try {
      await this.work();
      this.backoff.reset();
      return this.timings.resyncMs;
    } catch (err) {
      const retryInMs = this.backoff.next();
      this.onFailure(err, retryInMs);
      return retryInMs;
    }
  }
}
