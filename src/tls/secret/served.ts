// What a replica serves from the Secret: the leaf and key, with the CA that verifies it. A leaf
// that no CA in the Secret verifies is never served (it would fail every API server call anyway).
import type { TlsMaterial } from '../source.js';
import type { CaInfo } from './cert-plan.js';
import { caInfo, issuedBy, parsePair } from '../certs.js';
import type { SecretContents } from './secret-codec.js';

export interface Served {
  readonly material: TlsMaterial;
  readonly ca: CaInfo;
}

export function servedMaterial(contents: SecretContents): Served | undefined {
  const leaf = parsePair(contents.leaf);
  const ca = parsePair(contents.ca);
  if (leaf === undefined || ca === undefined || contents.leaf === undefined || contents.ca === undefined) return undefined;
  if (!issuedBy(leaf, ca)) return undefined;
  return {
    material: { cert: contents.leaf.cert, key: contents.leaf.key, ca: contents.ca.cert, notAfter: new Date(leaf.validTo) },
    ca: caInfo(ca),
  };
}

/** Short fingerprint for logs. */
export function short(fingerprint: string): string {
  return fingerprint.slice(0, 16);
}
