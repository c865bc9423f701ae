// manifests/: `kubectl kustomize` renders the base and each overlay (skipped, with a message, where
// kubectl is absent), and the rendered objects carry the promised security, RBAC and webhook
// settings. matchConditions are evaluated with @bufbuild/cel against AdmissionRequest-like inputs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { isCelError, run } from '@bufbuild/cel';
import { parse, parseAllDocuments } from 'yaml';
import { kubectlSkip, kustomize } from '../helpers/kubectl.js';
import { serveOptions } from '../../src/config.js';
import type { Obj } from './fake-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const skip = kubectlSkip;

function render(dir: string): Obj[] {
  const text = kustomize(`${root}manifests/${dir}`);
  return parseAllDocuments(text).map((doc) => doc.toJS() as Obj);
}
const find = (objects: Obj[], kind: string, name?: string): Obj | undefined =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const need = (objects: Obj[], kind: string, name?: string): Obj => {
  const found = find(objects, kind, name);
  assert.ok(found, `${kind} ${name ?? ''} rendered`);
  return found;
};
const argValue = (args: string[], flag: string): string | undefined => args.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);

function checkDeployment(objects: Obj[]): void {
  const deployment = need(objects, 'Deployment', 'vmcp-admission');
  const pod = deployment.spec.template.spec;
  const [container] = pod.containers;
  assert.equal(deployment.spec.replicas, 2);
  assert.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0);
  assert.ok(pod.topologySpreadConstraints.length >= 1);
  assert.deepEqual(pod.securityContext.seccompProfile, { type: 'RuntimeDefault' });
  assert.equal(pod.securityContext.runAsNonRoot, true);
  const imageUser = /^USER (\d+):(\d+)$/m.exec(readFileSync(`${root}Dockerfile`, 'utf8'));
  assert.deepEqual([pod.securityContext.runAsUser, pod.securityContext.runAsGroup], [Number(imageUser?.[1]), Number(imageUser?.[2])], 'same numeric user as the image');
  assert.deepEqual(container.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
  for (const kind of ['requests', 'limits']) assert.ok(container.resources[kind].cpu && container.resources[kind].memory, `resources.${kind}`);
  assert.deepEqual(container.ports, [{ name: 'https', containerPort: 8443, protocol: 'TCP' }]);
  assert.deepEqual(container.readinessProbe.httpGet, { path: '/readyz', port: 'https', scheme: 'HTTPS' });
  assert.deepEqual(container.livenessProbe.httpGet, { path: '/healthz', port: 'https', scheme: 'HTTPS' });
  assert.equal(argValue(container.args, 'port'), '8443');
  const drainSeconds = Number(/^(\d+)s$/.exec(argValue(container.args, 'drain-delay') ?? '')?.[1]);
  assert.ok(pod.terminationGracePeriodSeconds > drainSeconds + 5, 'grace period covers the drain and the close');
  const known = new Set(Object.values(serveOptions).flatMap((o) => [o.flag, `no-${o.flag}`]));
  for (const arg of container.args.slice(1)) assert.ok(known.has(/^--([^=]+)/.exec(arg)?.[1] ?? ''), `serve knows ${arg}`);
  const envNames = new Set(Object.values(serveOptions).map((o) => `VMCP_ADMISSION_${o.flag.replace(/-/g, '_').toUpperCase()}`));
  for (const env of container.env) assert.ok(envNames.has(env.name), `serve reads ${env.name}`);
}

function checkWebhook(objects: Obj[]): Obj {
  const config = need(objects, 'ValidatingWebhookConfiguration', 'vmcp-admission');
  assert.equal(config.webhooks.length, 1);
  const [hook] = config.webhooks;
  const service = need(objects, 'Service', 'vmcp-admission');
  const namespace = need(objects, 'Namespace').metadata.name;
  assert.deepEqual(hook.rules, [{ apiGroups: ['toolhive.stacklok.dev'], apiVersions: ['v1beta1', 'v1alpha1'], resources: ['virtualmcpservers'], operations: ['CREATE', 'UPDATE'], scope: 'Namespaced' }]);
  assert.deepEqual(hook.admissionReviewVersions, ['v1', 'v1beta1']);
  assert.equal(hook.sideEffects, 'None');
  assert.equal(hook.failurePolicy, 'Fail');
  assert.equal(hook.matchPolicy, 'Equivalent');
  assert.equal(hook.timeoutSeconds, 5);
  assert.equal(hook.clientConfig.caBundle, undefined, 'no caBundle in the manifest');
  assert.deepEqual(hook.clientConfig.service, { name: service.metadata.name, namespace: service.metadata.namespace, path: serveOptions.path.default, port: 443 });
  assert.deepEqual(service.spec.ports, [{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }]);
  assert.deepEqual(hook.namespaceSelector.matchExpressions, [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [namespace] }]);
  const pdb = need(objects, 'PodDisruptionBudget');
  const labels = need(objects, 'Deployment').spec.template.metadata.labels;
  for (const selector of [pdb.spec.selector.matchLabels, service.spec.selector]) {
    assert.ok(Object.entries(selector).every(([k, v]) => labels[k] === v), 'selector matches the pods');
  }
  return hook as Obj;
}

void describe('manifests', { skip }, () => {
  void test('base renders every object once', () => {
    const kinds = render('base').map((o) => String(o.kind)).sort();
    assert.deepEqual(kinds, ['ClusterRole', 'ClusterRole', 'ClusterRoleBinding', 'ClusterRoleBinding', 'Deployment', 'Namespace', 'PodDisruptionBudget', 'Role', 'RoleBinding', 'Service', 'ServiceAccount', 'ValidatingWebhookConfiguration']);
  });

  void test('self-managed: hardened Deployment, webhook fields, least-privilege RBAC naming exactly what the server touches', async () => {
    const objects = render('overlays/self-managed');
    checkDeployment(objects);
    checkWebhook(objects);
    const args: string[] = need(objects, 'Deployment').spec.template.spec.containers[0].args;
    assert.equal(argValue(args, 'cert-source'), 'secret');
    const secretName = argValue(args, 'secret-name');
    assert.deepEqual(need(objects, 'Role').rules, [
      { apiGroups: [''], resources: ['secrets'], resourceNames: [secretName], verbs: ['get', 'update', 'watch'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    ]);
    assert.deepEqual(need(objects, 'ClusterRole', 'vmcp-admission-cabundle').rules, [
      { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], resourceNames: [argValue(args, 'webhook-name')], verbs: ['get', 'patch', 'watch'] },
    ]);
    // Relations: list/watch on exactly the related kinds (src/relations/kinds.ts), the CRD by name.
    const { relatedKinds } = await import('../../src/relations/kinds.js');
    const toolhive = relatedKinds.filter((k) => k.group !== '').map((k) => k.plural);
    assert.deepEqual(need(objects, 'ClusterRole', 'vmcp-admission-relations').rules, [
      { apiGroups: ['toolhive.stacklok.dev'], resources: toolhive, verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: relatedKinds.filter((k) => k.group === '').map((k) => k.plural).sort(), verbs: ['list', 'watch'] },
      { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], resourceNames: ['virtualmcpservers.toolhive.stacklok.dev'], verbs: ['get', 'list', 'watch'] },
    ]);
    const account = need(objects, 'ServiceAccount');
    for (const binding of [need(objects, 'RoleBinding'), need(objects, 'ClusterRoleBinding', 'vmcp-admission-cabundle'), need(objects, 'ClusterRoleBinding', 'vmcp-admission-relations')]) {
      assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: account.metadata.name, namespace: account.metadata.namespace }]);
    }
    assert.equal(need(objects, 'Deployment').spec.template.spec.serviceAccountName, account.metadata.name);
  });

  void test('cert-manager: CA-issued serving certificate mounted as --cert-dir, CA injected, no API access', () => {
    const objects = render('overlays/cert-manager');
    checkDeployment(objects);
    const hook = checkWebhook(objects);
    assert.equal(find(objects, 'Role'), undefined);
    assert.equal(find(objects, 'ClusterRole'), undefined);
    const pod = need(objects, 'Deployment').spec.template.spec;
    assert.equal(pod.automountServiceAccountToken, false);
    const args: string[] = pod.containers[0].args;
    assert.equal(argValue(args, 'cert-source'), 'file');
    assert.equal(pod.containers[0].volumeMounts[0].mountPath, argValue(args, 'cert-dir'));
    const serving = need(objects, 'Certificate', 'vmcp-admission-serving');
    assert.equal(pod.volumes[0].secret.secretName, serving.spec.secretName);
    const config = need(objects, 'ValidatingWebhookConfiguration');
    assert.equal(config.metadata.annotations['cert-manager.io/inject-ca-from'], `${serving.metadata.namespace}/${serving.metadata.name}`);
    const svc = hook.clientConfig.service;
    assert.ok(serving.spec.dnsNames.includes(`${svc.name}.${svc.namespace}.svc`));
    assert.equal(need(objects, 'Issuer', serving.spec.issuerRef.name).spec.ca.secretName, need(objects, 'Certificate', 'vmcp-admission-ca').spec.secretName);
  });
});

/** JSON -> CEL values the way the API server binds them: maps, lists, int64 for integers. */
const toCel = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(toCel)
    : v !== null && typeof v === 'object'
      ? new Map(Object.entries(v).map(([k, x]) => [k, toCel(x)]))
      : typeof v === 'number' && Number.isInteger(v)
        ? BigInt(v)
        : v;

// Read from the file itself, so these run even without kubectl.
void describe('matchConditions', () => {
  const spec = { config: { rateLimiting: { shared: { maxTokens: 10, refillPeriod: '1m' } } } };
  const meta = { name: 'v', namespace: 'team' };
  const cases: [string, string, Obj, Obj | null, boolean][] = [
    ['CREATE', 'CREATE', { metadata: meta, spec }, null, true],
    ['UPDATE changing spec', 'UPDATE', { metadata: meta, spec: { ...spec, groupRef: 'x' } }, { metadata: meta, spec }, true],
    ['UPDATE adding spec', 'UPDATE', { metadata: meta, spec }, { metadata: meta }, true],
    ['UPDATE of labels only', 'UPDATE', { metadata: { ...meta, labels: { a: 'b' } }, spec }, { metadata: meta, spec }, false],
    ['UPDATE of status only (no spec either side)', 'UPDATE', { metadata: meta, status: { phase: 'Ready' } }, { metadata: meta }, false],
    ['UPDATE removing a finalizer while deleting', 'UPDATE', { metadata: { ...meta, deletionTimestamp: '2030-01-01T00:00:00Z' }, spec: { ...spec, groupRef: 'y' } }, { metadata: meta, spec }, false],
  ];
  const file = readFileSync(`${root}manifests/base/validatingwebhookconfiguration.yaml`, 'utf8');
  const conditions = (): { name: string; expression: string }[] => (parse(file) as Obj).webhooks[0].matchConditions as { name: string; expression: string }[];
  for (const [name, operation, object, oldObject, called] of cases) {
    void test(`${name} -> ${called ? 'sent to the webhook' : 'skipped'}`, () => {
      const vars = { object: toCel(object), oldObject: toCel(oldObject), request: toCel({ operation, namespace: 'team', name: 'v' }) };
      const results = conditions().map((c) => run(c.expression, vars as Parameters<typeof run>[1]));
      for (const r of results) assert.ok(!isCelError(r) && typeof r === 'boolean', `evaluates to a boolean: ${isCelError(r) ? r.message : typeof r}`);
      assert.equal(results.every((r) => r === true), called);
    });
  }
});

void test('every file the Dockerfile copies from the build context exists and is let through by .dockerignore', async () => {
  const { existsSync } = await import('node:fs');
  const ignore = readFileSync(`${root}.dockerignore`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  // This .dockerignore is an allow-list: `*` first, then `!` exceptions (files or directories ending in /).
  assert.equal(ignore[0], '*');
  const allowed = ignore.slice(1).map((l) => { assert.ok(l.startsWith('!'), l); return l.slice(1); });
  // Instructions with their `\` continuations joined; COPY and ADD in any case; flags (--chown, --link) dropped.
  const instructions = readFileSync(`${root}Dockerfile`, 'utf8').replace(/\\\r?\n/g, ' ').split('\n').map((l) => l.trim());
  const copies = instructions.filter((l) => /^(COPY|ADD)\s/i.test(l) && !/--from=/i.test(l));
  assert.ok(copies.length >= 4);
  for (const line of copies) {
    assert.ok(!line.includes('['), `JSON-form ${line}: extend this check`);
    const sources = line.split(/\s+/).slice(1).filter((w) => !w.startsWith('--')).slice(0, -1);
    for (const src of sources) {
      const path = src.replace(/\/$/, '');
      assert.ok(existsSync(`${root}${path}`), `${src} (in "${line}") does not exist`);
      assert.ok(allowed.some((a) => a === path || a === `${path}/` || (a.endsWith('/') && path.startsWith(a))), `${src} (in "${line}") is excluded by .dockerignore`);
    }
  }
});
