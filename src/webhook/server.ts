// Listening, certificate swaps and graceful shutdown around buildApp. startServer takes everything as
// parameters (tests run it on 127.0.0.1:0); runServe is the `serve` main that reads signals.
//
// Shutdown order (SIGTERM): readiness turns false at once so the endpoint leaves the Service; for
// the drain delay every response carries `Connection: close` so the API server's pooled keep-alive
// connections go away one by one; then the listener closes, idle sockets are dropped and in-flight
// requests finish. No request that reached us is answered 503.
import type { AddressInfo } from 'node:net';
import type { SecureContextOptions } from 'node:tls';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { ServeConfig } from '../config.js';
import { settlesWithin } from '../kube/bounded.js';
import { buildApp, type WebhookApp } from './app.js';
import type { ValidateFn } from './judge.js';
import { createMetrics } from './metrics.js';
import type { TlsMaterial, TlsSource } from '../tls/source.js';

export interface ServerDeps {
  readonly config: ServeConfig;
  readonly logger: Logger;
  readonly validate: ValidateFn;
  readonly tls: TlsSource;
  readonly registry?: Registry;
  /** More readiness (relation caches syncing) and /readyz details; stopped on shutdown. */
  readonly live?: { notReady(): string | undefined; details(): Record<string, string>; stop(): Promise<void> };
}

export interface RunningServer {
  readonly app: WebhookApp;
  readonly port: number;
  /** Idempotent: readiness off, drain for config.drainDelayMs, close. Resolves when closed. */
  shutdown(reason: string): Promise<void>;
}

function secureOptions(m: TlsMaterial): SecureContextOptions {
  return { cert: m.cert, key: m.key, minVersion: 'TLSv1.2' };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long shutdown waits for the cluster watches to stop. */
const liveStopMs = 2000;

export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const { config, logger, tls } = deps;
  const material = tls.current();
  if (material === undefined) throw new Error('no serving certificate loaded');
  const registry = deps.registry ?? new Registry();
  const metrics = createMetrics(registry);
  let draining = false;
  const app = buildApp({
    validate: deps.validate,
    logger,
    registry,
    metrics,
    path: config.path,
    notReady: () => (draining ? 'shutting down' : tls.ready() ? deps.live?.notReady() : 'serving certificate not ready'),
    ...(deps.live === undefined ? {} : { readyDetails: () => deps.live!.details() }),
    draining: () => draining,
    https: secureOptions(material),
    timeouts: { keepAliveTimeoutMs: config.keepAliveTimeoutMs, headersTimeoutMs: config.headersTimeoutMs, requestTimeoutMs: config.requestTimeoutMs },
  });
  metrics.certExpiry.set(material.notAfter.getTime() / 1000);
  // New handshakes use the new context; established connections keep theirs, so nothing fails.
  const unsubscribe = tls.subscribe((next) => {
    app.server.setSecureContext(secureOptions(next));
    metrics.certExpiry.set(next.notAfter.getTime() / 1000);
    logger.info({ notAfter: next.notAfter.toISOString() }, 'serving certificate swapped');
  });
  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as AddressInfo).port;
  logger.info({ host: config.host, port, path: config.path, mode: config.mode }, 'listening');
  let closing: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> =>
    (closing ??= (async (): Promise<void> => {
      draining = true;
      logger.info({ reason, drainDelayMs: config.drainDelayMs }, 'draining: readiness false, responses say Connection: close');
      await sleep(config.drainDelayMs);
      unsubscribe();
      await app.close();
      await tls.close();
      // Relation informers and the CRD follower: bounded, as a watch the API server never answered
      // cannot be aborted and must not hold the shutdown (the CLI exits without it).
      if (deps.live !== undefined && !(await settlesWithin(deps.live.stop(), liveStopMs))) {
        logger.warn({ waitedMs: liveStopMs }, 'cluster watches still open; closing without them');
      }
      logger.info({ reason }, 'closed');
    })());
  return { app, port, shutdown };
}
