// buildApp wires the webhook's routes, parsers and error mapping into a fastify instance. It never
// listens: server.ts (or a test) does, on whatever port. Everything it needs comes in as deps.
import fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerOptions as HttpsOptions, Server as HttpsServer } from 'node:https';
import type { Registry } from 'prom-client';
import { BodyNotJsonError, NotFoundError, toHttpError } from './errors.js';
import type { ValidateFn } from './judge.js';
import { createMetrics, type WebhookMetrics } from './metrics.js';
import { healthRoutes } from './routes/health.js';
import { validateRoute } from './routes/validate.js';

/** The API server sends at most ~3 MiB objects; 7 MiB leaves room for object + oldObject. */
export const defaultBodyLimit = 7 * 1024 * 1024;

export interface AppTimeouts {
  /** Idle keep-alive; must outlive the API server's 90 s idle timeout to avoid EOF races. */
  readonly keepAliveTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

export interface AppDeps {
  readonly validate: ValidateFn;
  readonly logger: FastifyBaseLogger;
  readonly registry: Registry;
  /** Defaults to metrics created on `registry`. */
  readonly metrics?: WebhookMetrics;
  /** Reason the webhook is not ready (no certificate, draining), or undefined. */
  readonly notReady?: () => string | undefined;
  /** Extra facts for /readyz (relations state, active schema). */
  readonly readyDetails?: () => Record<string, string>;
  /** While true every response carries `Connection: close` so clients move away before we close. */
  readonly draining?: () => boolean;
  readonly path?: string;
  readonly bodyLimit?: number;
  /** TLS options; absent only for in-process tests with app.inject(). */
  readonly https?: HttpsOptions;
  readonly timeouts?: AppTimeouts;
}

export const defaultTimeouts: AppTimeouts = { keepAliveTimeoutMs: 120_000, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

export type WebhookApp = FastifyInstance<HttpsServer>;

function parseJson(_req: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void): void {
  try {
    done(null, JSON.parse(body));
  } catch (err) {
    done(new BodyNotJsonError(err instanceof Error ? err.message : 'unparseable'));
  }
}

function registerErrors(app: WebhookApp, bodyLimit: number, metrics: WebhookMetrics): void {
  app.setNotFoundHandler((request, reply) => {
    const e = toHttpError(new NotFoundError(request.method, request.url.split('?')[0]), { bodyLimit });
    metrics.errors.inc({ code: e.code });
    return reply.code(e.statusCode).send(e);
  });
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const e = toHttpError(err, { bodyLimit, contentType: request.headers['content-type'] });
    metrics.errors.inc({ code: e.code });
    if (e.statusCode >= 500) request.log.error({ err }, 'request failed');
    else request.log.warn({ code: e.code, message: e.message, url: request.url.split('?')[0] }, 'bad request');
    return reply.code(e.statusCode).send(e);
  });
}

/** Compiler factory for an app whose routes declare no schema: compiling one is a programming error. */
const noSchemas = () => (): never => {
  throw new Error('vmcp-admission routes declare no JSON schema');
};

export function buildApp(deps: AppDeps): WebhookApp {
  const bodyLimit = deps.bodyLimit ?? defaultBodyLimit;
  const timeouts = deps.timeouts ?? defaultTimeouts;
  const app = fastify({
    loggerInstance: deps.logger,
    // One line per review is logged by the route itself; fastify's own request lines are noise.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    // Requests already accepted during shutdown are served, never answered 503 (drain instead).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // No route declares a JSON schema (bodies are checked by parseReview): without this fastify
    // builds an ajv instance and fast-json-stringify compilers at ready, ~4 MB of RSS for nothing.
    schemaController: { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } },
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    ...(deps.https === undefined ? {} : { https: deps.https }),
  }) as unknown as WebhookApp;
  app.server.headersTimeout = timeouts.headersTimeoutMs;
  const metrics = deps.metrics ?? createMetrics(deps.registry);
  const draining = deps.draining ?? ((): boolean => false);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  // Decided when the response is sent, so a request that began before the drain still closes its
  // connection and the final close never waits on a keep-alive socket.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining()) void reply.header('connection', 'close');
    done(null, payload);
  });
  registerErrors(app, bodyLimit, metrics);
  validateRoute(app, { path: deps.path ?? '/validate', validate: deps.validate, metrics });
  healthRoutes(app, { notReady: deps.notReady ?? ((): undefined => undefined), registry: deps.registry, ...(deps.readyDetails === undefined ? {} : { details: deps.readyDetails }) });
  return app;
}
