// Prometheus metrics of the webhook, registered on a registry passed in (never the global one, so
// tests and several apps in one process do not collide).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { crdCommit, toolVersion } from '../build-info.js';

export interface WebhookMetrics {
  readonly reviews: Counter<'operation' | 'verdict' | 'dry_run' | 'version'>;
  readonly duration: Histogram<'operation' | 'verdict'>;
  readonly warnings: Counter;
  readonly errors: Counter<'code'>;
  readonly certExpiry: Gauge;
  /** Warnings an object's vmcp-admission.toolhive.dev/ignore annotation silenced, by rule. */
  readonly ignoredWarnings: Counter<'rule'>;
}

/** Sub-millisecond resolution: a review normally takes well under 1 ms. */
export const durationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5];

export function createMetrics(registry: Registry): WebhookMetrics {
  const registers = [registry];
  const metrics: WebhookMetrics = {
    reviews: new Counter({
      name: 'vmcp_admission_reviews_total',
      help: 'AdmissionReviews answered, by operation, verdict (allowed|denied|skipped|error), dry_run and AdmissionReview version',
      labelNames: ['operation', 'verdict', 'dry_run', 'version'],
      registers,
    }),
    duration: new Histogram({
      name: 'vmcp_admission_review_duration_seconds',
      help: 'Time from request start to response for AdmissionReviews',
      labelNames: ['operation', 'verdict'],
      buckets: durationBuckets,
      registers,
    }),
    warnings: new Counter({ name: 'vmcp_admission_warnings_total', help: 'Admission warnings returned', registers }),
    errors: new Counter({
      name: 'vmcp_admission_errors_total',
      help: 'Requests answered with an error (HTTP 4xx/5xx, or a review answered with status code 500), by error code',
      labelNames: ['code'],
      registers,
    }),
    certExpiry: new Gauge({
      name: 'vmcp_admission_serving_cert_expiry_timestamp_seconds',
      help: 'notAfter of the serving certificate currently in use, as a Unix timestamp',
      registers,
    }),
    ignoredWarnings: new Counter({
      name: 'vmcp_admission_ignored_warnings_total',
      help: 'Warnings silenced by an object\'s vmcp-admission.toolhive.dev/ignore annotation, by rule',
      labelNames: ['rule'],
      registers,
    }),
  };
  new Gauge({ name: 'vmcp_admission_build_info', help: 'Always 1; the version and the ToolHive CRD commit as labels', labelNames: ['version', 'crd_commit'], registers }).set(
    { version: toolVersion, crd_commit: crdCommit.slice(0, 12) },
    1,
  );
  return metrics;
}
