// The shared Secret's layout: encode/decode round trip, state for the planner, bundle PEM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueCa, issueLeaf } from '../../../src/tls/certs.js';
import { bundlePem, decodeSecret, encodeSecret, publishedAnnotation, stateOf } from '../../../src/tls/secret/secret-codec.js';
import { servingAnnotation } from '../../../src/tls/secret/serving-report.js';

const from = new Date('2031-05-01T00:00:00Z');
const validity = { notBefore: from, notAfter: new Date('2032-05-01T00:00:00Z') };
const ref = { namespace: 'ns', name: 'tls' };

void test('encodes a kubernetes.io/tls Secret that decodes to the same contents', async () => {
  const ca = await issueCa(validity);
  const next = await issueCa(validity);
  const leaf = await issueLeaf(ca, ['svc.ns.svc'], validity);
  const serving = new Map([['pod-a', { ca: 'abc', at: from }]]);
  const contents = { ca, nextCa: next, leaf, nextCaPublishedAt: from, serving };
  const secret = encodeSecret(ref, contents);
  assert.equal(secret.type, 'kubernetes.io/tls');
  assert.deepEqual(Object.keys(secret.data ?? {}).sort(), ['ca-next.crt', 'ca-next.key', 'ca.crt', 'ca.key', 'tls.crt', 'tls.key']);
  assert.equal(secret.metadata?.annotations?.[publishedAnnotation], from.toISOString());
  assert.deepEqual(decodeSecret(secret), { ...contents, previousCaCert: undefined });
  const state = stateOf(decodeSecret(secret));
  assert.equal(state.leaf?.issuer, state.ca?.fingerprint);
  assert.equal(bundlePem(contents), `${ca.cert.trimEnd()}\n${next.cert.trimEnd()}\n`, "one PEM per line block, newline-terminated");
});

void test('replacing keeps foreign metadata and the resourceVersion; the publication mark goes with the staged CA', async () => {
  const ca = await issueCa(validity);
  const previous = { metadata: { name: 'tls', namespace: 'ns', resourceVersion: '42', annotations: { other: 'kept', [publishedAnnotation]: 'x' } } };
  const secret = encodeSecret(ref, { ca, serving: new Map() }, previous);
  assert.equal(secret.metadata?.resourceVersion, '42');
  assert.deepEqual(secret.metadata?.annotations, { other: 'kept', [servingAnnotation]: '{}' });
  assert.equal(secret.data?.['tls.crt'], '', 'kubernetes.io/tls needs the key even while empty');
  assert.equal(encodeSecret(ref, { ca, serving: new Map() }, { ...previous, type: 'Opaque' }).type, 'Opaque', 'type is immutable');
});

void test('unusable parts are absent from the state, so the plan replaces them', async () => {
  const ca = await issueCa(validity);
  const state = stateOf({ ca: { cert: ca.cert, key: 'broken' }, leaf: { cert: 'junk', key: 'junk' }, serving: new Map() });
  assert.equal(state.ca, undefined);
  assert.equal(state.leaf, undefined);
});
