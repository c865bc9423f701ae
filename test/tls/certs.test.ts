// Issuing and inspecting certificates with an injected clock (no wall-clock dependence).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { caInfo, issueCa, issueLeaf, issuedBy, leafInfo, parseCert, parsePair, splitBundle } from '../../src/tls/certs.js';

const from = new Date('2031-05-01T00:00:00Z');
const until = (days: number): Date => new Date(from.getTime() + days * 86_400_000);

void test('a CA and a leaf it issues: validity, names, chain, usage', async () => {
  const ca = await issueCa({ notBefore: from, notAfter: until(3650) });
  const leaf = await issueLeaf(ca, ['svc.ns.svc', 'svc'], { notBefore: from, notAfter: until(365) });
  const caCert = parsePair(ca)!;
  const leafCert = parsePair(leaf)!;
  assert.equal(caCert.ca, true);
  assert.equal(leafCert.ca, false);
  assert.deepEqual(caInfo(caCert).notAfter, until(3650));
  const info = leafInfo(leafCert, [caCert]);
  assert.deepEqual(info, { notBefore: from, notAfter: until(365), issuer: caInfo(caCert).fingerprint, dnsNames: ['svc.ns.svc', 'svc'] });
  assert.equal(issuedBy(leafCert, caCert), true);
  assert.match(leafCert.toLegacyObject().ext_key_usage?.join(',') ?? '', /1\.3\.6\.1\.5\.5\.7\.3\.1/); // serverAuth
});

void test('a leaf is not attributed to a CA that did not sign it', async () => {
  const [one, other] = await Promise.all([issueCa({ notBefore: from, notAfter: until(10) }), issueCa({ notBefore: from, notAfter: until(10) })]);
  const leaf = parsePair(await issueLeaf(one, ['a'], { notBefore: from, notAfter: until(5) }))!;
  assert.equal(leafInfo(leaf, [parseCert(other.cert)!]).issuer, undefined);
});

void test('parsing never throws: junk, mismatched keys and mixed bundles', async () => {
  const ca = await issueCa({ notBefore: from, notAfter: until(10) });
  const other = await issueCa({ notBefore: from, notAfter: until(10) });
  assert.equal(parseCert('junk'), undefined);
  assert.equal(parseCert('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'), undefined);
  assert.equal(parsePair({ cert: ca.cert, key: other.key }), undefined);
  assert.equal(parsePair({ cert: ca.cert, key: 'not a key' }), undefined);
  const bundle = `${ca.cert}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${other.cert}`;
  assert.deepEqual(
    splitBundle(bundle).map((c) => c.fingerprint256),
    [new X509Certificate(ca.cert).fingerprint256, new X509Certificate(other.cert).fingerprint256],
  );
});
