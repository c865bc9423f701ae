// POST /validate: AdmissionReview in, AdmissionReview out. One log line and one metrics update per
// review; never the object body in logs. A bug while judging a well-formed review still answers a
// contract-valid review (allowed: false, code 500) so the API server shows a clear message.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseGoDuration } from '../../core/duration.js';
import { isReviewError, parseReview, toResponse, type AdmissionResponseReview, type Review } from '../admission.js';
import { judge, type Judgement, type ValidateFn } from '../judge.js';
import { ReviewMalformedError } from '../errors.js';
import type { WebhookMetrics } from '../metrics.js';

export interface ValidateRouteOptions {
  readonly path: string;
  readonly validate: ValidateFn;
  readonly metrics: WebhookMetrics;
}

/** Milliseconds of the API server's `?timeout=` (e.g. `10s`), undefined when absent or unreadable. */
export function timeoutMs(query: unknown): number | undefined {
  const raw = (query as Record<string, unknown> | undefined)?.timeout;
  if (typeof raw !== 'string') return undefined;
  const parsed = parseGoDuration(raw);
  return parsed.ok && parsed.nanoseconds > 0n ? Number(parsed.nanoseconds) / 1e6 : undefined;
}

/** Answer with a clear 500 instead of judging once too little of the caller's timeout is left. */
export function outOfTime(timeout: number | undefined, elapsedMs: number): boolean {
  if (timeout === undefined) return false;
  const margin = Math.min(1000, Math.max(50, timeout * 0.2));
  return timeout - elapsedMs < margin;
}

function failed(message: string): Judgement {
  return { verdict: { allowed: false, code: 500, message }, outcome: 'error', errors: 0, warnings: 0 };
}

function judgeSafely(review: Review, opts: ValidateRouteOptions, log: FastifyBaseLogger): Judgement {
  try {
    return judge(review, opts.validate);
  } catch (err) {
    log.error({ uid: review.uid, err }, 'internal error while judging a review');
    return failed(`vmcp-admission could not judge this ${review.kind.kind} because of an internal error (uid ${review.uid}); it is denied until the webhook is fixed, see its logs`);
  }
}

function record(review: Review, j: Judgement, reply: FastifyReply, opts: ValidateRouteOptions): void {
  const seconds = reply.elapsedTime / 1000;
  const { metrics } = opts;
  const version = review.apiVersion.slice('admission.k8s.io/'.length);
  metrics.reviews.inc({ operation: review.operation, verdict: j.outcome, dry_run: String(review.dryRun), version });
  metrics.duration.observe({ operation: review.operation, verdict: j.outcome }, seconds);
  if (j.warnings > 0) metrics.warnings.inc(j.warnings);
  for (const rule of j.ignored ?? []) metrics.ignoredWarnings.inc({ rule });
  if (j.outcome === 'error') metrics.errors.inc({ code: 'review_internal' });
  reply.log.info(
    {
      uid: review.uid,
      kind: `${review.kind.kind}.${review.kind.group}/${review.kind.version}`,
      name: review.namespace === '' ? review.name : `${review.namespace}/${review.name}`,
      operation: review.operation,
      dryRun: review.dryRun,
      verdict: j.outcome,
      durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
      errors: j.errors,
      warnings: j.warnings,
      ...(j.ignored === undefined ? {} : { ignoredWarnings: j.ignored.length }),
      ...(j.reason === undefined ? {} : { reason: j.reason }),
    },
    'review',
  );
}

export function validateRoute(app: FastifyInstance, opts: ValidateRouteOptions): void {
  app.post(opts.path, (request: FastifyRequest, reply: FastifyReply): AdmissionResponseReview => {
    const review = parseReview(request.body);
    if (isReviewError(review)) throw new ReviewMalformedError(review.reviewError);
    const timeout = timeoutMs(request.query);
    const judgement = outOfTime(timeout, reply.elapsedTime)
      ? failed(`vmcp-admission received this review too late to answer within the API server's timeout of ${timeout}ms; retry`)
      : judgeSafely(review, opts, reply.log);
    record(review, judgement, reply, opts);
    return toResponse(review, judgement.verdict);
  });
}
