// Certificate metrics. Registered on the registry passed in (the server's), reusing a metric that
// is already there so two sources on one registry (tests, restarts in-process) do not throw.
import { Counter, Gauge, type Registry } from 'prom-client';

export interface KubeMetrics {
  readonly caExpiry: Gauge;
  readonly leafExpiry: Gauge;
  readonly rotations: Counter<'step'>;
  readonly injections: Counter;
  readonly injectionErrors: Counter;
  readonly apiErrors: Counter<'operation'>;
}

export function makeKubeMetrics(registry: Registry): KubeMetrics {
  const gauge = (name: string, help: string): Gauge =>
    (registry.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help, registers: [registry] });
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> =>
    (registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] });
  return {
    caExpiry: gauge('vmcp_admission_kube_ca_expiry_timestamp_seconds', 'notAfter of the current CA in the shared Secret (Unix seconds)'),
    leafExpiry: gauge('vmcp_admission_kube_leaf_expiry_timestamp_seconds', 'notAfter of the serving certificate this replica serves (Unix seconds)'),
    rotations: counter(
      'vmcp_admission_kube_rotations_total',
      'Certificate changes written to the shared Secret by this replica, by step (create, regenerate, stageNextCa, promoteNextCa, renewLeaf, dropPreviousCa)',
      ['step'],
    ),
    injections: counter('vmcp_admission_kube_cabundle_injections_total', 'caBundle patches applied to the ValidatingWebhookConfiguration'),
    injectionErrors: counter('vmcp_admission_kube_cabundle_injection_errors_total', 'caBundle injections that failed (read or patch)'),
    apiErrors: counter('vmcp_admission_kube_api_errors_total', 'Failed Kubernetes API calls, by operation', ['operation']),
  };
}
