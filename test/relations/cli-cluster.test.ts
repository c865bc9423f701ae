// `validate --kubeconfig FILE [--context NAME] [--crd-from-cluster]`: the manifest set over a one-shot
// list of the cluster (the fake API server), a clear error when the cluster is unreachable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { run } from '../../src/cli/run.js';
import { recordingIo, scratch } from '../cli/helpers.js';
import { FakeApiServer } from '../kube/fake-apiserver.js';
import { keyFor } from '../kube/fake-routes.js';

const TH = 'toolhive.stacklok.dev/v1beta1';
let fake: FakeApiServer;
before(async () => {
  fake = await FakeApiServer.start();
  fake.put(keyFor('mcpgroups', 'team-a', 'team-tools'), { apiVersion: TH, kind: 'MCPGroup', metadata: { name: 'team-tools', namespace: 'team-a' }, spec: {} });
  fake.put(keyFor('mcpservers', 'team-a', 'github'), { apiVersion: TH, kind: 'MCPServer', metadata: { name: 'github', namespace: 'team-a' }, spec: { image: 'x', groupRef: { name: 'team-tools' } } });
  fake.put(keyFor('secrets', 'team-a', 'pw'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw', namespace: 'team-a' }, data: { password: 'c2VjcmV0' } });
});
after(async () => fake.close());

function kubeconfig(server: string, context = 'fake'): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u', user: { token: 't' } }],
    contexts: [{ name: context, context: { cluster: 'c', user: 'u' } }],
    'current-context': context,
  });
}

const vmcp = (spec: Record<string, unknown>): string =>
  stringify({ apiVersion: TH, kind: 'VirtualMCPServer', metadata: { name: 'gw', namespace: 'team-a' }, spec: { groupRef: { name: 'team-tools' }, incomingAuth: { type: 'anonymous' }, ...spec } });

async function validate(files: Record<string, string>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { dir, cleanup } = scratch(files);
  try {
    const io = recordingIo(dir);
    const code = await run(['validate', ...args], io);
    return { code, out: io.out(), err: io.err() };
  } finally {
    cleanup();
  }
}

void test('--kubeconfig: references resolve against the cluster (refs default to warn), one list per kind, Secrets as metadata', async () => {
  const limited = vmcp({ sessionStorage: { provider: 'redis', address: 'r:6379', passwordRef: { name: 'pw', key: 'password' } }, config: { rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m' }, tools: [{ name: 'create_issue', shared: { maxTokens: 1, refillPeriod: '1m' } }] } } });
  const before = fake.requests.length;
  const r = await validate({ 'kc.yaml': kubeconfig(fake.url), 'vmcp.yaml': limited }, ['--kubeconfig', 'kc.yaml', 'vmcp.yaml']);
  assert.equal(r.err, '');
  assert.match(r.out, /vmcp\.yaml:\d+:\d+: warning: spec\.config\.rateLimiting\.tools\[0\]\.name: Invalid value: "create_issue": .*did you mean "github_create_issue"\?/);
  assert.doesNotMatch(r.out, /ref-missing|Not found/);
  const calls = fake.requests.slice(before);
  assert.equal(calls.length, 14, 'one list per related kind');
  assert.ok(calls.every((c) => c.query.get('watch') === null));
  assert.match(calls.find((c) => c.path === '/api/v1/secrets')!.accept ?? '', /as=PartialObjectMetadataList/);
  const missing = await validate({ 'kc.yaml': kubeconfig(fake.url), 'vmcp.yaml': vmcp({ telemetryConfigRef: { name: 'otel' } }) }, ['--kubeconfig', 'kc.yaml', '--refs', 'deny', 'vmcp.yaml']);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /spec\.telemetryConfigRef\.name: Not found: "otel": MCPTelemetryConfig team-a\/otel not found/);
});

void test('--context picks a context; an unknown one and an unreachable cluster are clear errors (exit 2), quickly', async () => {
  const ok = await validate({ 'kc.yaml': kubeconfig(fake.url, 'prod'), 'vmcp.yaml': vmcp({}) }, ['--kubeconfig', 'kc.yaml', '--context', 'prod', 'vmcp.yaml']);
  assert.equal(ok.code, 0, ok.err);
  const unknown = await validate({ 'kc.yaml': kubeconfig(fake.url), 'vmcp.yaml': vmcp({}) }, ['--kubeconfig', 'kc.yaml', '--context', 'nope', 'vmcp.yaml']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--context nope: no such context in kc\.yaml/);
  const t0 = Date.now();
  const down = await validate({ 'kc.yaml': kubeconfig('http://127.0.0.1:1'), 'vmcp.yaml': vmcp({}) }, ['--kubeconfig', 'kc.yaml', 'vmcp.yaml']);
  assert.equal(down.code, 2);
  assert.match(down.err, /^vmcp-admission validate: cluster http:\/\/127\.0\.0\.1:1 \(context fake\): cannot list [a-z.]+: .*ECONNREFUSED/);
  assert.ok(Date.now() - t0 < 5000);
  const nofile = await validate({ 'vmcp.yaml': vmcp({}) }, ['--kubeconfig', 'absent.yaml', 'vmcp.yaml']);
  assert.equal(nofile.code, 2);
  assert.match(nofile.err, /--kubeconfig absent\.yaml: /);
});

void test('--crd-from-cluster: judged against the installed CRD; absent CRD is an error', async () => {
  const absent = await validate({ 'kc.yaml': kubeconfig(fake.url), 'vmcp.yaml': vmcp({}) }, ['--kubeconfig', 'kc.yaml', '--crd-from-cluster', 'vmcp.yaml']);
  assert.equal(absent.code, 2);
  assert.match(absent.err, /--crd-from-cluster: the CRD virtualmcpservers\.toolhive\.stacklok\.dev is not installed/);
  const crd = parse(readFileSync(new URL('../../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url), 'utf8'));
  for (const v of crd.spec.versions) v.schema.openAPIV3Schema.properties.spec.properties.newField = { type: 'string' };
  fake.put('customresourcedefinitions/virtualmcpservers.toolhive.stacklok.dev', crd);
  const builtin = await validate({ 'vmcp.yaml': vmcp({ newField: 'x' }) }, ['vmcp.yaml']);
  assert.equal(builtin.code, 1);
  const installed = await validate({ 'kc.yaml': kubeconfig(fake.url), 'vmcp.yaml': vmcp({ newField: 'x' }) }, ['--kubeconfig', 'kc.yaml', '--crd-from-cluster', '--refs', 'off', 'vmcp.yaml']);
  assert.equal(installed.code, 0, installed.out + installed.err);
});

void test('--kubeconfig: ref-not-ready from the status the cluster reports; status-less objects and ready ones give nothing; ServiceAccounts by metadata', async () => {
  const put = (plural: string, kind: string, name: string, spec: Record<string, unknown>, status?: Record<string, unknown>): void =>
    void fake.put(keyFor(plural, 'team-b', name), { apiVersion: TH, kind, metadata: { name, namespace: 'team-b' }, spec, ...(status === undefined ? {} : { status }) });
  put('mcpgroups', 'MCPGroup', 'pending', {}, { phase: 'Pending' });
  put('mcpgroups', 'MCPGroup', 'ready', {}, { phase: 'Ready' });
  put('mcpgroups', 'MCPGroup', 'fresh', {});
  put('mcpoidcconfigs', 'MCPOIDCConfig', 'sso', { type: 'inline', inline: { issuer: 'https://sso.example.com' } }, { conditions: [{ type: 'Valid', status: 'False', reason: 'Invalid', message: 'issuer unreachable' }] });
  put('mcpauthzconfigs', 'MCPAuthzConfig', 'authz', { type: 'cedarv1' }, { conditions: [{ type: 'Valid', status: 'False' }] });
  put('virtualmcpcompositetooldefinitions', 'VirtualMCPCompositeToolDefinition', 'wf', { name: 'wf', steps: [] }, { validationStatus: 'Invalid', validationErrors: ['step a: unknown tool', 'step b: cycle'] });
  put('embeddingservers', 'EmbeddingServer', 'embed', {}, { phase: 'Downloading', readyReplicas: 0 });
  put('embeddingservers', 'EmbeddingServer', 'broken', {}, { phase: 'Failed' });
  put('embeddingservers', 'EmbeddingServer', 'up', {}, { phase: 'Ready', readyReplicas: 1 });
  fake.put(keyFor('serviceaccounts', 'team-b', 'vmcp-sa'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'vmcp-sa', namespace: 'team-b' } });
  const inB = (name: string, spec: Record<string, unknown>): string =>
    stringify({ apiVersion: TH, kind: 'VirtualMCPServer', metadata: { name, namespace: 'team-b' }, spec: { incomingAuth: { type: 'anonymous' }, ...spec } });
  const files = {
    'kc.yaml': kubeconfig(fake.url),
    'a.yaml': inB('a', { groupRef: { name: 'pending' }, embeddingServerRef: { name: 'embed' }, config: { compositeToolRefs: [{ name: 'wf' }] } }),
    'b.yaml': inB('b', { groupRef: { name: 'ready' }, incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'sso', audience: 'x' }, authzConfigRef: { name: 'authz' } }, embeddingServerRef: { name: 'broken' } }),
    'c.yaml': inB('c', { groupRef: { name: 'fresh' }, embeddingServerRef: { name: 'up' }, serviceAccount: 'vmcp-sa' }),
  };
  const before = fake.requests.length;
  const r = await validate(files, ['--kubeconfig', 'kc.yaml', '-o', 'json', 'a.yaml', 'b.yaml', 'c.yaml']);
  assert.equal(r.err, '');
  const docs = (JSON.parse(r.out) as { documents: { name: string; warnings: { rule: string; field: string; message: string }[] }[] }).documents;
  const of = (name: string): string[] => docs.find((d) => d.name === name)!.warnings.filter((f) => f.rule.startsWith('ref-')).map((f) => `${f.rule} ${f.field}`);
  assert.deepEqual(of('a'), ['ref-not-ready spec.groupRef.name', 'ref-not-ready spec.config.compositeToolRefs[0].name', 'ref-not-ready spec.embeddingServerRef.name']);
  assert.deepEqual(of('b'), ['ref-not-ready spec.embeddingServerRef.name', 'ref-not-ready spec.incomingAuth.oidcConfigRef.name', 'ref-not-ready spec.incomingAuth.authzConfigRef.name']);
  assert.deepEqual(of('c'), []);
  const messages = docs.flatMap((d) => d.warnings.map((f) => f.message)).join('\n');
  assert.match(messages, /MCPGroup team-b\/pending is not ready \(phase Pending\): .*GroupRefNotReady: "Referenced MCPGroup pending is not ready \(phase: Pending\)"/);
  assert.match(messages, /CompositeToolRefInvalid: "Referenced VirtualMCPCompositeToolDefinition wf is invalid: step a: unknown tool; step b: cycle"/);
  assert.match(messages, /EmbeddingServer team-b\/embed is not ready \(phase Downloading, 0 ready replicas\)/);
  assert.match(messages, /EmbeddingServer team-b\/broken has failed/);
  assert.match(messages, /OIDCConfigRefNotValid: "MCPOIDCConfig sso is not valid: issuer unreachable"/);
  assert.match(messages, /MCPAuthzConfig team-b\/authz is not valid \(condition Valid=False\)/);
  const sa = fake.requests.slice(before).find((c) => c.path === '/api/v1/serviceaccounts');
  assert.match(sa?.accept ?? '', /as=PartialObjectMetadataList/);
});
