// The webhook's live relations against the fake API server (list/watch with resourceVersion, 410
// Gone, CRDs): caches warm before ready; an MCPGroup created after start is seen within 1 s; API
// unreachable at start -> ready without relations, then relations once it answers; watch expiry ->
// relist; the installed CRD followed: a new field accepted, a new CEL rule enforced, fallback on delete.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Registry } from 'prom-client';
import { parse } from 'yaml';
import { FakeApiServer } from '../kube/fake-apiserver.js';
import { keyFor } from '../kube/fake-routes.js';
import { eventually, memoryLogger, type LogEntry } from '../kube/harness.js';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { engineFor } from '../../src/webhook/run-serve.js';
import { builtinSchemaIdentity, schemaFields } from '../../src/webhook/schema-identity.js';
import { startLive, type Live, type LiveConfig } from '../../src/webhook/live-relations.js';
import type { Finding } from '../../src/core/contract.js';
import { crdCommit } from '../../src/build-info.js';

const timings = { requestTimeoutMs: 1000, retryInitialMs: 20, retryMaxMs: 100, rewatchMs: 60_000 };
const TH = 'toolhive.stacklok.dev/v1beta1';
const CRD_KEY = 'customresourcedefinitions/virtualmcpservers.toolhive.stacklok.dev';

let fake: FakeApiServer | undefined;
let live: Live | undefined;
afterEach(async () => {
  await live?.stop();
  live = undefined;
  await fake?.close();
  fake = undefined;
});

const group = (name: string, namespace = 'team-a'): Record<string, unknown> => ({ apiVersion: TH, kind: 'MCPGroup', metadata: { name, namespace }, spec: {} });
const vmcp = (groupName: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: TH,
  kind: 'VirtualMCPServer',
  metadata: { name: 'gw', namespace: 'team-a' },
  spec: { groupRef: { name: groupName }, incomingAuth: { type: 'anonymous' }, ...extra },
});

async function start(config: Partial<LiveConfig> = {}, server?: FakeApiServer): Promise<{ live: Live; logs: LogEntry[]; registry: Registry }> {
  fake = server ?? fake ?? (await FakeApiServer.start());
  const logs: LogEntry[] = [];
  const registry = new Registry();
  const builtin = await loadBuiltinSchemas();
  live = startLive({
    config: { refs: 'warn', relationsNamespace: '', relationsSyncTimeoutMs: 3000, followCrd: false, ...config },
    kubeConfig: fake.kubeConfig(),
    logger: memoryLogger(logs),
    registry,
    builtin,
    builtinIdentity: builtinSchemaIdentity,
    schemaFields,
    engineFor: (schemas) => engineFor({ mode: 'strict', verdictCache: 0 }, schemas),
    timings,
  });
  return { live, logs, registry };
}

const rules = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.rule} ${f.field}`);
const relationRules = (l: Live, object: unknown): string[] => rules(l.validate(object).findings.filter((f) => f.origin === 'relations'));

void test('caches are warm before ready: /readyz waits for the lists, then reviews see the cluster', async () => {
  fake = await FakeApiServer.start();
  fake.put(keyFor('mcpgroups', 'team-a', 'team-tools'), group('team-tools'));
  fake.put(keyFor('secrets', 'team-a', 'pw'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw', namespace: 'team-a' }, data: { password: 'c2VjcmV0' } });
  const { live: l, registry } = await start();
  await eventually(() => l.notReady() === undefined, 'ready');
  assert.match(l.details().relations!, /^on \(warn\)$/);
  assert.deepEqual(relationRules(l, vmcp('team-tools')), []);
  assert.deepEqual(relationRules(l, vmcp('absent')), ['ref-missing spec.groupRef.name']);
  assert.deepEqual(relationRules(l, vmcp('team-tools', { sessionStorage: { provider: 'redis', address: 'r:6379', passwordRef: { name: 'pw', key: 'password' } } })), []);
  const metrics = await registry.metrics();
  assert.match(metrics, /vmcp_admission_relations_synced\{kind="MCPGroup"\} 1/);
  assert.match(metrics, /vmcp_admission_relations_objects\{kind="MCPGroup"\} 1/);
  assert.match(metrics, /vmcp_admission_relations_available 1/);
  assert.match(metrics, /vmcp_admission_relation_findings_total\{rule="ref-missing"\} 1/);
  // Secrets and ConfigMaps are only ever asked for as metadata; one list per kind, no API call per review.
  const secretCalls = (): FakeApiServer['requests'] => fake!.requests.filter((r) => /\/secrets$/.test(r.path));
  await eventually(() => secretCalls().length >= 2, 'list + watch of Secrets');
  for (const r of secretCalls()) assert.match(r.accept ?? '', /as=PartialObjectMetadata/, r.path);
  const before = fake.requests.length;
  for (let i = 0; i < 20; i++) l.validate(vmcp('absent'));
  assert.equal(fake.requests.length, before);
});

void test('an MCPGroup created after start is seen within 1 s', async () => {
  const { live: l } = await start();
  await eventually(() => l.notReady() === undefined, 'ready');
  assert.deepEqual(relationRules(l, vmcp('late')), ['ref-missing spec.groupRef.name']);
  const t0 = Date.now();
  fake!.put(keyFor('mcpgroups', 'team-a', 'late'), group('late'));
  await eventually(() => relationRules(l, vmcp('late')).length === 0, 'the new group seen', 1000);
  assert.ok(Date.now() - t0 < 1000);
});

void test('a toolhive CRD not installed (404, an older operator): that kind has no objects, the others sync, relation checks stay on and its gauge says synced', async () => {
  fake = await FakeApiServer.start();
  fake.setUnserved('embeddingservers', true);
  fake.put(keyFor('mcpgroups', 'team-a', 'team-tools'), group('team-tools'));
  const { live: l, registry, logs } = await start();
  await eventually(() => l.notReady() === undefined, 'ready');
  assert.match(l.details().relations!, /^on \(warn\)$/);
  assert.deepEqual(relationRules(l, vmcp('team-tools')), []);
  assert.deepEqual(relationRules(l, vmcp('team-tools', { embeddingServerRef: { name: 'embed' } })), ['ref-missing spec.embeddingServerRef.name']);
  // Its watch keeps failing with 404 meanwhile: the gauge stays 1 and nothing is logged as a failure.
  const watched = (): number => fake!.requests.filter((r) => r.path.endsWith('/embeddingservers') && r.query.get('watch') === 'true').length;
  await eventually(() => watched() >= 1, 'a watch of the unserved kind');
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.match(await registry.metrics(), /vmcp_admission_relations_synced\{kind="EmbeddingServer"\} 1/);
  assert.deepEqual(logs.filter((e) => e.message === 'relations informer failed; restarting'), []);
  assert.ok(logs.some((e) => e.level === 'debug' && /kind not served/.test(e.message)));
  // Installed later: its objects are seen after the next (slowest-retry) list.
  fake.setUnserved('embeddingservers', false);
  fake.put(keyFor('embeddingservers', 'team-a', 'embed'), { apiVersion: TH, kind: 'EmbeddingServer', metadata: { name: 'embed', namespace: 'team-a' }, spec: {} });
  await eventually(() => relationRules(l, vmcp('team-tools', { embeddingServerRef: { name: 'embed' } })).length === 0, 'the EmbeddingServer seen once its CRD is installed', 3000);
});

void test('ref-not-ready from the informer caches: status kept and followed (MCPGroup Pending -> Ready); no status, no finding; ServiceAccounts by metadata', async () => {
  fake = await FakeApiServer.start();
  fake.put(keyFor('mcpgroups', 'team-a', 'fresh'), group('fresh'));
  fake.put(keyFor('mcpgroups', 'team-a', 'slow'), { ...group('slow'), status: { phase: 'Pending' } });
  const { live: l } = await start();
  await eventually(() => l.notReady() === undefined, 'ready');
  assert.deepEqual(relationRules(l, vmcp('fresh')), []);
  const found = l.validate(vmcp('slow')).findings.filter((f) => f.origin === 'relations');
  assert.deepEqual(rules(found), ['ref-not-ready spec.groupRef.name']);
  assert.match(found[0]!.message, /MCPGroup team-a\/slow is not ready \(phase Pending\): the operator sets phase Pending/);
  fake.put(keyFor('mcpgroups', 'team-a', 'slow'), { ...group('slow'), status: { phase: 'Ready' } });
  await eventually(() => relationRules(l, vmcp('slow')).length === 0, 'the Ready status seen', 1000);
  const withSa = vmcp('fresh', { serviceAccount: 'vmcp-sa' });
  assert.deepEqual(relationRules(l, withSa), ['ref-missing spec.serviceAccount']);
  fake.put(keyFor('serviceaccounts', 'team-a', 'vmcp-sa'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'vmcp-sa', namespace: 'team-a' }, secrets: [{ name: 'tok' }] });
  await eventually(() => relationRules(l, withSa).length === 0, 'the new ServiceAccount seen', 1000);
  for (const r of fake.requests.filter((x) => x.path.endsWith('/serviceaccounts'))) assert.match(r.accept ?? '', /as=PartialObjectMetadata/, r.path);
});

void test('API server unreachable at start: ready without relations after the bounded wait, says why, then relations once it answers', async () => {
  fake = await FakeApiServer.start();
  fake.setDown(true);
  const { live: l, logs, registry } = await start({ relationsSyncTimeoutMs: 300 });
  // Every related kind reports 0 from the start (an alert needs a 0, not an absent series).
  assert.match(await registry.metrics(), /^vmcp_admission_relations_synced\{kind="MCPGroup"\} 0$/m);
  assert.doesNotMatch(await registry.metrics(), /vmcp_admission_schema_fallback/, 'not following the CRD: no fallback gauge');
  assert.match(l.notReady() ?? '', /relation caches syncing/);
  const t0 = Date.now();
  await eventually(() => l.notReady() === undefined, 'ready without relations', 2000);
  assert.ok(Date.now() - t0 < 1500, 'bounded wait');
  assert.match(l.details().relations!, /^not synced \(pending: .*MCPGroup.*\); reviews are judged without relations$/);
  assert.deepEqual(relationRules(l, vmcp('absent')), []);
  assert.ok(logs.some((e) => e.level === 'warn' && /ready without relation checks/.test(e.message)));
  assert.match(await registry.metrics(), /vmcp_admission_relations_available 0/);
  assert.match(await registry.metrics(), /vmcp_admission_relations_informer_restarts_total\{kind="MCPGroup"\} [1-9]/);
  fake.setDown(false);
  await eventually(() => relationRules(l, vmcp('absent')).length === 1, 'relations on after the API server returns', 3000);
  assert.match(await registry.metrics(), /vmcp_admission_relations_available 1/);
});

void test('watch expiry (410 Gone): the informer relists and sees what changed meanwhile', async () => {
  fake = await FakeApiServer.start();
  fake.put(keyFor('mcpgroups', 'team-a', 'one'), group('one'));
  const { live: l } = await start();
  await eventually(() => l.notReady() === undefined, 'ready');
  const lists = (): number => fake!.requests.filter((r) => r.path.endsWith('/mcpgroups') && r.query.get('watch') !== 'true').length;
  const listed = lists();
  fake.setDown(true);
  fake.put(keyFor('mcpgroups', 'team-a', 'two'), group('two'));
  fake.compact();
  fake.setDown(false);
  await eventually(() => relationRules(l, vmcp('two')).length === 0, 'relisted', 3000);
  assert.ok(lists() > listed, 'a new list after 410');
  assert.ok(fake.requests.some((r) => r.path.endsWith('/mcpgroups') && r.query.get('watch') === 'true' && Number(r.query.get('resourceVersion')) < Number(fake!.store.get(keyFor('mcpgroups', 'team-a', 'two'))!.metadata.resourceVersion)));
});

function crd(): Record<string, unknown> {
  return parse(readFileSync(new URL('../../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The CRD with `spec.newField` (string) and a CEL rule on spec: newField must not be "bad". */
function crdWithNewField(): Record<string, unknown> {
  const c = crd() as { spec: { versions: { schema: { openAPIV3Schema: { properties: { spec: Record<string, unknown> } } } }[] } };
  for (const v of c.spec.versions) {
    const spec = v.schema.openAPIV3Schema.properties.spec as { properties: Record<string, unknown>; 'x-kubernetes-validations'?: unknown[] };
    spec.properties.newField = { type: 'string' };
    (spec.properties.config as { properties: Record<string, unknown> }).properties.newKnob = { type: 'string' };
    spec['x-kubernetes-validations'] = [...(spec['x-kubernetes-validations'] ?? []), { rule: "!has(self.newField) || self.newField != 'bad'", message: 'newField must not be bad' }];
  }
  return c;
}

void test('follow the installed CRD: a new field is accepted, a new CEL rule enforced; deleted -> built-in, said in /readyz', async () => {
  fake = await FakeApiServer.start();
  fake.put(CRD_KEY, crd());
  const { live: l, registry, logs } = await start({ followCrd: true, refs: 'off' });
  await eventually(() => /^installed CRD/.test(l.details().schema!), 'installed CRD followed');
  const withNew = (value: string): Record<string, unknown> => vmcp('g', { newField: value });
  assert.ok(rules(l.validate(withNew('ok')).findings).some((r) => r.startsWith('schema-unknown-field spec.newField')), 'unknown before the update');
  const knob = vmcp('g', { config: { newKnob: 'x' } });
  assert.ok(rules(l.validate(knob).findings).some((r) => r.endsWith(' spec.config.newKnob')), 'an unknown field for the built-in schema');
  fake.put(CRD_KEY, crdWithNewField());
  const rv = String(fake.store.get(CRD_KEY)!.metadata.resourceVersion);
  await eventually(() => l.details().schema === `installed CRD (resourceVersion ${rv}, hash ${/hash (\w+)/.exec(l.details().schema!)?.[1]})`, 'updated CRD');
  assert.deepEqual(l.validate(withNew('ok')).findings.filter((f) => f.severity === 'error'), []);
  assert.ok(!rules(l.validate(withNew('ok')).findings).some((r) => r.includes('newField')), 'never reported as unknown');
  assert.ok(!rules(l.validate(knob).findings).some((r) => r.includes('newKnob')), 'a config field the installed CRD declares is no typo in strict mode');
  const bad = l.validate(withNew('bad'));
  assert.equal(bad.allowed, false);
  assert.match(bad.findings.map((f) => f.message).join('\n'), /newField must not be bad/);
  assert.match(await registry.metrics(), new RegExp(`vmcp_admission_schema_info\\{source="cluster",resource_version="${rv}",hash="[0-9a-f]{12}"\\} 1`));
  // Each switch is a log line naming the identity now active (the start-up line names the built-in one).
  const switched = logs.filter((e) => e.message === 'judging against the installed VirtualMCPServer CRD').map((e) => e.fields as Record<string, string>);
  assert.equal(switched.length, 2, 'the first read and the update');
  assert.deepEqual(
    { ...switched[1], schemaHash: undefined, hash: undefined },
    { schema: `installed CRD (resourceVersion ${rv}, hash ${switched[1]!.hash})`, schemaSource: 'cluster', schemaResourceVersion: rv, resourceVersion: rv, schemaHash: undefined, hash: undefined },
  );
  assert.match(switched[1]!.hash!, /^[0-9a-f]{12}$/);
  assert.notEqual(switched[1]!.hash, switched[0]!.hash, 'a changed spec, a new hash');
  assert.match(await registry.metrics(), /^vmcp_admission_schema_fallback 0$/m);
  fake.store.delete(CRD_KEY);
  await eventually(() => /^built-in: the CRD .* was deleted$/.test(l.details().schema!), 'fallback');
  assert.match(await registry.metrics(), new RegExp(`vmcp_admission_schema_info\\{source="builtin",resource_version="",hash="${crdCommit.slice(0, 12)}"\\} 1`));
  const back = logs.filter((e) => e.message === 'judging against the built-in VirtualMCPServer schema').at(-1)!;
  assert.equal((back.fields as Record<string, string>).schema, `built-in (ToolHive CRD ${crdCommit.slice(0, 12)})`);
  assert.match(await registry.metrics(), /^vmcp_admission_schema_fallback 1$/m);
});

void test('absent or broken installed CRD: the built-in schema, and why', async () => {
  fake = await FakeApiServer.start();
  const { live: l } = await start({ followCrd: true, refs: 'off' });
  await eventually(() => /not installed/.test(l.details().schema!), 'absent');
  const broken = crd() as { spec: { versions: unknown[] } };
  broken.spec.versions = [];
  fake.put(CRD_KEY, broken);
  await eventually(() => /^built-in: the installed CRD does not compile/.test(l.details().schema!), 'broken');
});

void test('--relations-namespace: lists and watches only that namespace (a Role suffices)', async () => {
  fake = await FakeApiServer.start();
  fake.put(keyFor('mcpgroups', 'team-a', 'g'), group('g'));
  fake.put(keyFor('mcpgroups', 'team-b', 'g'), group('g', 'team-b'));
  const { live: l } = await start({ relationsNamespace: 'team-a' });
  await eventually(() => l.notReady() === undefined && l.details().relations === 'on (warn)', 'ready');
  const paths = fake.requests.map((r) => r.path);
  assert.ok(paths.length >= 13);
  assert.ok(paths.every((p) => p.includes('/namespaces/team-a/')), paths.filter((p) => !p.includes('/namespaces/team-a/')).join(', '));
  assert.deepEqual(relationRules(l, vmcp('g')), []);
});
