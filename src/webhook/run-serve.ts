// The `serve` main: logger, engine, certificates, listener, signals. The only webhook code that
// touches process signals; everything below it takes its dependencies as parameters.
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import type { ServeConfig } from '../config.js';
import { loadBuiltinSchemas } from '../core/schema/builtin.js';
import { validateObject } from '../core/validate.js';
import type { ValidateFn } from './judge.js';
import { startServer, type RunningServer } from './server.js';
import { openTlsSource } from '../tls/setup.js';
import { cachedValidate } from './verdict-cache.js';
import type { SchemaProvider } from '../core/contract.js';
import type { Live } from './live-relations.js';
import type { KubeConfig } from '@kubernetes/client-node';

/** Never logged in clear, whatever ends up in a log object by mistake. */
const redact = ['req.headers.authorization', 'headers.authorization', '*.password', '*.token', '*.key', 'key', 'object', 'oldObject'];

export function makeLogger(config: ServeConfig): Logger {
  return pino({ level: config.logLevel, base: { name: 'vmcp-admission' }, redact: { paths: redact, censor: '[redacted]' } });
}

const warmUpObject = {
  apiVersion: 'toolhive.stacklok.dev/v1beta1',
  kind: 'VirtualMCPServer',
  metadata: { name: 'warm-up', namespace: 'default' },
  spec: {
    groupRef: { name: 'g' },
    incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'o', audience: 'a' } },
    sessionStorage: { provider: 'redis', address: 'redis:6379' },
    config: { rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m' }, perUser: { maxTokens: 1, refillPeriod: '1m' }, tools: [{ name: 't', shared: { maxTokens: 1, refillPeriod: '1s' } }] } },
  },
};

/** The engine for one schema: warmed up, behind the verdict cache. */
export function engineFor(config: Pick<ServeConfig, 'mode' | 'verdictCache'>, schemas: SchemaProvider): ValidateFn {
  const options = { mode: config.mode, schemas };
  // Warm-up: the first judgement compiles CEL programs lazily; pay that before the first review.
  validateObject(warmUpObject, options);
  return cachedValidate((object) => validateObject(object, options), config.verdictCache);
}

export async function makeValidate(config: ServeConfig): Promise<ValidateFn> {
  return engineFor(config, await loadBuiltinSchemas());
}

/** Cluster access: --kubeconfig FILE, else the in-cluster service account when running in a pod, else none. */
async function clusterAccess(config: ServeConfig): Promise<KubeConfig | undefined> {
  const inCluster = process.env.KUBERNETES_SERVICE_HOST !== undefined;
  if (config.kubeconfig === '' && !inCluster) return undefined;
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  if (config.kubeconfig === '') kc.loadFromCluster();
  else kc.loadFromFile(config.kubeconfig);
  return kc;
}

/** The engine, with relations and the installed CRD when there is cluster access and they are wanted. */
async function makeLive(config: ServeConfig, logger: Logger, registry: Registry): Promise<{ validate: ValidateFn; live?: Live }> {
  const builtin = await loadBuiltinSchemas();
  const wanted = config.refs !== 'off' || config.followCrd;
  const kubeConfig = wanted ? await clusterAccess(config) : undefined;
  if (kubeConfig === undefined) {
    logger.info({ refs: config.refs, followCrd: config.followCrd, schema: 'builtin' }, wanted ? 'no cluster access: no relation checks, built-in schema' : 'relations and CRD following are off; built-in schema');
    return { validate: engineFor(config, builtin) };
  }
  const { startLive } = await import('./live-relations.js');
  const live = startLive({ config, kubeConfig, logger, registry, builtin, engineFor: (schemas) => engineFor(config, schemas) });
  logger.info({ refs: config.refs, followCrd: config.followCrd, relationsNamespace: config.relationsNamespace || '(all)', syncTimeoutMs: config.relationsSyncTimeoutMs, ...live.details() }, 'cluster access: relation caches and the installed CRD are being read');
  return { validate: live.validate, live };
}

export function exampleText(port: number, path: string, caPath: string | undefined): string {
  const url = `https://localhost:${port}${path}`;
  const ca = caPath === undefined ? '--insecure' : `--cacert ${caPath}`;
  const curl = (file: string): string => `  curl ${ca} -H 'Content-Type: application/json' --data @examples/${file} ${url}`;
  return [
    '',
    `vmcp-admission is serving AdmissionReviews on ${url}`,
    '',
    'A denial (rate limiting without Redis session storage):',
    curl('admissionreview-create-ratelimit-without-redis.json'),
    '',
    'An allowed review:',
    curl('admissionreview-create-valid.json'),
    '',
    `Health: curl ${ca} https://localhost:${port}/readyz   Metrics: .../metrics   Stop: Ctrl-C`,
    '',
  ].join('\n');
}

function untilSignal(server: RunningServer, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'shutdown requested');
      server.shutdown(signal).then(resolve, (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

/** Where `serve` prints its example commands and start-up errors (the CLI's io satisfies it). */
export interface ServeOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Errors of the environment (a path that is not writable, a port in use): exit 2, not a bug. */
const environmentErrors = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENOSPC', 'EADDRINUSE', 'EADDRNOTAVAIL']);

/** The message for stderr and the exit code (2 for the environment, 3 otherwise) of a failed start. */
export function startFailure(err: unknown, config: ServeConfig): { readonly code: 2 | 3; readonly message: string } {
  const message = err instanceof Error ? err.message : String(err);
  const { code: errno, path } = (err ?? {}) as { code?: unknown; path?: unknown };
  if (typeof errno !== 'string' || !environmentErrors.has(errno)) return { code: 3, message };
  const inCertDir = config.certSource === 'file' && typeof path === 'string' && resolve(path).startsWith(resolve(config.certDir));
  const hint = inCertDir
    ? ` (--cert-dir ${JSON.stringify(config.certDir)} must be writable to generate certificates: mount a writable volume there, e.g. an emptyDir, or point --cert-dir / VMCP_ADMISSION_CERT_DIR at one)`
    : '';
  return { code: 2, message: `${message}${hint}` };
}

export async function runServe(config: ServeConfig, io: ServeOutput): Promise<number> {
  const logger = makeLogger(config);
  const registry = new Registry();
  try {
    const { validate, live } = await makeLive(config, logger, registry);
    const tls = await openTlsSource(config, { logger, registry, now: () => new Date() });
    const server = await startServer({ config, logger, validate, tls: tls.source, registry, ...(live === undefined ? {} : { live }) });
    if (config.example) io.stdout(exampleText(server.port, config.path, tls.caPath));
    await untilSignal(server, logger);
    return 0;
  } catch (err) {
    const { code, message } = startFailure(err, config);
    logger.fatal({ message }, 'cannot start the webhook');
    io.stderr(`vmcp-admission serve: ${message}\n`);
    return code;
  }
}
