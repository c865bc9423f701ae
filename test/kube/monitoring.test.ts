// manifests/overlays/monitoring rendered with the real `kubectl kustomize`: the ServiceMonitor finds
// the Service's https port, and every metric and label that the PrometheusRule and the Grafana
// dashboard use is exported by a running webhook's /metrics — the built CLI (`serve`, as the image
// runs it) on loopback with generated certificates and cluster access through --kubeconfig to the
// fake Kubernetes API server (test/kube/fake-apiserver.ts), so the relation caches and the CRD
// follower export their metrics as in the self-managed overlay; scraped after answering allowed,
// denied and malformed requests. Exempt is only what Prometheus adds itself (`up`; target labels
// job, instance, namespace, pod, service, endpoint). Labels printed in alert annotations and legends
// must survive the expression's aggregation.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { kubectlSkip, kustomize } from '../helpers/kubectl.js';
import { send } from '../webhook/helpers/client.js';
import { fixture } from '../webhook/helpers/harness.js';
import { FakeApiServer } from './fake-apiserver.js';
import { keyFor } from './fake-routes.js';
import type { Obj } from './fake-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const render = (dir: string): Obj[] =>
  parseAllDocuments(kustomize(join(root, dir))).map((d) => d.toJS() as Obj);

const targetLabels = new Set(['job', 'instance', 'namespace', 'pod', 'service', 'endpoint', 'container']);
const prometheusMetrics = new Set(['up']);
const notMetrics = new Set(['sum', 'min', 'max', 'avg', 'count', 'rate', 'increase', 'irate', 'histogram_quantile', 'time', 'absent', 'clamp_min', 'clamp_max', 'and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'offset', 'bool', 'label_values']);

interface Query {
  readonly where: string;
  readonly expr: string;
  /** Labels read from the result: {{ $labels.x }} in annotations, {{x}} in legends. */
  readonly shown: string[];
}
interface Used {
  readonly metrics: string[];
  readonly labels: string[];
  /** Labels left on the result by the outermost aggregations (undefined: not aggregated). */
  readonly by: string[] | undefined;
}

/** The metric and label names a PromQL expression reads (the subset of PromQL used here). */
function used(expr: string): Used {
  const text = expr.replace(/\$__rate_interval/g, '5m');
  const labels = new Set<string>();
  for (const block of text.matchAll(/\{([^}]*)\}/g)) for (const m of block[1]!.matchAll(/([a-zA-Z_]\w*)\s*(=~|!~|!=|=)/g)) labels.add(m[1]!);
  const byClauses = [...text.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].map((m) => m[1]!.split(',').map((l) => l.trim()).filter(Boolean));
  for (const clause of byClauses) for (const l of clause) labels.add(l);
  const bare = text
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ')
    .replace(/\b\d+(\.\d+)?\b/g, ' ');
  const metrics = [...new Set([...bare.matchAll(/[a-zA-Z_:][\w:]*/g)].map((m) => m[0]).filter((w) => !notMetrics.has(w)))];
  return { metrics, labels: [...labels], by: byClauses.length === 0 ? undefined : byClauses[0] };
}

/** Sample names and the label names each carries, from the text exposition format. */
function exposition(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? /.exec(line);
    if (!m) continue;
    const set = out.get(m[1]!) ?? new Set<string>();
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="/g)) set.add(l[1]!);
    out.set(m[1]!, set);
  }
  return out;
}

function queries(objects: Obj[]): Query[] {
  const rule = objects.find((o) => o.kind === 'PrometheusRule')!;
  const fromRules = (rule.spec.groups as Obj[]).flatMap((g) =>
    (g.rules as Obj[]).map((r) => ({
      where: `alert ${r.alert}`,
      expr: r.expr as string,
      shown: [...JSON.stringify(r.annotations ?? {}).matchAll(/\$labels\.(\w+)/g)].map((m) => m[1]!),
    })),
  );
  const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'vmcp-admission-dashboard')!;
  const dashboard = JSON.parse(cm.data['vmcp-admission.json'] as string) as { panels: Obj[]; templating: { list: Obj[] } };
  const fromPanels = dashboard.panels.flatMap((p) =>
    (p.targets as Obj[]).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr as string, shown: [...String(t.legendFormat ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!) })),
  );
  const fromVariables = dashboard.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => ({ where: `variable ${v.name}`, expr: (v.query as string).replace(/^label_values\((.*),\s*(\w+)\)$/, '$1 by ($2)'), shown: [] }));
  return [...fromRules, ...fromPanels, ...fromVariables];
}

/** `vmcp-admission serve` from the built bundle, with cluster access to the fake API server. */
async function startWebhook(fake: FakeApiServer, dir: string): Promise<{ child: ChildProcess; port: number; ca: string }> {
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, fake.kubeConfig().exportConfig());
  const bundle = join(root, 'dist/bundle/cli/main.js');
  const args = [bundle, 'serve', '--host', '127.0.0.1', '--port', '0', '--cert-dir', join(dir, 'certs'), '--drain-delay', '0s', '--kubeconfig', kubeconfig];
  const { KUBERNETES_SERVICE_HOST: _inCluster, ...env } = process.env;
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (l) => {
      const m = /"port":(\d+),"path"/.exec(l);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { child, port, ca: readFileSync(join(dir, 'certs/ca.crt'), 'utf8') };
}

void describe('monitoring overlay', { skip: kubectlSkip }, () => {
  let fake: FakeApiServer;
  let webhook: { child: ChildProcess; port: number; ca: string };
  let dir: string;
  let exported: Map<string, Set<string>>;
  let scraped: string;
  let objects: Obj[];
  before(async () => {
    objects = render('manifests/overlays/monitoring');
    dir = mkdtempSync(join(tmpdir(), 'vmcp-monitoring-'));
    fake = await FakeApiServer.start();
    fake.store.setMaxListeners(50); // one watch per related kind and the CRD
    fake.put(keyFor('mcpgroups', 'team-a', 'team-tools'), { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPGroup', metadata: { name: 'team-tools', namespace: 'team-a' }, spec: {} });
    webhook = await startWebhook(fake, dir);
    const target = { port: webhook.port, ca: webhook.ca };
    const metrics = async (): Promise<string> => (await send(target, { method: 'GET', path: '/metrics' })).body;
    // The relation caches list every related kind; the CRD follower finds no CRD (built-in schema).
    const deadline = Date.now() + 15_000;
    for (let text = await metrics(); !/^vmcp_admission_relations_synced\{kind="MCPGroup"\} 1$/m.test(text); text = await metrics()) {
      assert.ok(Date.now() < deadline, `relation caches not synced:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await send(target, { body: JSON.stringify(await fixture('admissionreview-create-v1-valid')) });
    await send(target, { body: JSON.stringify(await fixture('admissionreview-create-v1-ratelimit-without-redis')) });
    await send(target, { body: JSON.stringify(await fixture('admissionreview-create-v1-dryrun-ratelimit-without-redis')) });
    await send(target, { body: '{not json' }).catch(() => undefined);
    const response = await send(target, { method: 'GET', path: '/metrics' });
    assert.equal(response.status, 200);
    scraped = response.body;
    exported = exposition(scraped);
  });
  after(async () => {
    if (webhook !== undefined) {
      const exited = once(webhook.child, 'exit');
      webhook.child.kill('SIGTERM');
      // With cluster access too, SIGTERM ends the process (the informers' watches are aborted).
      assert.deepEqual(await exited, [0, null]);
    }
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('renders a ServiceMonitor for the https port of Service vmcp-admission, a PrometheusRule and the dashboard ConfigMap', () => {
    assert.deepEqual(objects.map((o): string => String(o.kind)).sort(), ['ConfigMap', 'PrometheusRule', 'ServiceMonitor']);
    const base = render('manifests/base');
    const service = base.find((o) => o.kind === 'Service')!;
    const monitor = objects.find((o) => o.kind === 'ServiceMonitor')!;
    for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels as Record<string, string>)) assert.equal(service.metadata.labels[k], v, `Service label ${k}`);
    assert.deepEqual(monitor.spec.namespaceSelector.matchNames, [service.metadata.namespace]);
    const [endpoint] = monitor.spec.endpoints as Obj[];
    assert.ok((service.spec.ports as Obj[]).some((p) => p.name === endpoint!.port));
    assert.equal(endpoint!.path, '/metrics');
    assert.equal(endpoint!.scheme, 'https');
    assert.equal(endpoint!.tlsConfig.serverName, `${service.metadata.name}.${service.metadata.namespace}.svc`);
    const alerts: string[] = (objects.find((o) => o.kind === 'PrometheusRule')!.spec.groups as Obj[]).flatMap((g) => (g.rules as Obj[]).map((r): string => String(r.alert)));
    for (const alert of ['VmcpAdmissionServingCertExpiresSoon', 'VmcpAdmissionInternalErrors', 'VmcpAdmissionHttpErrors', 'VmcpAdmissionDenialSpike', 'VmcpAdmissionRelationCachesNotSynced', 'VmcpAdmissionBuiltinSchemaFallback']) assert.ok(alerts.includes(alert), alert);
    assert.match(objects.find((o) => o.kind === 'PrometheusRule')!.spec.groups[0].rules[0].expr, /< 7 \* 24 \* 3600/);
  });

  void test('every metric and label the rules and the dashboard use is exported by /metrics', () => {
    const all = queries(objects);
    assert.ok(all.length >= 12, `${all.length} queries`);
    for (const q of all) {
      const u = used(q.expr);
      assert.ok(u.metrics.length > 0, `${q.where}: no metric found in ${q.expr}`);
      for (const metric of u.metrics) assert.ok(exported.has(metric) || prometheusMetrics.has(metric), `${q.where}: ${metric} is not exported`);
      const available = new Set([...targetLabels, ...u.metrics.flatMap((m) => [...(exported.get(m) ?? [])])]);
      for (const label of u.labels) assert.ok(available.has(label), `${q.where}: label ${label} is not on ${u.metrics.join(', ')}`);
      for (const label of q.shown) assert.ok(u.by === undefined ? available.has(label) : u.by.includes(label), `${q.where}: shows ${label}, which its aggregation drops`);
    }
  });

  void test('the relation alerts read the values the webhook reports: synced kinds at 1, the built-in schema while no CRD is installed', () => {
    for (const kind of ['MCPGroup', 'MCPServer', 'Secret', 'ConfigMap']) assert.match(scraped, new RegExp(`^vmcp_admission_relations_synced\\{kind="${kind}"\\} 1$`, 'm'), kind);
    assert.match(scraped, /^vmcp_admission_relations_objects\{kind="MCPGroup"\} 1$/m);
    assert.match(scraped, /^vmcp_admission_schema_fallback 1$/m);
  });

  void test('the checker is not vacuous: a misspelt metric or label is caught', () => {
    const u = used('sum by (verdikt) (rate(vmcp_admission_review_total{verdict="denied"}[5m]))');
    assert.deepEqual(u.metrics, ['vmcp_admission_review_total']);
    assert.ok(!exported.has('vmcp_admission_review_total'));
    assert.ok(![...(exported.get('vmcp_admission_reviews_total') ?? [])].includes('verdikt'));
    assert.deepEqual(exported.get('vmcp_admission_reviews_total'), new Set(['operation', 'verdict', 'dry_run', 'version']));
    assert.ok(exported.get('vmcp_admission_review_duration_seconds_bucket')?.has('le'));
  });
});
