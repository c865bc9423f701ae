// The client-node calls src/kube makes, against the fake API server: protocol answers (404 absent,
// 409 lost race) become values, anything else is thrown and described without bodies or headers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { V1Secret } from '@kubernetes/client-node';
import { describeApiError, makeKubeApi } from '../../src/kube/kube-api.js';
import { FakeApiServer } from './fake-apiserver.js';
import { seedWebhookConfiguration, webhookName } from './harness.js';

let fake: FakeApiServer;
const options = { fieldManager: 'vmcp-admission', requestTimeoutMs: 2000 };
before(async () => {
  fake = await FakeApiServer.start();
  seedWebhookConfiguration(fake);
});
after(() => fake.close());

const secret = (resourceVersion?: string): V1Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'kubernetes.io/tls',
  metadata: { name: 'tls', namespace: 'ns', ...(resourceVersion === undefined ? {} : { resourceVersion }) },
  data: { 'tls.crt': '', 'tls.key': '' },
});

void test('Secrets: 404 is absent, create conflicts on AlreadyExists, replace on a stale resourceVersion', async () => {
  const api = makeKubeApi(fake.kubeConfig(), options);
  assert.equal(await api.readSecret('ns', 'tls'), undefined);
  const created = await api.createSecret(secret());
  assert.notEqual(created, 'conflict');
  const rv = (created as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
  assert.match(rv ?? '', /^\d+$/);
  assert.equal(await api.createSecret(secret()), 'conflict');
  const replaced = await api.replaceSecret(secret(rv));
  assert.notEqual(replaced, 'conflict');
  assert.equal(await api.replaceSecret(secret(rv)), 'conflict', 'the resourceVersion moved on');
  assert.equal((await api.readSecret('ns', 'tls'))?.metadata?.resourceVersion, (replaced as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion);
});

void test('caBundle is set by a strategic merge patch with our field manager, leaving the rest alone', async () => {
  const api = makeKubeApi(fake.kubeConfig(), options);
  const before = await api.readWebhookConfiguration(webhookName);
  const hook = before!.webhooks![0]!;
  const patched = await api.patchCaBundle(webhookName, [hook.name], Buffer.from('pem').toString('base64'));
  assert.equal(patched.webhooks?.[0]?.clientConfig.caBundle, Buffer.from('pem').toString('base64'));
  assert.deepEqual(patched.webhooks?.[0]?.rules, hook.rules);
  assert.deepEqual(patched.webhooks?.[0]?.matchConditions, hook.matchConditions);
  const call = fake.requests.findLast((r) => r.method === 'PATCH')!;
  assert.equal(call.contentType, 'application/strategic-merge-patch+json');
  assert.equal(call.query.get('fieldManager'), 'vmcp-admission');
  assert.equal(await api.readWebhookConfiguration('absent'), undefined);
});

void test('other failures are thrown; their description carries status and reason only', async () => {
  const api = makeKubeApi(fake.kubeConfig(), options);
  const err = await api.replaceSecret({ ...secret(), metadata: { name: 'absent', namespace: 'ns' } }).then(
    () => assert.fail('expected a 404'),
    (e: unknown) => e,
  );
  assert.deepEqual(describeApiError(err), { status: 404, reason: 'NotFound' });
  fake.setDown(true);
  const down = await api.readSecret('ns', 'tls').then(
    () => assert.fail('expected a network error'),
    (e: unknown) => e,
  );
  fake.setDown(false);
  assert.deepEqual(Object.keys(describeApiError(down)), ['error', 'message']);
  assert.match(describeApiError(down).error ?? '', /^(ECONNRESET|FetchError|EPIPE)$/);
});

void test('a call to an API server that never answers is abandoned after requestTimeoutMs', async () => {
  const api = makeKubeApi(fake.kubeConfig(), { ...options, requestTimeoutMs: 150 });
  fake.setStalled(true);
  const started = Date.now();
  const err = await api.readSecret('ns', 'tls').then(
    () => assert.fail('expected a timeout'),
    (e: unknown) => e,
  );
  fake.setStalled(false);
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 140 && elapsed < 2000, `abandoned after ${elapsed} ms`);
  assert.equal(describeApiError(err).error, 'AbortError');
});

void test('the fake answers Status objects like the API server', async () => {
  const response = await fetch(`${fake.url}/api/v1/namespaces/ns/secrets/nope`);
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'secrets "nope" not found',
    reason: 'NotFound',
    details: { name: 'nope', kind: 'secrets' },
    code: 404,
  });
});
