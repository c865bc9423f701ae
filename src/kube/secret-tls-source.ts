// `serve --cert-source secret`: certificates from a Secret this process manages together with its
// sibling replicas, swapped in memory as soon as the Secret's watch reports a change (no kubelet
// volume refresh, no restart), and a caBundle kept in step on the ValidatingWebhookConfiguration.
// Everything is passed in (KubeConfig, logger, metrics registry, clock); nothing here reads env.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';
import type { TlsMaterial, TlsSource } from '../webhook/tls-source.js';
import { makeBackoff } from './backoff.js';
import { CertReconciler, OperationError } from './cert-controller.js';
import { describeApiError, makeKubeApi } from './kube-api.js';
import type { KubeLogger } from './logger.js';
import { makeKubeMetrics } from './metrics.js';
import { resolvePolicy, resolveTimings, type CertPolicy, type Timings } from './policy.js';
import { keepWatching, type Stoppable } from './watch-loop.js';

export interface SecretTlsSourceOptions {
  readonly kubeConfig: KubeConfig;
  readonly logger: KubeLogger;
  readonly registry: Registry;
  readonly now: () => Date;
  /** Namespace of the webhook's Service and Secret. */
  readonly namespace: string;
  readonly secretName: string;
  /** Name of the ValidatingWebhookConfiguration whose caBundle this process keeps. */
  readonly webhookName: string;
  readonly serviceName: string;
  /** This replica's identity in serving reports (the pod name). */
  readonly podName: string;
  /** Names in the serving certificate; default: the Service's in-cluster DNS names. */
  readonly dnsNames?: readonly string[];
  readonly fieldManager?: string;
  readonly policy?: Partial<CertPolicy>;
  readonly timings?: Partial<Timings>;
  /** Aborting before the first certificate is loaded rejects the returned promise. */
  readonly signal?: AbortSignal;
}

export function serviceDnsNames(service: string, namespace: string): string[] {
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`];
}

/** Resolves once a serving certificate is loaded; until then it keeps retrying (never crashes). */
export async function createSecretTlsSource(options: SecretTlsSourceOptions): Promise<TlsSource> {
  const source = new SecretTlsSource(options);
  await source.start(options.signal);
  return source;
}

class SecretTlsSource implements TlsSource {
  private readonly listeners = new Set<(material: TlsMaterial) => void>();
  private readonly reconciler: CertReconciler;
  private readonly timings: Timings;
  private readonly backoff;
  private readonly watches: Stoppable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly firstLoad = deferred();

  constructor(private readonly options: SecretTlsSourceOptions) {
    this.timings = resolveTimings(options.timings);
    this.backoff = makeBackoff(this.timings.retryInitialMs, this.timings.retryMaxMs);
    this.reconciler = new CertReconciler(
      {
        api: makeKubeApi(options.kubeConfig, { fieldManager: options.fieldManager ?? 'vmcp-admission', requestTimeoutMs: this.timings.requestTimeoutMs }),
        logger: options.logger,
        metrics: makeKubeMetrics(options.registry),
        now: options.now,
        secret: { namespace: options.namespace, name: options.secretName },
        webhookName: options.webhookName,
        podName: options.podName,
        dnsNames: options.dnsNames ?? serviceDnsNames(options.serviceName, options.namespace),
        policy: resolvePolicy(options.policy),
        timings: this.timings,
      },
      (material) => this.publish(material),
    );
  }

  async start(signal: AbortSignal | undefined): Promise<void> {
    const { kubeConfig, logger, namespace, secretName, webhookName } = this.options;
    const deps = { kubeConfig, logger, timings: this.timings };
    const kick = (): void => this.kick();
    this.watches.push(
      keepWatching({ path: `/api/v1/namespaces/${namespace}/secrets`, name: secretName, what: `Secret ${namespace}/${secretName}` }, kick, deps),
      keepWatching(
        { path: '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', name: webhookName, what: `ValidatingWebhookConfiguration ${webhookName}` },
        kick,
        deps,
      ),
    );
    this.kick();
    const onAbort = (): void => this.firstLoad.reject(new Error('aborted before a serving certificate was loaded'));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await this.firstLoad.promise;
    } catch (err) {
      await this.close();
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  current(): TlsMaterial | undefined {
    return this.reconciler.material;
  }

  subscribe(listener: (material: TlsMaterial) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ready(): boolean {
    const { servedCa, liveBundle } = this.reconciler;
    return servedCa !== undefined && liveBundle?.has(servedCa) === true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    for (const watch of this.watches) watch.stop();
    await this.running;
    // Best effort: leaving the serving reports lets a pending rollover finish without waiting
    // for this replica's report to go stale.
    await this.reconciler.withdraw().catch((err: unknown) => this.logFailure(err, 'withdraw serving report'));
  }

  private publish(material: TlsMaterial): void {
    this.firstLoad.resolve();
    for (const listener of this.listeners) listener(material);
  }

  private kick(): void {
    this.dirty = true;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.dirty && !this.closed) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.dirty && !this.closed) {
      this.dirty = false;
      clearTimeout(this.timer);
      const delay = await this.reconcileOnce();
      if (!this.closed) this.timer = setTimeout(() => this.kick(), delay);
    }
  }

  /** One reconcile; returns when to run the next one unprompted (resync, or a retry after failure). */
  private async reconcileOnce(): Promise<number> {
    try {
      await this.reconciler.reconcile();
      this.backoff.reset();
      return this.timings.resyncMs;
    } catch (err) {
      const retryInMs = this.backoff.next();
      this.logFailure(err, undefined, retryInMs);
      return retryInMs;
    }
  }

  private logFailure(err: unknown, operation: string | undefined, retryInMs?: number): void {
    const op = err instanceof OperationError ? err.operation : operation;
    const cause = err instanceof OperationError ? err.cause : err;
    const fields = { operation: op, namespace: this.options.namespace, secret: this.options.secretName, webhook: this.options.webhookName };
    this.options.logger.warn({ ...fields, ...describeApiError(cause), retryInMs }, 'Kubernetes API call failed; retrying');
  }
}

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(err: Error): void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  let reject: (err: Error) => void = () => undefined;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
