// Scenarios for `--cert-source secret` against the fake API server (see fake-apiserver.ts for the
// contract it follows): replicas starting together, an expired leaf at start, an unreachable API.
import assert from 'node:assert/strict';
import { connect, createServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, test } from 'node:test';
import { issueCa, issueLeaf, parseCert, fingerprintOf } from '../../../src/tls/certs.js';
import { encodeSecret, decodeSecret } from '../../../src/tls/secret/secret-codec.js';
import { serviceDnsNames } from '../../../src/tls/secret/source.js';
import type { TlsMaterial } from '../../../src/tls/source.js';
import type { FakeApiServer } from '../../kube/fake-apiserver.js';
import { caOf, Clock, eventually, namespace, secretKey, secretName, startReplica, startSeededFake, stopAll, storedBundle, webhookKey, type LogEntry, type Replica } from '../../kube/harness.js';

const day = 86_400_000;
let fake: FakeApiServer;
let replicas: Replica[] = [];
beforeEach(async () => {
  fake = await startSeededFake();
  replicas = [];
});
afterEach(() => stopAll(fake, replicas));

async function metric(replica: Replica, name: string, labels: Record<string, string> = {}): Promise<number> {
  const found = (await replica.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (found?.values ?? []) as { value: number; labels: Record<string, string> }[];
  return values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((sum, v) => sum + v.value, 0);
}

/** A real TLS handshake: server with the replica's material, client trusting only the live caBundle. */
async function handshake(material: TlsMaterial, bundle: string): Promise<void> {
  const server = createServer({ cert: material.cert, key: material.key }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      const port = (server.address() as AddressInfo).port;
      const socket = connect({ port, host: '127.0.0.1', ca: bundle, servername: `vmcp-admission.${namespace}.svc` }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', reject);
    });
  } finally {
    server.close();
  }
}

function liveBundlePem(): string {
  const b64 = fake.store.get(webhookKey)?.webhooks[0].clientConfig.caBundle as string;
  return Buffer.from(b64, 'base64').toString('utf8');
}

void test('three replicas starting at the same time converge on one CA and one leaf', async () => {
  const clock = new Clock();
  replicas = await Promise.all(['pod-a', 'pod-b', 'pod-c'].map((pod) => startReplica(fake, clock, pod)));
  const [a, b, c] = replicas as [Replica, Replica, Replica];
  assert.equal(fake.store.get(secretKey)?.metadata.uid !== undefined, true);
  assert.equal(caOf(b.source), caOf(a.source));
  assert.equal(caOf(c.source), caOf(a.source));
  assert.equal(b.source.current()?.cert, a.source.current()?.cert);
  let created = 0;
  for (const r of replicas) created += await metric(r, 'vmcp_admission_kube_rotations_total', { step: 'create' });
  assert.equal(created, 1, 'exactly one replica won the create');
  await eventually(() => replicas.every((r) => r.source.ready()), 'every replica ready');
  assert.deepEqual(storedBundle(fake), [caOf(a.source)]);
  await handshake(a.source.current()!, liveBundlePem());
  const leaf = parseCert(a.source.current()!.cert)!;
  assert.deepEqual(leaf.subjectAltName?.split(', '), serviceDnsNames('vmcp-admission', namespace).map((n) => `DNS:${n}`));
  await eventually(() => decodeSecret(fake.store.get(secretKey)!).serving.size === 3, 'every replica reported');
  assert.deepEqual([...decodeSecret(fake.store.get(secretKey)!).serving.values()].map((e) => e.ca), Array(3).fill(caOf(a.source)));
  assert.ok(fake.requests.every((r) => !r.path.endsWith('/secrets') || r.method === 'POST' || r.query.get('watch') === 'true'), 'no list calls');
  const warnings = replicas.flatMap((r) => r.logs).filter((l) => l.level === 'warn');
  assert.deepEqual(warnings, [], 'lost races (409) are routine, not failures');
  await a.source.close();
  assert.equal(decodeSecret(fake.store.get(secretKey)!).serving.has('pod-a'), false, 'a closing replica withdraws its report');
});

void test('an expired leaf at start is renewed from the existing CA before it is served', async () => {
  const clock = new Clock();
  const now = clock.now().getTime();
  const ca = await issueCa({ notBefore: new Date(now - 400 * day), notAfter: new Date(now + 3000 * day) });
  const leaf = await issueLeaf(ca, serviceDnsNames('vmcp-admission', namespace), { notBefore: new Date(now - 400 * day), notAfter: new Date(now - 35 * day) });
  fake.store.create(secretKey, encodeSecret({ namespace, name: secretName }, { ca, leaf, serving: new Map() }));
  const replica = await startReplica(fake, clock, 'pod-a');
  replicas = [replica];
  const served = replica.source.current()!;
  assert.ok(served.notAfter.getTime() > now + 300 * day, `renewed leaf valid for about a year, got ${served.notAfter.toISOString()}`);
  assert.equal(caOf(replica.source), fingerprintOf(parseCert(ca.cert)!), 'same CA kept');
  assert.equal(await metric(replica, 'vmcp_admission_kube_rotations_total', { step: 'renewLeaf' }), 1);
  assert.equal(await metric(replica, 'vmcp_admission_kube_leaf_expiry_timestamp_seconds'), served.notAfter.getTime() / 1000);
  await eventually(() => replica.source.ready(), 'ready');
});

void test('an API server unreachable at start and later: retried with backoff, logged without secrets, recovered', async () => {
  const clock = new Clock();
  fake.setDown(true);
  const logs: LogEntry[] = [];
  const failures = (): LogEntry[] => logs.filter((l) => l.message === 'Kubernetes API call failed; retrying');
  const starting = startReplica(fake, clock, 'pod-a', { logs });
  await eventually(() => failures().length >= 3, 'retries while the API server is down');
  fake.setDown(false);
  const replica = await starting;
  replicas = [replica];
  assert.deepEqual(Object.keys(failures()[0]!.fields).sort(), ['error', 'message', 'namespace', 'operation', 'retryInMs', 'secret', 'webhook']);
  const delays = failures().slice(0, 3).map((l) => (l.fields as { retryInMs: number }).retryInMs);
  assert.ok(delays[2]! > delays[0]!, `backoff grows: ${delays.join(', ')} ms`);
  await eventually(() => replica.source.ready(), 'ready after start');
  const before = replica.source.current()!;

  fake.setDown(true);
  clock.advance(300 * day); // past the leaf's renewal point while the API is away
  const failed = failures().length;
  await eventually(() => failures().length >= failed + 3, 'retries while the API server is away again');
  assert.equal(replica.source.current(), before, 'keeps serving what it has');
  assert.ok(await metric(replica, 'vmcp_admission_kube_api_errors_total') >= 3);
  fake.setDown(false);
  await eventually(() => replica.source.current() !== before, 'leaf renewed after the API returned');
  assert.ok(replica.source.current()!.notAfter > before.notAfter);
  await eventually(() => replica.source.ready(), 'ready again');
  const logged = JSON.stringify(logs);
  assert.doesNotMatch(logged, /BEGIN|PRIVATE|fake-token|authorization/i, 'no key material, tokens or headers in logs');
  assert.ok(logs.some((l) => l.message === 'watch failed; restarting'), 'watches were restarted');
});

void test('an API server that stops answering (black hole) times out, is retried, and is recovered from', async () => {
  const clock = new Clock();
  const logs: LogEntry[] = [];
  const replica = await startReplica(fake, clock, 'pod-a', { logs, timings: { resyncMs: 50, heartbeatMs: 60_000, retryInitialMs: 20, retryMaxMs: 200, requestTimeoutMs: 100 } });
  replicas = [replica];
  const before = replica.source.current()!;
  fake.setStalled(true);
  clock.advance(300 * day);
  await eventually(() => logs.filter((l) => (l.fields as { error?: string }).error === 'AbortError').length >= 2, 'calls abandoned after the request timeout');
  assert.equal(replica.source.current(), before);
  fake.setStalled(false);
  await eventually(() => replica.source.current() !== before, 'leaf renewed once the API server answers again');
});

void test('startup can be aborted while the API server is unreachable', async () => {
  fake.setDown(true);
  const controller = new AbortController();
  const starting = startReplica(fake, new Clock(), 'pod-a', { signal: controller.signal });
  await new Promise((resolve) => setTimeout(resolve, 50));
  controller.abort();
  await assert.rejects(starting, /aborted before a serving certificate was loaded/);
});
