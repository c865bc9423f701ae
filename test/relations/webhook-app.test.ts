// The live relations inside the webhook app: /readyz waits for the caches (503 with the reason), then
// says which relations and schema are active; a review of a VirtualMCPServer whose groupRef names no
// MCPGroup is allowed with the ref-missing warning (--refs warn) or denied (--refs deny).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { buildApp } from '../../src/webhook/app.js';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { engineFor } from '../../src/webhook/run-serve.js';
import { builtinSchemaIdentity, schemaFields } from '../../src/webhook/schema-identity.js';
import { startLive, type Live } from '../../src/webhook/live-relations.js';
import { FakeApiServer } from '../kube/fake-apiserver.js';
import { keyFor } from '../kube/fake-routes.js';
import { eventually, memoryLogger } from '../kube/harness.js';
import { crdCommit } from '../../src/build-info.js';

let fake: FakeApiServer | undefined;
let live: Live | undefined;
afterEach(async () => {
  await live?.stop();
  await fake?.close();
});

const TH = 'toolhive.stacklok.dev/v1beta1';
const gvk = { group: 'toolhive.stacklok.dev', version: 'v1beta1', kind: 'VirtualMCPServer' };
const reviewOf = (groupName: string): Record<string, unknown> => ({
  apiVersion: 'admission.k8s.io/v1',
  kind: 'AdmissionReview',
  request: {
    uid: 'b3f8f0a4-7c2e-4d43-9b55-1f3c9e0a7d11',
    kind: gvk,
    resource: { group: gvk.group, version: gvk.version, resource: 'virtualmcpservers' },
    name: 'gw',
    namespace: 'team-a',
    operation: 'CREATE',
    userInfo: { username: 'alice' },
    object: { apiVersion: TH, kind: 'VirtualMCPServer', metadata: { name: 'gw', namespace: 'team-a' }, spec: { groupRef: { name: groupName }, incomingAuth: { type: 'anonymous' } } },
    oldObject: null,
    dryRun: false,
  },
});

async function app(refs: 'warn' | 'deny'): Promise<ReturnType<typeof buildApp>> {
  fake = await FakeApiServer.start();
  fake.put(keyFor('mcpgroups', 'team-a', 'team-tools'), { apiVersion: TH, kind: 'MCPGroup', metadata: { name: 'team-tools', namespace: 'team-a' }, spec: {} });
  const registry = new Registry();
  live = startLive({
    config: { refs, relationsNamespace: '', relationsSyncTimeoutMs: 3000, followCrd: false },
    kubeConfig: fake.kubeConfig(),
    logger: memoryLogger([]),
    registry,
    builtin: await loadBuiltinSchemas(),
    builtinIdentity: builtinSchemaIdentity,
    schemaFields,
    engineFor: (schemas) => engineFor({ mode: 'strict', verdictCache: 0 }, schemas),
    timings: { requestTimeoutMs: 1000, retryInitialMs: 20, retryMaxMs: 100, rewatchMs: 60_000 },
  });
  const l = live;
  return buildApp({ validate: l.validate, logger: pino({ level: 'silent' }), registry, notReady: () => l.notReady(), readyDetails: () => l.details() });
}

void test('/readyz: 503 while the caches sync, then ready with the relations and schema in use; a review warns', async () => {
  const a = await app('warn');
  fake!.setStalled(true);
  const syncing = await a.inject({ method: 'GET', url: '/readyz' });
  assert.equal(syncing.statusCode, 503);
  assert.match(syncing.json<{ reason: string }>().reason, /^relation caches syncing \(pending: /);
  fake!.setStalled(false);
  // The stalled requests time out (1 s) and the informers retry.
  await eventually(() => live!.notReady() === undefined && live!.details().relations === 'on (warn)', 'synced', 5000);
  const ready = await a.inject({ method: 'GET', url: '/readyz' });
  assert.deepEqual(ready.json(), { status: 'ready', relations: 'on (warn)', schema: `built-in (ToolHive CRD ${crdCommit.slice(0, 12)}), --follow-crd=false` });
  const ok = await a.inject({ method: 'POST', url: '/validate', payload: reviewOf('team-tools') });
  assert.deepEqual([ok.json().response.allowed, ok.json().response.warnings], [true, undefined]);
  const missing = await a.inject({ method: 'POST', url: '/validate', payload: reviewOf('absent') });
  assert.equal(missing.json().response.allowed, true);
  assert.match(missing.json().response.warnings[0], /^spec\.groupRef\.name: Not found: "absent": MCPGroup team-a\/absent not found/);
  await a.close();
});

void test('--refs deny: a missing reference denies the review', async () => {
  const a = await app('deny');
  await eventually(() => live!.details().relations === 'on (deny)', 'synced', 5000);
  const denied = await a.inject({ method: 'POST', url: '/validate', payload: reviewOf('absent') });
  assert.equal(denied.json().response.allowed, false);
  assert.match(denied.json().response.status.message, /spec\.groupRef\.name: Not found: "absent"/);
  await a.close();
});
