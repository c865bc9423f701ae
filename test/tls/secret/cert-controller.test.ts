// Rollover and drift scenarios against the fake API server, with an injected clock that jumps
// months in a test: CA rollover keeps both CAs in the caBundle until every replica serves the new
// one, and a caBundle overwritten by someone else is re-injected.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { fingerprintOf, issueCa, parseCert } from '../../../src/tls/certs.js';
import type { SecretState } from '../../../src/tls/secret/cert-plan.js';
import { decodeSecret, stateOf } from '../../../src/tls/secret/secret-codec.js';
import { servingAnnotation } from '../../../src/tls/secret/serving-report.js';
import type { FakeApiServer } from '../../kube/fake-apiserver.js';
import { caOf, Clock, eventually, secretKey, startReplica, startSeededFake, stopAll, storedBundle, webhookKey, type LogEntry, type Replica } from '../../kube/harness.js';
import type { Obj } from '../../kube/fake-store.js';

const day = 86_400_000;
const hour = 3_600_000;
let fake: FakeApiServer;
let replicas: Replica[] = [];
beforeEach(async () => {
  fake = await startSeededFake();
  replicas = [];
});
afterEach(() => stopAll(fake, replicas));

const secretState = (): SecretState => stateOf(decodeSecret(fake.store.get(secretKey)!));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Edits the serving annotation as another replica would: read, change, write with resourceVersion. */
async function editServing(edit: (serving: Record<string, unknown>) => void): Promise<void> {
  for (;;) {
    const secret = fake.store.get(secretKey)!;
    const serving = JSON.parse((secret.metadata.annotations[servingAnnotation] as string | undefined) ?? '{}') as Record<string, unknown>;
    edit(serving);
    secret.metadata.annotations[servingAnnotation] = JSON.stringify(serving);
    if (fake.store.update(secretKey, secret).ok) return;
    await sleep(5);
  }
}

/** Records every moment the stored caBundle does not verify what a replica serves or is about to. */
function watchInvariant(): string[] {
  const violations: string[] = [];
  fake.store.on('event', (event: { key: string; object: Obj }) => {
    const bundle = storedBundle(fake);
    if (bundle.length === 0) return; // before the first injection
    if (event.key === secretKey) {
      const issuer = stateOf(decodeSecret(event.object)).leaf?.issuer;
      if (issuer !== undefined && !bundle.includes(issuer)) violations.push(`Secret leaf from ${issuer.slice(0, 8)} not in bundle`);
    }
    for (const [i, r] of replicas.entries()) {
      if (r.source.current() !== undefined && !bundle.includes(caOf(r.source))) violations.push(`replica ${i} serves a CA not in the bundle`);
    }
  });
  return violations;
}

void test('CA rollover: both CAs stay in the bundle until every replica serves a leaf of the new one', async () => {
  const clock = new Clock();
  const policy = { caValidityMs: 90 * day, leafValidityMs: 80 * day, leafRenewFraction: 0.9, caPropagationMs: hour, servingStaleMs: 3 * hour };
  replicas = await Promise.all(['pod-a', 'pod-b'].map((pod) => startReplica(fake, clock, pod, { policy })));
  const violations = watchInvariant();
  const ca1 = caOf(replicas[0]!.source);
  await eventually(() => replicas.every((r) => r.source.ready()), 'ready');

  clock.advance(61 * day); // past two thirds of the CA's 90 days: stage the next CA
  await eventually(() => secretState().nextCaPublishedAt !== undefined, 'next CA staged, injected and marked published');
  const ca2 = secretState().nextCa!.fingerprint;
  assert.deepEqual(new Set(storedBundle(fake)), new Set([ca1, ca2]));
  assert.deepEqual(replicas.map((r) => caOf(r.source)), [ca1, ca1], 'leaves stay on the old CA until promotion');

  clock.advance(2 * hour); // caPropagationMs after publication: promote
  await eventually(() => replicas.every((r) => caOf(r.source) === ca2), 'both replicas serve a leaf of the new CA');
  assert.equal(secretState().previousCa?.fingerprint, ca1);
  // A third replica that has not moved yet (its watch is slow) still serves the old CA.
  await editServing((s) => (s['pod-slow'] = { ca: ca1, at: clock.now().toISOString() }));
  clock.advance(2 * hour); // past the settling time, but pod-slow's report is fresh
  await sleep(300);
  assert.deepEqual(new Set(storedBundle(fake)), new Set([ca2, ca1]), 'old CA kept while pod-slow serves it');
  assert.equal(replicas.every((r) => r.source.ready()), true);

  await editServing((s) => delete s['pod-slow']); // it moved on (or went away)
  await eventually(() => storedBundle(fake).length === 1, 'old CA dropped from the bundle');
  assert.deepEqual(storedBundle(fake), [ca2]);
  assert.equal(secretState().previousCa, undefined);
  assert.deepEqual(violations, []);
  let steps = 0;
  for (const step of ['stageNextCa', 'markNextCaPublished', 'promoteNextCa', 'dropPreviousCa']) {
    for (const r of replicas) {
      const m = (await r.registry.getMetricsAsJSON()).find((x) => x.name === 'vmcp_admission_kube_rotations_total');
      steps += (m?.values ?? []).filter((v) => v.labels.step === step).reduce((sum, v) => sum + v.value, 0);
    }
  }
  assert.equal(steps, 4, 'each rollover step written exactly once across replicas');
});

void test('a caBundle overwritten by someone else is re-injected; their other changes are kept', async () => {
  const clock = new Clock();
  replicas = [await startReplica(fake, clock, 'pod-a')];
  const [replica] = replicas as [Replica];
  await eventually(() => replica.source.ready(), 'ready');
  const ours = caOf(replica.source);
  const foreign = await issueCa({ notBefore: clock.now(), notAfter: new Date(clock.now().getTime() + day) });
  const config = fake.store.get(webhookKey)!;
  config.webhooks[0].clientConfig.caBundle = Buffer.from(foreign.cert).toString('base64');
  config.webhooks[0].timeoutSeconds = 3;
  assert.equal(fake.store.update(webhookKey, config).ok, true);

  const injections = (): LogEntry[] => replica.logs.filter((l) => l.message === 'caBundle injected');
  await eventually(() => injections().length === 2, 're-injected');
  assert.deepEqual(storedBundle(fake), [ours]);
  assert.equal(fake.store.get(webhookKey)!.webhooks[0].timeoutSeconds, 3, 'only caBundle is ours');
  assert.deepEqual((injections()[1]!.fields as { before: string[] }).before, [fingerprintOf(parseCert(foreign.cert)!).slice(0, 16)]);
  const errors = (await replica.registry.getMetricsAsJSON()).find((m) => m.name === 'vmcp_admission_kube_cabundle_injections_total');
  assert.equal(errors?.values[0]?.value, 2);
  await eventually(() => replica.source.ready(), 'ready again');

  const cleared = fake.store.get(webhookKey)!;
  delete cleared.webhooks[0].clientConfig.caBundle;
  fake.store.update(webhookKey, cleared);
  await eventually(() => storedBundle(fake)[0] === ours, 're-injected after the bundle was removed');
});
