// THE certificate issuer (local bootstrap and in-cluster Secret alike), and inspection: selfsigned (on WebCrypto) to issue, node:crypto's
// X509Certificate to read. ECDSA P-256 keys: accepted by every API server TLS client, and
// generated in milliseconds, so replicas racing to create a CA waste little.
import { X509Certificate, createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';
import type { CaInfo, LeafInfo } from './secret/cert-plan.js';

export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A CA named uniquely: clients that trust an old and a new CA during a rotation must not confuse them. */
export async function issueCa(validity: Validity, commonName = `vmcp-admission-ca@${Math.floor(validity.notBefore.getTime() / 1000)}`): Promise<KeyPair> {
  const made = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: validity.notBefore,
    notAfterDate: validity.notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: made.cert, key: made.private };
}

const altName = (host: string): { type: 2; value: string } | { type: 7; ip: string } => (isIP(host) === 0 ? { type: 2, value: host } : { type: 7, ip: host });

/** A serving certificate for DNS names and IP addresses, signed by `ca`. */
export async function issueLeaf(ca: KeyPair, hosts: readonly string[], validity: Validity): Promise<KeyPair> {
  const made = await generate([{ name: 'commonName', value: hosts[0] ?? 'vmcp-admission' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: validity.notBefore,
    notAfterDate: validity.notAfter,
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map(altName) },
    ],
  });
  return { cert: made.cert, key: made.private };
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
