// The only file that talks to @kubernetes/client-node: the five calls certificate management uses,
// with the answers that are part of the protocol (404 absent, 409 lost a race) turned into values.
// Anything else is thrown and described by describeApiError, which never repeats the ApiException
// message (it embeds response headers and body).
import {
  AdmissionregistrationV1Api,
  ApiException,
  CoreV1Api,
  PatchStrategy,
  type ConfigurationOptions,
  type KubeConfig,
  type V1Secret,
  type V1ValidatingWebhookConfiguration,
} from '@kubernetes/client-node';
import { callOptions } from './call-options.js';

export type Lost = 'conflict';

export interface KubeApi {
  readSecret(namespace: string, name: string): Promise<V1Secret | undefined>;
  /** 'conflict' when the Secret already exists (409 AlreadyExists). */
  createSecret(body: V1Secret): Promise<V1Secret | Lost>;
  /** 'conflict' when the resourceVersion is stale (409 Conflict). */
  replaceSecret(body: V1Secret): Promise<V1Secret | Lost>;
  readWebhookConfiguration(name: string): Promise<V1ValidatingWebhookConfiguration | undefined>;
  /** Strategic merge patch (webhooks merge by name) setting caBundle on the named webhooks. */
  patchCaBundle(name: string, webhooks: readonly string[], caBundle: string): Promise<V1ValidatingWebhookConfiguration>;
}

export interface KubeApiOptions {
  readonly fieldManager: string;
  /** Every call is aborted after this long: a black-holed API server must not stall the controller. */
  readonly requestTimeoutMs: number;
}

export function makeKubeApi(kubeConfig: KubeConfig, options: KubeApiOptions): KubeApi {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const admission = kubeConfig.makeApiClient(AdmissionregistrationV1Api);
  const { fieldManager, requestTimeoutMs } = options;
  const plain = (): ConfigurationOptions => callOptions(requestTimeoutMs);
  return {
    readSecret: (namespace, name) => absentOn404(core.readNamespacedSecret({ namespace, name }, plain())),
    createSecret: (body) => lostOn409(core.createNamespacedSecret({ namespace: body.metadata?.namespace ?? '', body, fieldManager }, plain())),
    replaceSecret: (body) => {
      const { name = '', namespace = '' } = body.metadata ?? {};
      return lostOn409(core.replaceNamespacedSecret({ name, namespace, body, fieldManager }, plain()));
    },
    readWebhookConfiguration: (name) => absentOn404(admission.readValidatingWebhookConfiguration({ name }, plain())),
    patchCaBundle: (name, webhooks, caBundle) =>
      admission.patchValidatingWebhookConfiguration(
        { name, fieldManager, body: { webhooks: webhooks.map((hook) => ({ name: hook, clientConfig: { caBundle } })) } },
        callOptions(requestTimeoutMs, { 'Content-Type': PatchStrategy.StrategicMergePatch }),
      ),
  };
}


async function absentOn404<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ApiException && err.code === 404) return undefined;
    throw err;
  }
}

async function lostOn409<T>(call: Promise<T>): Promise<T | Lost> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ApiException && err.code === 409) return 'conflict';
    throw err;
  }
}

export interface ApiErrorSummary {
  /** HTTP status from the API server, when it answered. */
  readonly status?: number;
  /** Status.reason (NotFound, Forbidden, ...) when the body was a Status object. */
  readonly reason?: string;
  /** Network or system error code (ECONNREFUSED, ECONNRESET, ...), or the error's name. */
  readonly error?: string;
  /** For errors that are not API answers (network, configuration): their message, shortened. */
  readonly message?: string;
}

/**
 * Loggable facts about a failed call: status and reason for API answers (never the ApiException
 * message: it embeds headers and body); code and message for network and configuration errors.
 */
export function describeApiError(err: unknown): ApiErrorSummary {
  if (err instanceof ApiException) return { status: err.code, reason: statusReason(err.body) };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { error: typeof code === 'string' ? code : err.name, message: err.message.slice(0, 200) };
  }
  return { error: typeof err };
}

function statusReason(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const parsed = JSON.parse(body) as { reason?: unknown };
    return typeof parsed.reason === 'string' ? parsed.reason : undefined;
  } catch {
    return undefined;
  }
}
