// The few pieces of ASN.1 DER (ITU-T X.690) and X.509 (RFC 5280) the certificate issuer needs: a
// TBSCertificate for an ECDSA P-256 key with the extensions this server's CA and serving
// certificates carry, and reading a certificate's subject Name back (a leaf's issuer must be the
// CA's subject byte for byte: Go's crypto/x509, the API server's client, matches names as bytes).
// Pure functions over Buffers; signing and keys stay in certs.ts (node:crypto).
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** Length octets: short form below 128, else long form. */
function lengthOf(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, content: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), lengthOf(content.length), content]);
export const sequence = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 + n, content);
const octetString = (content: Buffer): Buffer => tlv(0x04, content);
const boolTrue = tlv(0x01, Buffer.from([0xff]));

/** A non-negative INTEGER from its big-endian magnitude: minimal, with a 0x00 when the top bit is set. */
export function unsignedInteger(magnitude: Buffer): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const body = magnitude.subarray(start);
  return tlv(0x02, body.length === 0 ? Buffer.from([0]) : body[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body);
}

const smallInteger = (n: number): Buffer => unsignedInteger(Buffer.from([n]));

/** OBJECT IDENTIFIER from dotted text. */
export function objectId(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const base128 = (v: number): number[] => {
    const out = [v & 0x7f];
    for (let rest = Math.floor(v / 128); rest > 0; rest = Math.floor(rest / 128)) out.unshift(0x80 | (rest & 0x7f));
    return out;
  };
  return tlv(0x06, Buffer.from([40 * arcs[0]! + arcs[1]!, ...arcs.slice(2)].flatMap(base128)));
}

/** BIT STRING of named bits (bit 0 is the first byte's top bit), trailing zero bits dropped as DER requires. */
export function namedBits(bits: readonly number[]): Buffer {
  if (bits.length === 0) return tlv(0x03, Buffer.from([0]));
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const b of bits) bytes[Math.floor(b / 8)]! |= 0x80 >> b % 8;
  return tlv(0x03, Buffer.concat([Buffer.from([7 - (highest % 8)]), bytes]));
}

const bitString = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));

/** UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5), to the second, in UTC. */
export function x509Time(d: Date): Buffer {
  // Outside these years neither form says the date (UTCTime reads 1950-2049; GeneralizedTime has 4 digits).
  if (!Number.isFinite(d.getTime()) || d.getUTCFullYear() < 1950 || d.getUTCFullYear() > 9999) throw new RangeError(`certificate validity: ${String(d)} is not a date between 1950 and 9999`);
  const two = (n: number): string => String(n).padStart(2, '0');
  const rest = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
  const year = d.getUTCFullYear();
  return year < 2050 ? tlv(0x17, Buffer.from(`${two(year % 100)}${rest}`, 'ascii')) : tlv(0x18, Buffer.from(`${year}${rest}`, 'ascii'));
}

/** A Name of one common name (UTF8String). */
export const commonName = (cn: string): Buffer => sequence(set(sequence(objectId('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));

export const ECDSA_WITH_SHA256 = sequence(objectId('1.2.840.10045.4.3.2'));

const extension = (oid: string, critical: boolean, value: Buffer): Buffer => sequence(objectId(oid), ...(critical ? [boolTrue] : []), octetString(value));

/** The 8 groups of an IPv6 address (`::` expanded, a dotted IPv4 tail as two groups); throws for anything else. */
function ipv6Groups(host: string): number[] {
  if (host.includes('%')) throw new RangeError(`certificate address "${host}" has a zone, which a certificate cannot carry`);
  const [head = '', tail = ''] = host.split('::');
  const groups = (s: string): number[] =>
    s === '' ? [] : s.split(':').flatMap((g) => (g.includes('.') ? ((o) => [(o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!])(g.split('.').map(Number)) : [parseInt(g, 16)]));
  const h = groups(head);
  const t = host.includes('::') ? groups(tail) : [];
  const all = [...h, ...Array<number>(Math.max(0, 8 - h.length - t.length)).fill(0), ...t];
  if (all.length !== 8 || !all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)) throw new RangeError(`certificate address "${host}" is not an IPv6 address of 8 groups`);
  return all;
}

/** subjectAltName entries: dNSName [2] for names, iPAddress [7] for IPv4/IPv6 addresses. */
function generalName(host: string): Buffer {
  const family = isIP(host);
  if (family === 4) return tlv(0x87, Buffer.from(host.split('.').map(Number)));
  if (family === 6) return tlv(0x87, Buffer.from(ipv6Groups(host).flatMap((g) => [g >> 8, g & 0xff])));
  // An IA5String of printable ASCII (Go's crypto/x509 rejects a certificate with any other dNSName).
  if (!/^[\x21-\x7e]+$/.test(host) || host.startsWith('[')) throw new RangeError(`certificate name "${host}" is not a DNS name of printable ASCII`);
  return tlv(0x82, Buffer.from(host, 'ascii'));
}

export interface TbsFields {
  /** Positive serial number, big-endian. */
  readonly serial: Buffer;
  /** The issuer's Name, DER (the CA's own subject for a self-signed one). */
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SubjectPublicKeyInfo, DER (node:crypto's spki export). */
  readonly publicKey: Buffer;
  /** The issuer's SubjectPublicKeyInfo (authorityKeyIdentifier); absent: self-signed, the subject's own. */
  readonly issuerPublicKey?: Buffer;
  /** A CA (basicConstraints cA, path length 0; keyCertSign, cRLSign) or a TLS server certificate for `hosts`. */
  readonly profile: { readonly ca: true } | { readonly ca: false; readonly hosts: readonly string[] };
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits. */
export function keyIdentifier(spki: Buffer): Buffer {
  const outer = elementAt(spki, 0);
  const bits = elementAt(spki, elementAt(spki, outer.contentStart).end); // after the AlgorithmIdentifier
  return createHash('sha1').update(spki.subarray(bits.contentStart + 1, bits.end)).digest();
}

/** The TBSCertificate (X.509 v3) to sign with ECDSA-SHA256. */
export function tbsCertificate(f: TbsFields): Buffer {
  // Key identifiers: RFC 5280 asks for them (subject on CAs, authority on what a CA issues), strict verifiers check.
  const keyIds = [
    extension('2.5.29.14', false, octetString(keyIdentifier(f.publicKey))),
    extension('2.5.29.35', false, sequence(tlv(0x80, keyIdentifier(f.issuerPublicKey ?? f.publicKey)))),
  ];
  const extensions =
    f.profile.ca
      ? [
          extension('2.5.29.19', true, sequence(boolTrue, smallInteger(0))),
          extension('2.5.29.15', true, namedBits([0, 5, 6])), // digitalSignature, keyCertSign, cRLSign
        ]
      : [
          extension('2.5.29.19', true, sequence()),
          extension('2.5.29.15', true, namedBits([0, 2])), // digitalSignature, keyEncipherment
          extension('2.5.29.37', false, sequence(objectId('1.3.6.1.5.5.7.3.1'))), // serverAuth
          extension('2.5.29.17', false, sequence(...f.profile.hosts.map(generalName))),
        ];
  return sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(f.serial),
    ECDSA_WITH_SHA256,
    f.issuer,
    sequence(x509Time(f.notBefore), x509Time(f.notAfter)),
    f.subject,
    f.publicKey,
    explicit(3, sequence(...extensions, ...keyIds)),
  );
}

/** The Certificate: TBS, algorithm, signature (ECDSA's DER signature as the BIT STRING). */
export const certificate = (tbs: Buffer, signature: Buffer): Buffer => sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));

/** One element at `offset`: its whole encoding and where its content starts and ends. */
function elementAt(der: Buffer, offset: number): { readonly end: number; readonly contentStart: number } {
  const first = der[offset + 1];
  if (first === undefined) throw new Error('DER: truncated');
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    // DER only: no indefinite length (0x80), no length beyond 4 octets.
    if (count === 0 || count > 4) throw new Error('DER: not a definite length of at most 4 octets');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > der.length) throw new Error('DER: truncated');
  return { end, contentStart };
}

/** A certificate's subject Name, DER, exactly as encoded (the issuer a certificate it signs must name). */
export function subjectOf(certificateDer: Buffer): Buffer {
  const tbs = elementAt(certificateDer, elementAt(certificateDer, 0).contentStart);
  let at = tbs.contentStart;
  if (certificateDer[at] === 0xa0) at = elementAt(certificateDer, at).end; // version
  for (let i = 0; i < 4; i++) at = elementAt(certificateDer, at).end; // serial, signature, issuer, validity
  return certificateDer.subarray(at, elementAt(certificateDer, at).end);
}
