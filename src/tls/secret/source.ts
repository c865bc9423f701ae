// `serve --cert-source secret`: certificates from a Secret this process manages together with its
// sibling replicas, swapped in memory as soon as the Secret's watch reports a change (no kubelet
// volume refresh, no restart), and a caBundle kept in step on the ValidatingWebhookConfiguration.
// Everything is passed in (KubeConfig, logger, metrics registry, clock); nothing here reads env.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';
import type { TlsMaterial, TlsSource } from '../source.js';
import { CertReconciler, OperationError } from './cert-controller.js';
import { describeApiError, makeKubeApi } from '../../kube/kube-api.js';
import { settlesWithin } from '../../kube/bounded.js';
import type { KubeLogger } from '../../kube/logger.js';
import { makeKubeMetrics } from './metrics.js';
import { ReconcileLoop } from './reconcile-loop.js';
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

/** The most close() waits for an in-flight reconcile and the withdrawal of this replica's report. */
const closeBudgetMs = 3000;

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
  private readonly loop: ReconcileLoop;
  private readonly watches: Stoppable[] = [];
  private closed = false;
  private readonly firstLoad = deferred();

  constructor(private readonly options: SecretTlsSourceOptions) {
    this.timings = resolveTimings(options.timings);
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
    this.loop = new ReconcileLoop(() => this.reconciler.reconcile(), this.timings, (err, retryInMs) => this.logFailure(err, undefined, retryInMs));
  }

  async start(signal: AbortSignal | undefined): Promise<void> {
    const { kubeConfig, logger, namespace, secretName, webhookName } = this.options;
    const deps = { kubeConfig, logger, timings: this.timings };
    const kick = (): void => this.loop.kick();
    this.watches.push(
      keepWatching({ path: `/api/v1/namespaces/${namespace}/secrets`, name: secretName, what: `Secret ${namespace}/${secretName}` }, kick, deps),
      keepWatching(
        { path: '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', name: webhookName, what: `ValidatingWebhookConfiguration ${webhookName}` },
        kick,
        deps,
      ),
    );
    this.loop.kick();
    const onAbort = (): void => this.firstLoad.reject(new Error('aborted before a serving certificate was loaded'));
    if (signal?.aborted === true) onAbort();
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
    for (const watch of this.watches) watch.stop();
    // Best effort, bounded so shutdown stays inside the pod's grace period even when the API
    // server is unreachable: leaving the serving reports lets a pending rollover finish without
    // waiting for this replica's report to go stale.
    const finish = async (): Promise<void> => {
      await this.loop.stop();
      await this.reconciler.withdraw().catch((err: unknown) => this.logFailure(err, 'withdraw serving report'));
    };
    await settlesWithin(finish(), closeBudgetMs);
  }

  private publish(material: TlsMaterial): void {
    this.firstLoad.resolve();
    for (const listener of this.listeners) {
      try {
        listener(material);
      } catch (err) {
        this.options.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'a serving-certificate listener failed');
      }
    }
  }

  private logFailure(err: unknown, operation: string | undefined, retryInMs?: number): void {
    const op = err instanceof OperationError ? err.operation : operation;
    const cause = err instanceof OperationError ? err.cause : err;
    const fields = { operation: op, namespace: this.options.namespace, secret: this.options.secretName, webhook: this.options.webhookName };
    const message = retryInMs === undefined ? 'Kubernetes API call failed' : 'Kubernetes API call failed; retrying';
    this.options.logger.warn({ ...fields, ...describeApiError(cause), retryInMs }, message);
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
