// The `serve` main: logger, engine, certificates, listener, signals. The only webhook code that
// touches process signals; everything below it takes its dependencies as parameters.
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import { crdCommit, identity, toolVersion } from '../build-info.js';
import type { ServeConfig } from '../config.js';
import { loadBuiltinSchemas } from '../core/schema/builtin.js';
import { validateObject } from '../core/validate.js';
import { applyRuleControl } from '../core/rules/control.js';
import type { Judged, ValidateFn } from './judge.js';
import { humanLogStream } from './human-log.js';
import { startServer, type RunningServer } from './server.js';
import { openTlsSource } from '../tls/setup.js';
import { cachedValidate } from './verdict-cache.js';
import { builtinSchemaIdentity, schemaFields } from './schema-identity.js';
import type { SchemaProvider } from '../core/contract.js';
import type { Live } from './live-relations.js';
import type { KubeConfig } from '@kubernetes/client-node';

/** Never logged in clear, whatever ends up in a log object by mistake. */
const redact = ['req.headers.authorization', 'headers.authorization', '*.password', '*.token', '*.key', 'key', 'object', 'oldObject'];

/** JSON lines (for log collectors), or human-readable lines when `human` (stdout is a terminal). */
export function makeLogger(config: Pick<ServeConfig, 'logLevel'>, human = false): Logger {
  const options = { level: config.logLevel, base: { name: 'vmcp-admission' }, redact: { paths: redact, censor: '[redacted]' } };
  return human ? pino(options, humanLogStream((t) => process.stdout.write(t))) : pino(options);
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

type EngineConfig = Pick<ServeConfig, 'mode' | 'verdictCache'> & { readonly disable?: readonly string[] };

/** The engine for one schema: warmed up, rule control applied, behind the verdict cache. */
export function engineFor(config: EngineConfig, schemas: SchemaProvider): ValidateFn {
  const options = { mode: config.mode, schemas };
  const disabled = new Set(config.disable ?? []);
  // Warm-up: the first judgement compiles CEL programs lazily; pay that before the first review.
  validateObject(warmUpObject, options);
  // --disable and the object's ignore annotation: the same policy as `validate`'s (core/rules/control.ts).
  const judged = (object: unknown): Judged => {
    const result = validateObject(object, options);
    const { findings, ignored } = applyRuleControl(result.findings, object, disabled);
    if (findings === result.findings) return result;
    return { ...result, findings, ignored, allowed: !findings.some((f) => f.severity === 'error') };
  };
  return cachedValidate(judged, config.verdictCache);
}

export async function makeValidate(config: EngineConfig): Promise<ValidateFn> {
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
    logger.info({ refs: config.refs, followCrd: config.followCrd, ...schemaFields(builtinSchemaIdentity) }, wanted ? 'no cluster access: no relation checks, built-in schema' : 'relations and CRD following are off; built-in schema');
    return { validate: engineFor(config, builtin) };
  }
  const { startLive } = await import('./live-relations.js');
  const live = startLive({ config, kubeConfig, logger, registry, builtin, builtinIdentity: builtinSchemaIdentity, schemaFields, engineFor: (schemas) => engineFor(config, schemas) });
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

/** Exit codes of `serve` (the CLI's): 0 stopped, 2 environment (certificates, port, cluster access), 3 bug. */
export const ServeExit = { ok: 0, environment: 2, internal: 3 } as const;

/** Errors of these system calls are the environment's (permissions, a busy port), never a bug of ours. */
const environmentCodes = new Set(['EACCES', 'EPERM', 'ENOENT', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENOSPC', 'EADDRINUSE', 'EADDRNOTAVAIL']);

/** Which start-up failures are the environment's: anything while opening certificates (unless marked a bug), a system error while listening. */
export function startupExitCode(phase: 'engine' | 'tls' | 'listen', err: unknown): number {
  const message = err instanceof Error ? err.message : String(err);
  if (phase === 'tls') return message.startsWith('bug:') ? ServeExit.internal : ServeExit.environment;
  const code = (err as { code?: unknown } | null)?.code;
  return phase === 'listen' && typeof code === 'string' && environmentCodes.has(code) ? ServeExit.environment : ServeExit.internal;
}

export interface ServeRuntime {
  /** Human-readable log lines instead of JSON (stdout is a terminal). */
  readonly humanLogs?: boolean;
}

export async function runServe(config: ServeConfig, io: ServeOutput, runtime: ServeRuntime = {}): Promise<number> {
  const logger = makeLogger(config, runtime.humanLogs === true);
  // The first line names the build and the schema reviews are judged against from the start: the
  // built-in one (the installed CRD, when followed, replaces it later with a line of its own).
  logger.info({ version: toolVersion, crdCommit, ...schemaFields(builtinSchemaIdentity), followCrd: config.followCrd, mode: config.mode, disabled: config.disable }, `starting ${identity}`);
  const registry = new Registry();
  let phase: 'engine' | 'tls' | 'listen' = 'engine';
  try {
    const { validate, live } = await makeLive(config, logger, registry);
    phase = 'tls';
    const tls = await openTlsSource(config, { logger, registry, now: () => new Date() });
    phase = 'listen';
    const server = await startServer({ config, logger, validate, tls: tls.source, registry, ...(live === undefined ? {} : { live }) });
    if (config.example) io.stdout(exampleText(server.port, config.path, tls.caPath));
    await untilSignal(server, logger);
    return ServeExit.ok;
  } catch (err) {
    // Main's errno rule (with the --cert-dir hint) and the phase rule: anything while opening the
    // certificates is the environment's (a broken PEM has no errno), a bug only when marked so.
    const failure = startFailure(err, config);
    const code = failure.code === ServeExit.environment ? failure.code : startupExitCode(phase, err);
    logger.fatal({ message: failure.message, phase, exitCode: code }, 'cannot start the webhook');
    io.stderr(`vmcp-admission serve: ${code === ServeExit.internal ? 'internal error: ' : ''}${failure.message}\n`);
    return code;
  }
}
