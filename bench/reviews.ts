// Realistic AdmissionReview bodies for the webhook bench and profiling: a production-style
// VirtualMCPServer (~4 KB of spec) wrapped the way the API server sends it for a kubectl/Argo CD apply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));

/** A production-style VirtualMCPServer: ~5 KB of spec, as a team would run it. */
export function productionSpec(): Record<string, unknown> {
  const base = parse(readFileSync(join(root, 'examples/ratelimit-valid.yaml'), 'utf8')) as { spec: Record<string, unknown> };
  const workloads = ['github', 'jira', 'confluence', 'slack', 'pagerduty', 'datadog', 'sentry', 'linear', 'notion', 'gdrive'];
  const tools = workloads.map((w, i) => ({ name: `${w}_search`, perUser: { maxTokens: 20 + i, refillPeriod: '1m' }, shared: { maxTokens: 200 + 10 * i, refillPeriod: '1m' } }));
  const config = {
    aggregation: {
      conflictResolution: 'prefix',
      conflictResolutionConfig: { prefixFormat: '{workload}_' },
      tools: workloads.map((workload) => ({ workload, filter: [`${workload}_search`, `${workload}_get`, `${workload}_list`] })),
    },
    operational: {
      timeouts: { default: '30s', perWorkload: Object.fromEntries(workloads.map((w, i) => [w, `${20 + i}s`])) },
      failureHandling: { healthCheckInterval: '30s', unhealthyThreshold: 3, healthCheckTimeout: '10s', partialFailureMode: 'best_effort', circuitBreaker: { enabled: true, failureThreshold: 5, timeout: '60s' } },
    },
    metadata: { team: 'platform-tools', costCenter: 'cc-4711', owner: 'platform@example.com' },
    rateLimiting: { shared: { maxTokens: 6000, refillPeriod: '1m' }, perUser: { maxTokens: 600, refillPeriod: '1m' }, tools },
  };
  const podTemplateSpec = {
    metadata: { annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' }, labels: { team: 'platform-tools', tier: 'gateway' } },
    spec: {
      priorityClassName: 'platform-high',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'platform', effect: 'NoSchedule' }],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'app.kubernetes.io/instance': 'team-tools' } } }],
      containers: [
        {
          name: 'vmcp',
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
          env: [
            { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'deployment.environment=production,team=platform-tools' },
            { name: 'GOMEMLIMIT', value: '460MiB' },
            { name: 'HTTPS_PROXY', value: 'http://egress-proxy.platform.svc:3128' },
            { name: 'NO_PROXY', value: '.svc,.cluster.local,10.0.0.0/8' },
          ],
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
  return {
    ...base.spec,
    replicas: 3,
    passthroughHeaders: ['X-Request-Id', 'X-Tenant'],
    outgoingAuth: { source: 'discovered' },
    telemetryConfigRef: { name: 'otel-platform', serviceName: 'vmcp-team-tools' },
    podTemplateSpec,
    config,
  };
}

export function reviewOf(spec: Record<string, unknown>, uid: string, variant = 0): string {
  const labels = { 'app.kubernetes.io/part-of': 'platform-tools', 'platform.example.com/revision': String(variant) };
  const applied = { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'VirtualMCPServer', metadata: { name: 'team-tools', namespace: 'toolhive', labels }, spec };
  const metadata = {
    ...applied.metadata,
    annotations: { 'argocd.argoproj.io/tracking-id': 'platform-tools:toolhive.stacklok.dev/VirtualMCPServer:toolhive/team-tools', 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(applied) },
    uid: 'b1e0c6d2-52a4-4f0e-8f57-3d0c1c9a7e11',
    generation: 1,
    creationTimestamp: '2026-11-24T20:14:03Z',
  };
  const object = { ...applied, metadata };
  const gvk = { group: 'toolhive.stacklok.dev', version: 'v1beta1', kind: 'VirtualMCPServer' };
  const gvr = { group: 'toolhive.stacklok.dev', version: 'v1beta1', resource: 'virtualmcpservers' };
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: { uid, kind: gvk, resource: gvr, requestKind: gvk, requestResource: gvr, name: 'team-tools', namespace: 'toolhive', operation: 'CREATE', userInfo: { username: 'system:serviceaccount:argocd:argocd-application-controller', groups: ['system:serviceaccounts', 'system:authenticated'] }, object, oldObject: null, dryRun: false, options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions', fieldManager: 'argocd-controller' } },
  });
}
