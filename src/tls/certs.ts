// THE certificate issuer (local bootstrap and in-cluster Secret alike), and inspection: node:crypto
// for keys, signatures and reading (X509Certificate), tls/der.ts for the certificate's encoding. ECDSA
// P-256 keys: accepted by every API server TLS client, and generated in milliseconds, so replicas
// racing to create a CA waste little.
import { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { certificate, commonName, subjectOf, tbsCertificate, type TbsFields } from './der.js';
import type { CaInfo, LeafInfo } from './secret/cert-plan.js';

export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const pem = (label: string, der: Buffer): string => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;

/** A new P-256 key pair and a certificate for its public key, signed by `signer` (the new key itself for a CA). */
function issue(fields: Omit<TbsFields, 'serial' | 'publicKey'>, signer?: string): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  // 16 random bytes, top bit clear: a positive serial of up to 127 bits, unique in practice (RFC 5280: <= 20 octets).
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const tbs = tbsCertificate({ ...fields, serial, publicKey: publicKey.export({ type: 'spki', format: 'der' }) });
  const signingKey = signer === undefined ? privateKey : createPrivateKey(signer);
  // The certificate says ecdsa-with-SHA256: any other key would sign something no client verifies.
  if (signingKey.asymmetricKeyType !== 'ec' || signingKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error(`the CA key is ${signingKey.asymmetricKeyType ?? 'unknown'} ${signingKey.asymmetricKeyDetails?.namedCurve ?? ''}, not an ECDSA P-256 key`.replace(/ +,/, ','));
  const signature = sign('sha256', tbs, signingKey);
  return { cert: pem('CERTIFICATE', certificate(tbs, signature)), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/** A CA named uniquely: clients that trust an old and a new CA during a rotation must not confuse them. */
export function issueCa(validity: Validity, name = `vmcp-admission-ca@${Math.floor(validity.notBefore.getTime() / 1000)}`): Promise<KeyPair> {
  const subject = commonName(name);
  // Deferred: a failure is the promise's rejection, as callers expect of an issuer.
  return Promise.resolve().then(() => issue({ issuer: subject, subject, ...validity, profile: { ca: true } }));
}

/** A serving certificate for DNS names and IP addresses, signed by `ca` (whose subject it names as issuer, byte for byte). */
export function issueLeaf(ca: KeyPair, hosts: readonly string[], validity: Validity): Promise<KeyPair> {
  return Promise.resolve().then(() => {
    const caCert = new X509Certificate(ca.cert);
    const issuer = subjectOf(caCert.raw);
    const issuerPublicKey = caCert.publicKey.export({ type: 'spki', format: 'der' });
    return issue({ issuer, issuerPublicKey, subject: commonName(hosts[0] ?? 'vmcp-admission'), ...validity, profile: { ca: false, hosts: hosts.length > 0 ? hosts : ['vmcp-admission'] } }, ca.key);
  });
}

/** Lowercase hex SHA-256 of the DER, without colons. */
export function fingerprintOf(cert: X509Certificate): string {
  return cert.fingerprint256.replaceAll(':', '').toLowerCase();
}

/** Parses a PEM certificate; undefined for anything that is not one (never throws on bad data). */
export function parseCert(pem: string | undefined): X509Certificate | undefined {
  if (pem === undefined || !pem.includes('-----BEGIN CERTIFICATE-----')) return undefined;
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

export function caInfo(cert: X509Certificate): CaInfo {
  return { fingerprint: fingerprintOf(cert), notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) };
}

/** Leaf facts, with `issuer` set to the fingerprint of whichever candidate CA verifies it. */
export function leafInfo(leaf: X509Certificate, cas: readonly X509Certificate[]): LeafInfo {
  const issuer = cas.find((ca) => issuedBy(leaf, ca));
  return {
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
    issuer: issuer === undefined ? undefined : fingerprintOf(issuer),
    dnsNames: dnsNamesOf(leaf),
  };
}

export function issuedBy(leaf: X509Certificate, ca: X509Certificate): boolean {
  return leaf.checkIssued(ca) && leaf.verify(ca.publicKey);
}

function dnsNamesOf(cert: X509Certificate): string[] {
  const san = cert.subjectAltName ?? '';
  return san
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
}

/** Splits a PEM bundle (as found in caBundle) into certificates, skipping unparsable blocks. */
export function splitBundle(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    const cert = parseCert(block);
    return cert === undefined ? [] : [cert];
  });
}

/** The certificate of a key pair, when it parses and its public key matches the private key. */
export function parsePair(pair: KeyPair | undefined): X509Certificate | undefined {
  const cert = parseCert(pair?.cert);
  if (cert === undefined || pair === undefined) return undefined;
  try {
    const fromKey = createPublicKey(pair.key).export({ type: 'spki', format: 'der' });
    return fromKey.equals(cert.publicKey.export({ type: 'spki', format: 'der' })) ? cert : undefined;
  } catch {
    return undefined;
  }
}
