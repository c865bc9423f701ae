// Operations endpoints: liveness, readiness (false until certificates are loaded and while draining)
// and Prometheus metrics.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';

export interface HealthRouteOptions {
  /** Reason the webhook is not ready, or undefined when ready. */
  readonly notReady: () => string | undefined;
  readonly registry: Registry;
  /** Extra facts for /readyz (relations state, active schema). */
  readonly details?: () => Record<string, string>;
}

export function healthRoutes(app: FastifyInstance, opts: HealthRouteOptions): void {
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', (_request, reply: FastifyReply) => {
    const reason = opts.notReady();
    const details = opts.details?.() ?? {};
    if (reason === undefined) return { status: 'ready', ...details };
    return reply.code(503).send({ status: 'not ready', reason, ...details });
  });
  app.get('/metrics', async (_request, reply: FastifyReply) => {
    const text = await opts.registry.metrics();
    return reply.type(opts.registry.contentType).send(text);
  });
}
