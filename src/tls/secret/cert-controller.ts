// The I/O shell around the pure plan: one reconcile at a time per replica, triggered by watch
// events, a resync timer and retries. A reconcile reads the Secret, keeps the caBundle in step with
// it, applies planned steps (a lost race, 409, just means re-read and plan again), serves the leaf
// the Secret holds and reports it. Every failure is logged with its operation and retried with
// backoff; nothing here throws out of the process.
//
// Why optimistic concurrency rather than a Lease: every write is a whole-Secret replace guarded by
// resourceVersion (create is guarded by AlreadyExists), so concurrent replicas cannot both win, the
// Secret is the single source of truth, and no extra object or RBAC verb is needed.
import type { V1Secret } from '@kubernetes/client-node';
import type { TlsMaterial } from '../source.js';
import { syncCaBundle } from './ca-bundle.js';
import { desiredBundle, planSecret, type Step } from './cert-plan.js';
import type { KubeApi } from '../../kube/kube-api.js';
import type { KubeLogger } from '../../kube/logger.js';
import type { KubeMetrics } from './metrics.js';
import type { CertPolicy, Timings } from './policy.js';
import { bundlePem, decodeSecret, encodeSecret, stateOf, type SecretContents, type SecretRef } from './secret-codec.js';
import { applyStep } from './secret-steps.js';
import { reportDue, withReport } from './serving-report.js';
import { servedMaterial, short } from './served.js';

export interface ControllerDeps {
  readonly api: KubeApi;
  readonly logger: KubeLogger;
  readonly metrics: KubeMetrics;
  readonly now: () => Date;
  readonly secret: SecretRef;
  readonly webhookName: string;
  readonly podName: string;
  readonly dnsNames: readonly string[];
  readonly policy: CertPolicy;
  readonly timings: Timings;
}

/** Steps per reconcile before yielding: enough for create + inject + report, bounded against bugs. */
const maxSteps = 6;

/** An API call that failed, with the operation it was part of. */
export class OperationError extends Error {
  constructor(readonly operation: string, override readonly cause: unknown) {
    super(`${operation} failed`);
  }
}

export class CertReconciler {
  material: TlsMaterial | undefined;
  /** Fingerprint of the CA that issued the served leaf. */
  servedCa: string | undefined;
  /** CAs in the live caBundle; undefined until read (or while the configuration is missing). */
  liveBundle: ReadonlySet<string> | undefined;

  constructor(
    private readonly deps: ControllerDeps,
    private readonly onMaterial: (material: TlsMaterial) => void,
  ) {}

  async reconcile(): Promise<void> {
    let secret = await this.call('read Secret', () => this.readSecret());
    for (let i = 0; i < maxSteps; i += 1) {
      const contents = secret === undefined ? undefined : decodeSecret(secret);
      if (contents !== undefined) await this.syncBundle(contents);
      const step = planSecret({ state: contents && stateOf(contents), liveBundle: this.liveBundle, ...this.planContext() });
      if (step.kind === 'none') break;
      secret = (await this.write(step, secret, contents)) ?? (await this.call('read Secret', () => this.readSecret()));
    }
    // Reports from replicas race each other; a lost race just means reading again.
    for (let i = 0; i < maxSteps && secret !== undefined; i += 1) {
      if (!(await this.adoptAndReport(secret))) return;
      secret = await this.call('read Secret', () => this.readSecret());
    }
  }

  /** Removes this replica's serving report (shutdown), one attempt. */
  async withdraw(): Promise<void> {
    const secret = await this.readSecret();
    if (secret !== undefined) await this.report(secret, undefined);
  }

  private planContext(): { now: Date; policy: CertPolicy; dnsNames: readonly string[] } {
    return { now: this.deps.now(), policy: this.deps.policy, dnsNames: this.deps.dnsNames };
  }

  private readSecret(): Promise<V1Secret | undefined> {
    return this.deps.api.readSecret(this.deps.secret.namespace, this.deps.secret.name);
  }

  private async syncBundle(contents: SecretContents): Promise<void> {
    const { api, webhookName, logger, metrics } = this.deps;
    const fingerprints = desiredBundle(stateOf(contents));
    const result = await this.call('inject caBundle', () => syncCaBundle(api, webhookName, bundlePem(contents), fingerprints), () =>
      metrics.injectionErrors.inc(),
    );
    if (result.kind === 'missing') {
      this.liveBundle = undefined;
      logger.warn({ webhook: webhookName }, 'ValidatingWebhookConfiguration not found; caBundle not injected, not ready');
      return;
    }
    if (result.kind === 'injected') {
      metrics.injections.inc();
      logger.info({ webhook: webhookName, before: [...result.before].map(short), after: fingerprints.map(short) }, 'caBundle injected');
    }
    this.liveBundle = result.live;
  }

  /** Writes the step's result; undefined when another writer got there first (re-read and re-plan). */
  private async write(step: Step, secret: V1Secret | undefined, contents: SecretContents | undefined): Promise<V1Secret | undefined> {
    const { api, logger, metrics, secret: ref } = this.deps;
    const next = await applyStep(step, contents, this.planContext());
    const body = encodeSecret(ref, next, secret);
    const op = secret === undefined ? 'create Secret' : 'replace Secret';
    const written = await this.call(op, () => (secret === undefined ? api.createSecret(body) : api.replaceSecret(body)));
    if (written === 'conflict') {
      logger.debug({ step: step.kind, secret: ref.name }, 'another replica wrote the Secret first; re-reading');
      return undefined;
    }
    metrics.rotations.inc({ step: step.kind });
    logger.info({ step: step.kind, reason: 'reason' in step ? step.reason : undefined, secret: ref.name }, 'certificate Secret updated');
    return written;
  }

  /** Serves the Secret's leaf and reports it; true when the report lost a race (re-read). */
  private async adoptAndReport(secret: V1Secret): Promise<boolean> {
    const contents = decodeSecret(secret);
    const served = servedMaterial(contents);
    if (served !== undefined && served.material.cert !== this.material?.cert) {
      this.material = served.material;
      this.servedCa = served.ca.fingerprint;
      this.deps.metrics.caExpiry.set(served.ca.notAfter.getTime() / 1000);
      this.deps.metrics.leafExpiry.set(served.material.notAfter.getTime() / 1000);
      this.deps.logger.info({ ca: short(served.ca.fingerprint), notAfter: served.material.notAfter.toISOString() }, 'serving certificate loaded');
      this.onMaterial(served.material);
    }
    return this.report(secret, this.servedCa);
  }

  private async report(secret: V1Secret, ca: string | undefined): Promise<boolean> {
    const { now, podName, timings, policy, api, secret: ref } = this.deps;
    const contents = decodeSecret(secret);
    const report = { pod: podName, ca, now: now() };
    if (!reportDue(contents.serving, report, timings.heartbeatMs)) return false;
    const body = encodeSecret(ref, { ...contents, serving: withReport(contents.serving, report, policy.servingStaleMs) }, secret);
    const written = await this.call('report serving CA', () => api.replaceSecret(body));
    return written === 'conflict';
  }

  private async call<T>(operation: string, fn: () => Promise<T>, onError?: () => void): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      onError?.();
      this.deps.metrics.apiErrors.inc({ operation });
      throw new OperationError(operation, err);
    }
  }
}
