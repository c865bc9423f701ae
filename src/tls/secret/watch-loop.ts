// A watch on one named object that never gives up: every event (including the synthetic ADDED a
// fresh watch sends for the current object) just asks the controller to re-read, so no
// resourceVersion bookkeeping is needed and a watch that ended, errored (410 Gone arrives as an
// ERROR event) or never connected is simply started again after a backoff.
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { makeBackoff } from '../../kube/backoff.js';
import { describeApiError } from '../../kube/kube-api.js';
import type { KubeLogger } from '../../kube/logger.js';
import type { Timings } from './policy.js';

export interface WatchTarget {
  /** Collection path, e.g. /api/v1/namespaces/ns/secrets. */
  readonly path: string;
  readonly name: string;
  /** What is watched, for logs ("Secret vmcp-admission/vmcp-admission-tls"). */
  readonly what: string;
}

export interface WatchDeps {
  readonly kubeConfig: KubeConfig;
  readonly logger: KubeLogger;
  readonly timings: Timings;
}

export interface Stoppable {
  stop(): void;
}

// Real API servers end watches after a while anyway; asking for it keeps reconnects regular. A
// watch still open well after that is on a dead connection (no FIN through a black hole): cut it.
const watchTimeoutSeconds = 300;
const watchdogMs = (watchTimeoutSeconds + 30) * 1000;

export function keepWatching(target: WatchTarget, onEvent: () => void, deps: WatchDeps): Stoppable {
  const watch = new Watch(deps.kubeConfig);
  const backoff = makeBackoff(deps.timings.retryInitialMs, deps.timings.retryMaxMs);
  let stopped = false;
  let generation = 0;
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;

  const ended = (run: number, err: unknown): void => {
    if (stopped || run !== generation) return;
    generation += 1;
    clearTimeout(watchdog);
    const retryInMs = backoff.next();
    if (err !== null && err !== undefined) {
      deps.logger.warn({ watch: target.what, ...describeApiError(err), retryInMs }, 'watch failed; restarting');
    }
    timer = setTimeout(() => void start(), retryInMs);
  };
  const onLine = (type: string): void => {
    if (type === 'ERROR') return; // the stream ends next; the restart re-reads from scratch
    backoff.reset();
    onEvent();
  };
  const start = async (): Promise<void> => {
    const run = generation;
    const query = { fieldSelector: `metadata.name=${target.name}`, timeoutSeconds: watchTimeoutSeconds };
    try {
      const started = await watch.watch(target.path, query, onLine, (err: unknown) => ended(run, err));
      if (stopped) started.abort();
      else controller = started;
      if (!stopped && run === generation) watchdog = setTimeout(() => started.abort(), watchdogMs);
    } catch (err) {
      ended(run, err);
    }
  };
  void start();
  return {
    stop(): void {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(watchdog);
      controller?.abort();
    },
  };
}
