// Follows the installed VirtualMCPServer CRD (get + watch through a client-node ListWatch on the one
// name): each version is compiled at run time like `--crd FILE` and becomes the schema reviews are
// judged against. Absent, deleted or not compilable: the built-in schema, with the reason. Never
// throws; failures restart after a bounded backoff.
import { ListWatch, Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import type { SchemaProvider } from '../../core/contract.js';
import { makeBackoff } from '../../kube/backoff.js';
import { boundedCondition } from '../../kube/bounded.js';
import { describeApiError } from '../../kube/kube-api.js';
import type { KubeLogger } from '../../kube/logger.js';
import { CRD_NAME, CRD_PATH, crdListFunction } from './api.js';
import { compileClusterCrd, type SchemaIdentity } from './installed-crd.js';
import type { InformerTimings } from './informers.js';
import { defaultInformerTimings } from './informers.js';

export interface ActiveSchema {
  readonly provider: SchemaProvider;
  readonly identity: SchemaIdentity;
  /** Why the built-in schema is in use (absent when following the cluster's). */
  readonly fallback?: string;
}

export interface CrdFollowerOptions {
  readonly kubeConfig: KubeConfig;
  readonly builtin: SchemaProvider;
  /** The built-in schema's identity (the shell knows the vendored commit); default builtinIdentity. */
  readonly builtinIdentity?: SchemaIdentity;
  readonly logger: KubeLogger;
  readonly onChange: (active: ActiveSchema) => void;
  readonly timings?: InformerTimings;
}

export interface CrdFollower {
  current(): ActiveSchema;
  /** Resolves once the CRD was read (or found absent) or after `timeoutMs`. */
  waitForFirst(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** The fallback reason until the first list answered. */
export const notReadYet = 'the installed CRD has not been read yet';

/** The built-in schema's identity when the shell gives none. */
const defaultBuiltin: SchemaIdentity = { source: 'builtin', resourceVersion: '', hash: 'builtin' };

export function followInstalledCrd(o: CrdFollowerOptions): CrdFollower {
  const timings = o.timings ?? defaultInformerTimings;
  const builtinIdentity = o.builtinIdentity ?? defaultBuiltin;
  let active: ActiveSchema = { provider: o.builtin, identity: builtinIdentity, fallback: notReadYet };
  let first = false;
  let stopped = false;
  const firstRead = boundedCondition(() => first);
  const set = (next: ActiveSchema): void => {
    active = next;
    o.onChange(next);
  };
  const seen = (): void => {
    first = true;
    firstRead.check();
  };
  const list = crdListFunction(o.kubeConfig, timings.requestTimeoutMs);
  const informer = new ListWatch<KubernetesObject>(CRD_PATH, new Watch(o.kubeConfig), async () => {
    const answer = await list();
    if ((answer.items ?? []).length === 0) {
      set({ provider: o.builtin, identity: builtinIdentity, fallback: `the CRD ${CRD_NAME} is not installed` });
      seen();
    }
    return answer;
  }, false, undefined, `metadata.name=${CRD_NAME}`);
  let generation = 0;
  const compile = (crd: KubernetesObject): void => {
    const mine = ++generation;
    void compileClusterCrd(crd).then((compiled) => {
      if (mine !== generation) return; // a newer version arrived meanwhile
      if (compiled.ok) set({ provider: compiled.provider, identity: compiled.identity });
      else set({ provider: o.builtin, identity: builtinIdentity, fallback: `the installed CRD does not compile: ${compiled.error}` });
      seen();
    });
  };
  informer.on('add', compile);
  informer.on('update', compile);
  informer.on('delete', () => set({ provider: o.builtin, identity: builtinIdentity, fallback: `the CRD ${CRD_NAME} was deleted` }));
  const backoff = makeBackoff(timings.retryInitialMs, timings.retryMaxMs);
  informer.on('connect', () => backoff.reset());
  informer.on('error', (err: unknown) => {
    if (stopped) return;
    const retryInMs = backoff.next();
    o.logger.warn({ crd: CRD_NAME, ...describeApiError(err), retryInMs }, 'following the installed CRD failed; restarting');
    setTimeout(() => void (stopped ? undefined : informer.start().catch(() => undefined)), retryInMs).unref();
  });
  void informer.start().catch(() => undefined);
  const rewatch = setInterval(() => void informer.stop().then(() => (stopped ? undefined : informer.start())).catch(() => undefined), timings.rewatchMs).unref();
  return {
    current: () => active,
    waitForFirst: async (timeoutMs) => {
      await firstRead.wait(timeoutMs);
    },
    stop: async () => {
      stopped = true;
      clearInterval(rewatch);
      await informer.stop();
    },
  };
}
