// Chooses and opens the TlsSource named by --cert-source. `file` generates local certificates first
// when the directory has none; `secret` loads src/kube lazily so the file path never pays for the
// Kubernetes client.
import { access } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { createFileTlsSource } from './file-source.js';
import { defaultHosts, ensureSelfSigned } from './self-signed.js';
import type { TlsSource } from './source.js';
import type * as KubeSecretSource from './secret/source.js';
import type * as KubeClient from '@kubernetes/client-node';

/** The serve settings TLS needs (the shells' TlsConfig satisfies it). */
export interface TlsConfig {
  readonly certSource: 'file' | 'secret';
  readonly certDir: string;
  readonly generateCerts: boolean;
  readonly certPollIntervalMs: number;
  readonly service: string;
  readonly namespace: string;
  readonly secretName: string;
  readonly webhookName: string;
  readonly podName: string;
}

export interface OpenedTls {
  readonly source: TlsSource;
  /** Path of a CA file clients can trust (curl --cacert), when there is one. */
  readonly caPath?: string;
}

async function openFiles(config: TlsConfig, logger: Logger, now: () => Date): Promise<OpenedTls> {
  const dir = config.certDir;
  if (config.generateCerts) {
    const hosts = defaultHosts(config.service, config.namespace);
    const made = await ensureSelfSigned({ dir, hosts, now: now() });
    if (made.generated) logger.info({ caPath: made.caPath, hosts }, `generated a CA and a serving certificate; clients trust ${made.caPath}`);
  }
  const source = await createFileTlsSource({ dir, pollIntervalMs: config.certPollIntervalMs, logger, now });
  const caPath = join(dir, 'ca.crt');
  const hasCa = await access(caPath).then(
    () => true,
    () => false,
  );
  return hasCa ? { source, caPath } : { source };
}

async function openSecret(config: TlsConfig, logger: Logger, registry: Registry, now: () => Date): Promise<OpenedTls> {
  let kube: typeof KubeSecretSource;
  let client: typeof KubeClient;
  try {
    kube = await import('./secret/source.js');
    client = await import('@kubernetes/client-node');
  } catch (err) {
    throw new Error(`--cert-source secret is not available in this build (src/kube/secret-tls-source): ${(err as Error).message}`);
  }
  if (config.namespace === '') throw new Error('--cert-source secret needs --namespace (env VMCP_ADMISSION_NAMESPACE)');
  if (config.service === '') throw new Error('--cert-source secret needs --service (env VMCP_ADMISSION_SERVICE)');
  const kubeConfig = new client.KubeConfig();
  kubeConfig.loadFromDefault();
  const source = await kube.createSecretTlsSource({
    kubeConfig,
    logger,
    registry,
    now,
    namespace: config.namespace,
    secretName: config.secretName,
    webhookName: config.webhookName,
    serviceName: config.service,
    podName: config.podName === '' ? hostname() : config.podName,
  });
  return { source };
}

export interface TlsSetupDeps {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly now: () => Date;
}

export async function openTlsSource(config: TlsConfig, deps: TlsSetupDeps): Promise<OpenedTls> {
  const { logger, registry, now } = deps;
  return config.certSource === 'secret' ? openSecret(config, logger, registry, now) : openFiles(config, logger, now);
}
