// Provider 2: the live cluster for the webhook. One client-node informer (makeInformer: ListWatch
// with resourceVersion, relist on 410 Gone) per related kind — Secrets, ConfigMaps and
// ServiceAccounts as PartialObjectMetadata, so their data never reaches this process; toolhive kinds
// are cached whole, status included (ref-not-ready reads it). The library stops an informer on any
// other error; we restart it after a bounded, jittered backoff, and cut every watch after a while (a
// black-holed connection sends nothing). A toolhive kind whose CRD is not installed (404) is a kind
// with no objects, as for the CLI: it counts as synced, so one missing CRD of an older operator does
// not turn every relation check off; it is listed again at the slowest retry, in case it appears.
// Lookups read the caches only: no API call per review.
import { ApiException, makeInformer, type Informer, type KubeConfig, type KubernetesObject, type ObjectCache } from '@kubernetes/client-node';
import { makeBackoff, type Backoff } from '../../kube/backoff.js';
import { boundedCondition } from '../../kube/bounded.js';
import { describeApiError } from '../../kube/kube-api.js';
import type { KubeLogger } from '../../kube/logger.js';
import { relatedKinds, type RelatedKind } from '../kinds.js';
import { relatedObject, type RelatedObject, type World } from '../world.js';
import { collectionPath, listFunction, MetadataKubeConfig, METADATA_ACCEPT } from './api.js';
import type { RelationsMetrics } from './metrics.js';

export interface InformerTimings {
  readonly requestTimeoutMs: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** Every watch is restarted (from its resourceVersion, no relist) after this long. */
  readonly rewatchMs: number;
}

export const defaultInformerTimings: InformerTimings = { requestTimeoutMs: 10_000, retryInitialMs: 500, retryMaxMs: 30_000, rewatchMs: 300_000 };

export interface CacheOptions {
  readonly kubeConfig: KubeConfig;
  /** Watch one namespace (a Role suffices) instead of all (ClusterRole). */
  readonly namespace: string | undefined;
  readonly logger: KubeLogger;
  readonly metrics: RelationsMetrics;
  readonly timings?: InformerTimings;
}

export interface RelationCaches {
  readonly world: World;
  /** True once every kind has been listed (and stays true: later failures keep the last cache, which the watch then refreshes). */
  synced(): boolean;
  /** Resolves true when synced within `timeoutMs`, else false (the caches keep trying). */
  waitForSync(timeoutMs: number): Promise<boolean>;
  /** Kinds not listed yet, for logs and /readyz. */
  pending(): string[];
  stop(): Promise<void>;
}

type Cache = Informer<KubernetesObject> & ObjectCache<KubernetesObject>;

interface Kept {
  readonly kind: RelatedKind;
  readonly informer: Cache;
  listed: boolean;
  /** The last list answered 404: the kind is not served (its CRD is not installed). */
  unserved: boolean;
}

function keepRunning(kept: Kept, backoff: Backoff, o: CacheOptions & { timings: InformerTimings; stopped: () => boolean }): void {
  const { kind, informer } = kept;
  const label = { kind: kind.kind };
  const count = (): void => o.metrics.objects.set(label, informer.list().length);
  informer.on('add', count);
  informer.on('delete', count);
  informer.on('connect', () => o.metrics.synced.set(label, kept.listed ? 1 : 0));
  informer.on('error', (err: unknown) => {
    o.metrics.synced.set(label, kept.unserved ? 1 : 0);
    if (o.stopped()) return;
    const retryInMs = kept.unserved ? o.timings.retryMaxMs : backoff.next();
    if (kept.unserved) {
      o.logger.debug({ kind: kind.kind, retryInMs }, 'relations: kind not served (CRD not installed), no objects of it; looking again later');
    } else {
      o.metrics.restarts.inc(label);
      o.logger.warn({ kind: kind.kind, ...describeApiError(err), retryInMs }, 'relations informer failed; restarting');
    }
    setTimeout(() => void (o.stopped() ? undefined : informer.start().catch(() => undefined)), retryInMs).unref();
  });
}

function informerFor(k: RelatedKind, o: CacheOptions & { timings: InformerTimings }, onList: (unserved: boolean) => void): Cache {
  const kc = k.metadataOnly ? new MetadataKubeConfig(o.kubeConfig, METADATA_ACCEPT) : o.kubeConfig;
  const list = listFunction(o.kubeConfig, k, o.namespace, o.timings.requestTimeoutMs);
  return makeInformer(kc, collectionPath(k, o.namespace), async () => {
    try {
      const answer = await list();
      onList(false);
      return answer;
    } catch (err) {
      if (!(k.group !== '' && err instanceof ApiException && err.code === 404)) throw err;
      onList(true);
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [] };
    }
  });
}

/** The World over informer caches (ObjectCache get/list, in memory); exported for the bench. */
export function worldOver(caches: ReadonlyMap<string, Pick<ObjectCache<KubernetesObject>, 'get' | 'list'>>): World {
  // Cached objects are replaced, never mutated, on update: their converted form can be kept per object.
  const seen = new WeakMap<KubernetesObject, RelatedObject | null>();
  const related = (kind: string, x: KubernetesObject): RelatedObject | undefined => {
    let r = seen.get(x);
    if (r === undefined) {
      r = relatedObject(kind, x, { status: true }) ?? null;
      seen.set(x, r);
    }
    return r ?? undefined;
  };
  const convert = (kind: string, objects: readonly KubernetesObject[]): RelatedObject[] => objects.flatMap((x) => related(kind, x) ?? []);
  return {
    get: (kind, namespace, name) => {
      const cache = caches.get(kind);
      if (cache === undefined) return undefined;
      if (namespace === undefined) return convert(kind, cache.list()).find((x) => x.name === name);
      const found = cache.get(name, namespace);
      return found === undefined ? undefined : related(kind, found);
    },
    list: (kind, namespace) => convert(kind, caches.get(kind)?.list(namespace) ?? []),
  };
}

/** Starts one informer per related kind; never throws and never blocks on the API server. */
export function startRelationCaches(options: CacheOptions): RelationCaches {
  const o = { ...options, timings: options.timings ?? defaultInformerTimings };
  let stopped = false;
  const kept: Kept[] = [];
  const synced = (): boolean => kept.every((k) => k.listed);
  const sync = boundedCondition(synced);
  for (const k of relatedKinds) {
    const entry: { -readonly [K in keyof Kept]: Kept[K] } = { kind: k, informer: undefined as unknown as Cache, listed: false, unserved: false };
    o.metrics.synced.set({ kind: k.kind }, 0);
    const backoff = makeBackoff(o.timings.retryInitialMs, o.timings.retryMaxMs);
    entry.informer = informerFor(k, o, (unserved) => {
      entry.listed = true;
      entry.unserved = unserved;
      if (!unserved) backoff.reset();
      o.metrics.synced.set({ kind: k.kind }, 1);
      sync.check();
    });
    keepRunning(entry, backoff, { ...o, stopped: () => stopped });
    kept.push(entry);
  }
  const caches = new Map(kept.map((k) => [k.kind.kind, k.informer]));
  for (const k of kept) void k.informer.start().catch(() => undefined);
  const rewatch = setInterval(() => {
    for (const k of kept) if (k.listed) void k.informer.stop().then(() => (stopped ? undefined : k.informer.start())).catch(() => undefined);
  }, o.timings.rewatchMs).unref();
  return {
    world: worldOver(caches),
    synced,
    pending: () => kept.filter((k) => !k.listed).map((k) => k.kind.kind),
    waitForSync: (timeoutMs) => sync.wait(timeoutMs),
    stop: async () => {
      stopped = true;
      clearInterval(rewatch);
      await Promise.all(kept.map((k) => k.informer.stop()));
    },
  };
}
