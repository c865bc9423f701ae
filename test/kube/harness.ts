// Shared setup for the src/kube scenario tests: a fake API server seeded with the webhook
// configuration from the manifests, replicas with a shared injectable clock and fast timings, and a
// logger that keeps every entry so tests can assert what was (and was not) logged.
import { readFileSync } from 'node:fs';
import { Registry } from 'prom-client';
import { parse } from 'yaml';
import { createSecretTlsSource, type SecretTlsSourceOptions } from '../../src/tls/secret/source.js';
import type { KubeLogger } from '../../src/kube/logger.js';
import type { TlsSource } from '../../src/tls/source.js';
import { fingerprintOf, splitBundle } from '../../src/tls/certs.js';
import { FakeApiServer } from './fake-apiserver.js';

export const namespace = 'vmcp-admission';
export const secretName = 'vmcp-admission-tls';
export const webhookName = 'vmcp-admission';
export const secretKey = `secrets/${namespace}/${secretName}`;
export const webhookKey = `validatingwebhookconfigurations/${webhookName}`;

export interface LogEntry {
  readonly level: string;
  readonly fields: object;
  readonly message: string;
}

export function memoryLogger(entries: LogEntry[]): KubeLogger {
  const at = (level: string) => (fields: object, message: string) => void entries.push({ level, fields, message });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export class Clock {
  private t: number;
  constructor(start = Date.now()) {
    this.t = start;
  }
  readonly now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

/** The ValidatingWebhookConfiguration of manifests/base, as the cluster would store it (no caBundle). */
export function seedWebhookConfiguration(fake: FakeApiServer): void {
  const path = new URL('../../manifests/base/validatingwebhookconfiguration.yaml', import.meta.url);
  const config = parse(readFileSync(path, 'utf8'));
  const created = fake.store.create(webhookKey, config);
  if (!created.ok) throw new Error('could not seed the webhook configuration');
}

/** A fresh fake API server holding the webhook configuration, for a beforeEach. */
export async function startSeededFake(): Promise<FakeApiServer> {
  const fake = await FakeApiServer.start();
  seedWebhookConfiguration(fake);
  return fake;
}

/** Closes every replica of a test, then the fake API server, for an afterEach. */
export async function stopAll(fake: FakeApiServer, replicas: readonly Replica[]): Promise<void> {
  await Promise.all(replicas.map((r) => r.source.close()));
  await fake.close();
}

export interface Replica {
  readonly source: TlsSource;
  readonly logs: LogEntry[];
  readonly registry: Registry;
}

export type ReplicaOptions = Partial<Omit<SecretTlsSourceOptions, 'kubeConfig' | 'logger' | 'registry' | 'now'>> & {
  /** Where log entries go; pass one to watch the logs before the replica has started. */
  readonly logs?: LogEntry[];
};

export async function startReplica(fake: FakeApiServer, clock: Clock, podName: string, replicaOptions: ReplicaOptions = {}): Promise<Replica> {
  const { logs = [], ...options } = replicaOptions;
  const registry = new Registry();
  const source = await createSecretTlsSource({
    kubeConfig: fake.kubeConfig(),
    logger: memoryLogger(logs),
    registry,
    now: clock.now,
    namespace,
    secretName,
    webhookName,
    serviceName: 'vmcp-admission',
    podName,
    timings: { resyncMs: 50, heartbeatMs: 60_000, retryInitialMs: 20, retryMaxMs: 200 },
    ...options,
  });
  return { source, logs, registry };
}

/** CA fingerprints in the stored configuration's first webhook. */
export function storedBundle(fake: FakeApiServer): string[] {
  const config = fake.store.get(webhookKey);
  const b64 = config?.webhooks?.[0]?.clientConfig?.caBundle ?? '';
  return splitBundle(Buffer.from(b64, 'base64').toString('utf8')).map(fingerprintOf);
}

export function caOf(source: TlsSource): string {
  const ca = source.current()?.ca;
  if (ca === undefined) throw new Error('no material');
  return fingerprintOf(splitBundle(ca)[0]!);
}

export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
