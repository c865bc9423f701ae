// The pure certificate plan, driven by an injected clock: what the shared Secret needs next.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { desiredBundle, planSecret, replicasBehind, type CaInfo, type LeafInfo, type SecretState } from '../../../src/tls/secret/cert-plan.js';
import { defaultPolicy, renewAt, resolvePolicy } from '../../../src/tls/secret/policy.js';

const day = 86_400_000;
const t0 = Date.parse('2030-01-01T00:00:00Z');
const at = (days: number): Date => new Date(t0 + days * day);
const names = ['svc', 'svc.ns', 'svc.ns.svc', 'svc.ns.svc.cluster.local'];
const policy = resolvePolicy({ caValidityMs: 90 * day, leafValidityMs: 30 * day, caPropagationMs: day });

const ca = (fingerprint: string, fromDay = 0, validDays = 90): CaInfo => ({ fingerprint, notBefore: at(fromDay), notAfter: at(fromDay + validDays) });
const leaf = (issuer: string | undefined, fromDay = 0, validDays = 30, dnsNames = names): LeafInfo => ({
  notBefore: at(fromDay),
  notAfter: at(fromDay + validDays),
  issuer,
  dnsNames,
});
const steady: SecretState = { ca: ca('ca1'), leaf: leaf('ca1'), serving: new Map() };
const plan = (state: SecretState | undefined, day: number, live: string[] | undefined = ['ca1']): string => {
  const step = planSecret({ state, liveBundle: live && new Set(live), now: at(day), policy, dnsNames: names });
  return 'reason' in step ? `${step.kind}: ${step.reason}` : step.kind;
};

void describe('planSecret', () => {
  const cases: [string, SecretState | undefined, number, string][] = [
    ['no Secret', undefined, 0, 'create'],
    ['a Secret without a usable CA', { serving: new Map() }, 0, 'regenerate: the Secret holds no usable CA'],
    ['an expired CA', steady, 90, 'regenerate: the CA has expired'],
    ['a fresh leaf of the current CA', steady, 1, 'none'],
    ['a leaf at two thirds of its life', steady, 20.1, 'renewLeaf: the serving certificate is due for renewal'],
    ['an expired leaf', steady, 31, 'renewLeaf: the serving certificate has expired'],
    ['no leaf', { ca: ca('ca1'), serving: new Map() }, 1, 'renewLeaf: the Secret holds no usable serving certificate'],
    ['a leaf of another CA', { ...steady, leaf: leaf(undefined) }, 1, 'renewLeaf: the serving certificate was not issued by the current CA'],
    ['a leaf for other names', { ...steady, leaf: leaf('ca1', 0, 30, ['old.ns.svc']) }, 1, 'renewLeaf: the serving certificate names differ from the Service names'],
    ['a CA at two thirds of its life', { ...steady, leaf: leaf('ca1', 55) }, 60.1, 'stageNextCa'],
  ];
  for (const [name, state, day, expected] of cases) {
    void test(`${name} -> ${expected}`, () => assert.equal(plan(state, day), expected));
  }
});

void describe('CA rollover', () => {
  const staged: SecretState = { ca: ca('ca1'), nextCa: ca('ca2', 61), leaf: leaf('ca1', 55), serving: new Map() };
  void test('a staged CA waits until the live bundle holds it', () => {
    assert.equal(plan(staged, 61, ['ca1']), 'none');
    assert.equal(plan(staged, 61, undefined), 'none');
  });
  void test('the first replica to see it live records when', () => assert.equal(plan(staged, 61, ['ca1', 'ca2']), 'markNextCaPublished'));
  void test('promotion waits caPropagationMs after publication', () => {
    const published = { ...staged, nextCaPublishedAt: at(61) };
    assert.equal(plan(published, 61.5, ['ca1', 'ca2']), 'none');
    assert.equal(plan(published, 62, ['ca1', 'ca2']), 'promoteNextCa');
  });
  void test('a leaf renewal of the current CA still happens while a CA is staged', () => {
    assert.equal(plan({ ...staged, leaf: leaf('ca1', 35) }, 61, ['ca1']), 'renewLeaf: the serving certificate is due for renewal');
  });

  const promoted = (serving: SecretState['serving']): SecretState => ({ ca: ca('ca2', 61), previousCa: ca('ca1'), leaf: leaf('ca2', 62), serving });
  const fresh = (caFp: string, day: number): { ca: string; at: Date } => ({ ca: caFp, at: at(day) });
  void test('the previous CA stays while a live replica still serves a leaf of it', () => {
    const serving = new Map([['a', fresh('ca2', 63)], ['b', fresh('ca1', 63)]]);
    assert.equal(plan(promoted(serving), 63.005, ['ca2', 'ca1']), 'none');
  });
  void test('it goes once every live replica serves the new CA', () => {
    const serving = new Map([['a', fresh('ca2', 63)], ['b', fresh('ca2', 63)]]);
    assert.equal(plan(promoted(serving), 63.005, ['ca2', 'ca1']), 'dropPreviousCa: every replica serves a leaf of the current CA');
  });
  void test('a replica whose report went stale no longer holds it back', () => {
    const serving = new Map([['a', fresh('ca2', 63)], ['gone', fresh('ca1', 62)]]);
    assert.equal(plan(promoted(serving), 62.005, ['ca2', 'ca1']), 'none');
    assert.equal(plan(promoted(serving), 63.005, ['ca2', 'ca1']), 'dropPreviousCa: every replica serves a leaf of the current CA');
  });
  void test('replicas get caPropagationMs to see the promoted leaf before anything is dropped', () => {
    assert.equal(plan(promoted(new Map()), 62.5, ['ca2', 'ca1']), 'none');
  });
  void test('no new rollover starts while the previous one is unfinished', () => {
    const stuck: SecretState = { ca: ca('ca2', 61), previousCa: ca('ca1', 60), leaf: leaf('ca2', 120), serving: new Map([['b', fresh('ca1', 121.295)]]) };
    assert.equal(plan(stuck, 121.3, ['ca2', 'ca1']), 'none');
    assert.equal(plan({ ...stuck, previousCa: undefined }, 121.3, ['ca2']), 'stageNextCa');
  });
  void test('the bundle holds current, next and previous, current first', () => {
    assert.deepEqual(desiredBundle({ ...staged, previousCa: ca('ca0') }), ['ca1', 'ca2', 'ca0']);
    assert.deepEqual(desiredBundle(steady), ['ca1']);
  });
});

void test('replicasBehind lists fresh replicas on another CA, sorted', () => {
  const serving = new Map([
    ['z', { ca: 'old', at: at(10) }],
    ['a', { ca: 'old', at: at(10) }],
    ['n', { ca: 'new', at: at(10) }],
    ['stale', { ca: 'old', at: at(9) }],
  ]);
  assert.deepEqual(replicasBehind(serving, 'new', at(10.1), 0.5 * day), ['a', 'z']);
});

void test('policy: defaults are 10 years / 1 year renewed at two thirds, and bad values are refused', () => {
  assert.equal(defaultPolicy.caValidityMs, 3650 * day);
  assert.equal(defaultPolicy.leafValidityMs, 365 * day);
  assert.deepEqual(renewAt(at(0), at(365), 2 / 3), new Date(t0 + (365 * day * 2) / 3));
  assert.throws(() => resolvePolicy({ leafRenewFraction: 1 }), /leafRenewFraction must be between 0 and 1/);
  assert.throws(() => resolvePolicy({ leafValidityMs: 4000 * day }), /leafValidityMs must be shorter/);
});
