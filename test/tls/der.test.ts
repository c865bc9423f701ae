// The DER writer behind the certificate issuer (src/tls/der.ts): encodings checked byte for byte
// against X.690/RFC 5280 examples, and whole certificates against two independent readers, Node.js's
// X509Certificate and, where installed, `openssl verify` (a TLS server certificate chain).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commonName, namedBits, objectId, subjectOf, tlv, unsignedInteger, x509Time } from '../../src/tls/der.js';
import { issueCa, issueLeaf } from '../../src/tls/certs.js';

const hex = (b: Buffer): string => b.toString('hex');

void test('lengths: short form below 128, long form from 128 (one and two length octets)', () => {
  assert.equal(hex(tlv(0x04, Buffer.alloc(127))).slice(0, 4), '047f');
  assert.equal(hex(tlv(0x04, Buffer.alloc(128))).slice(0, 6), '048180');
  assert.equal(hex(tlv(0x04, Buffer.alloc(300))).slice(0, 8), '0482012c');
});

void test('INTEGER: minimal, positive (0x00 before a set top bit), zero', () => {
  assert.equal(hex(unsignedInteger(Buffer.from([0, 0, 5]))), '020105');
  assert.equal(hex(unsignedInteger(Buffer.from([0x80]))), '02020080');
  assert.equal(hex(unsignedInteger(Buffer.from([0, 0]))), '020100');
});

void test('OBJECT IDENTIFIER: ecdsa-with-SHA256, commonName, serverAuth', () => {
  assert.equal(hex(objectId('1.2.840.10045.4.3.2')), '06082a8648ce3d040302');
  assert.equal(hex(objectId('2.5.4.3')), '0603550403');
  assert.equal(hex(objectId('1.3.6.1.5.5.7.3.1')), '06082b06010505070301');
});

void test('named BIT STRING: trailing zero bits dropped and counted (key usages)', () => {
  assert.equal(hex(namedBits([0, 5, 6])), '03020186'); // digitalSignature, keyCertSign, cRLSign
  assert.equal(hex(namedBits([0, 2])), '030205a0'); // digitalSignature, keyEncipherment
  assert.equal(hex(namedBits([8])), '0303070080'); // a second octet, 7 unused bits
});

void test('time: UTCTime through 2049, GeneralizedTime from 2050', () => {
  assert.equal(x509Time(new Date('2049-12-31T23:59:59Z')).toString('latin1'), '\x17\x0d491231235959Z');
  assert.equal(x509Time(new Date('2050-01-01T00:00:00Z')).toString('latin1'), '\x18\x0f20500101000000Z');
});

void test('a leaf names its CA\'s subject as issuer byte for byte; SANs, usages and validity read back', async () => {
  const ca = await issueCa({ notBefore: new Date('2031-01-01T00:00:00Z'), notAfter: new Date('2055-01-01T00:00:00Z') }, 'vmcp-admission local CA ü');
  const leaf = await issueLeaf(ca, ['svc.ns.svc', '127.0.0.1', '::1', 'fd00::a:1', '::ffff:192.0.2.1'], { notBefore: new Date('2031-01-01T00:00:00Z'), notAfter: new Date('2032-01-01T00:00:00Z') });
  const caCert = new X509Certificate(ca.cert);
  const leafCert = new X509Certificate(leaf.cert);
  assert.ok(subjectOf(caCert.raw).equals(commonName('vmcp-admission local CA ü')));
  assert.equal(leafCert.issuer, caCert.subject);
  assert.ok(leafCert.checkIssued(caCert) && leafCert.verify(caCert.publicKey));
  assert.equal(leafCert.subjectAltName, 'DNS:svc.ns.svc, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:FD00:0:0:0:0:0:A:1, IP Address:0:0:0:0:0:FFFF:C000:201');
  assert.equal(leafCert.checkHost('svc.ns.svc'), 'svc.ns.svc');
  assert.equal(leafCert.checkIP('::1'), '::1');
  assert.equal(caCert.ca, true);
  assert.equal(leafCert.ca, false);
  assert.deepEqual([new Date(caCert.validTo), new Date(leafCert.validTo)], [new Date('2055-01-01T00:00:00Z'), new Date('2032-01-01T00:00:00Z')]);
  assert.deepEqual(leafCert.keyUsage, ['1.3.6.1.5.5.7.3.1']);
  assert.notEqual(caCert.serialNumber, leafCert.serialNumber);
});

const openssl = ((): boolean => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

void test('openssl verifies the chain for a TLS server and parses both certificates strictly', { skip: openssl ? false : 'openssl is not installed' }, async () => {
  const now = Date.now();
  const ca = await issueCa({ notBefore: new Date(now - 60_000), notAfter: new Date(now + 86_400_000) });
  const leaf = await issueLeaf(ca, ['vmcp-admission.vmcp-system.svc'], { notBefore: new Date(now - 60_000), notAfter: new Date(now + 3_600_000) });
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-der-'));
  try {
    writeFileSync(join(dir, 'ca.crt'), ca.cert);
    writeFileSync(join(dir, 'tls.crt'), leaf.cert);
    const out = execFileSync('openssl', ['verify', '-x509_strict', '-CAfile', join(dir, 'ca.crt'), '-purpose', 'sslserver', '-verify_hostname', 'vmcp-admission.vmcp-system.svc', join(dir, 'tls.crt')], { encoding: 'utf8' });
    assert.match(out, /tls\.crt: OK/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('what a certificate cannot say is refused, not encoded wrongly: zones, malformed IPv6, non-ASCII names, dates, OIDs past 2.47', async () => {
  const ca = await issueCa({ notBefore: new Date('2031-01-01T00:00:00Z'), notAfter: new Date('2032-01-01T00:00:00Z') });
  const validity = { notBefore: new Date('2031-01-01T00:00:00Z'), notAfter: new Date('2031-06-01T00:00:00Z') };
  for (const host of ['fe80::1%eth0', 'fe80::1%a.b', '[::1]', 'bücher.example', 'a b']) await assert.rejects(issueLeaf(ca, [host], validity), RangeError, host);
  for (const d of [new Date('1949-12-31T23:59:59Z'), new Date(Number.NaN), new Date('+010000-01-01T00:00:00Z')]) assert.throws(() => x509Time(d), RangeError, String(d));
  assert.equal(hex(objectId('2.999.3')), '0603883703'); // X.690's example: the first sub-identifier (1079) in base 128
});

void test('the issuer refuses a CA key that is not ECDSA P-256 (the certificate says ecdsa-with-SHA256)', async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  const ca = await issueCa({ notBefore: new Date('2031-01-01T00:00:00Z'), notAfter: new Date('2032-01-01T00:00:00Z') });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const validity = { notBefore: new Date('2031-01-01T00:00:00Z'), notAfter: new Date('2031-06-01T00:00:00Z') };
  await assert.rejects(issueLeaf({ cert: ca.cert, key: rsa }, ['svc'], validity), /the CA key is rsa, not an ECDSA P-256 key/);
  await assert.rejects(issueLeaf({ cert: ca.cert, key: p384 }, ['svc'], validity), /the CA key is ec secp384r1, not an ECDSA P-256 key/);
});
