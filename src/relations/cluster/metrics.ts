// Metrics of the live relations provider, registered on the registry passed in (never the global one).
import { Counter, Gauge, type Registry } from 'prom-client';

export interface RelationsMetrics {
  /** 1 while relation rules run on reviews (caches synced), else 0. */
  readonly available: Gauge;
  /** Per kind: 1 once listed and watching, 0 while (re)syncing or failing. */
  readonly synced: Gauge<'kind'>;
  readonly objects: Gauge<'kind'>;
  readonly restarts: Counter<'kind'>;
  /** Relation findings reported on reviews, by rule. */
  readonly findings: Counter<'rule'>;
  /** 1 for the schema reviews are judged against: source cluster|builtin, resource_version, hash. */
  readonly schema: Gauge<'source' | 'resource_version' | 'hash'>;
}

export function createRelationsMetrics(registry: Registry): RelationsMetrics {
  const registers = [registry];
  return {
    available: new Gauge({ name: 'vmcp_admission_relations_available', help: '1 while relation checks run on reviews (informer caches synced), 0 while reviews are judged without them', registers }),
    synced: new Gauge({ name: 'vmcp_admission_relations_synced', help: 'Per related kind: 1 when its informer cache is listed and watching, else 0', labelNames: ['kind'], registers }),
    objects: new Gauge({ name: 'vmcp_admission_relations_objects', help: 'Objects in the informer cache, per related kind', labelNames: ['kind'], registers }),
    restarts: new Counter({ name: 'vmcp_admission_relations_informer_restarts_total', help: 'Informer restarts after a failed list or watch, per related kind', labelNames: ['kind'], registers }),
    findings: new Counter({ name: 'vmcp_admission_relation_findings_total', help: 'Relation findings reported on reviews, by rule', labelNames: ['rule'], registers }),
    schema: new Gauge({ name: 'vmcp_admission_schema_info', help: 'The VirtualMCPServer schema reviews are judged against (1): source cluster or builtin, its resourceVersion and spec hash', labelNames: ['source', 'resource_version', 'hash'], registers }),
  };
}

/**
 * 1 while the installed CRD is followed (--follow-crd) but reviews are judged against the built-in
 * schema (not read yet, not installed, deleted, or not compilable), 0 while on the installed CRD.
 * Registered only when following, so it is absent with --follow-crd=false.
 */
export function createSchemaFallbackGauge(registry: Registry): Gauge {
  return new Gauge({ name: 'vmcp_admission_schema_fallback', help: '1 while following the installed VirtualMCPServer CRD but judging against the built-in schema (CRD not read yet, absent, deleted or not compilable), else 0', registers: [registry] });
}
