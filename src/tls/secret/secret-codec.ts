// The shared Secret's layout, in one place. type kubernetes.io/tls with the conventional tls.crt,
// tls.key and ca.crt (what cert-manager also writes), plus the CA keys and rollover slots:
//   ca.key                     key of the current CA (signs leaves)
//   ca-next.crt / ca-next.key  a staged CA during rollover step 1
//   ca-previous.crt            the CA before the last rollover, kept in the bundle until replicas move
// and two annotations: the replicas' serving reports, and when the staged CA was first seen live.
import type { V1Secret } from '@kubernetes/client-node';
import type { SecretState } from './cert-plan.js';
import { caInfo, leafInfo, parseCert, parsePair, type KeyPair } from '../certs.js';
import { formatServing, parseServing, servingAnnotation } from './serving-report.js';

export const publishedAnnotation = 'vmcp-admission.stacklok.dev/next-ca-published-at';

export interface SecretContents {
  readonly ca?: KeyPair;
  readonly nextCa?: KeyPair;
  readonly previousCaCert?: string;
  readonly leaf?: KeyPair;
  readonly nextCaPublishedAt?: Date;
  readonly serving: SecretState['serving'];
}

export interface SecretRef {
  readonly namespace: string;
  readonly name: string;
}

const managedLabels = { 'app.kubernetes.io/name': 'vmcp-admission', 'app.kubernetes.io/managed-by': 'vmcp-admission' };

export function decodeSecret(secret: V1Secret): SecretContents {
  const data = secret.data ?? {};
  const text = (key: string): string | undefined => {
    const value = data[key];
    return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
  };
  const pair = (cert: string, key: string): KeyPair | undefined => {
    const c = text(cert);
    const k = text(key);
    return c === undefined || k === undefined ? undefined : { cert: c, key: k };
  };
  return {
    ca: pair('ca.crt', 'ca.key'),
    nextCa: pair('ca-next.crt', 'ca-next.key'),
    previousCaCert: text('ca-previous.crt'),
    leaf: pair('tls.crt', 'tls.key'),
    nextCaPublishedAt: parseDate(secret.metadata?.annotations?.[publishedAnnotation]),
    serving: parseServing(secret.metadata?.annotations?.[servingAnnotation]),
  };
}

function parseDate(text: string | undefined): Date | undefined {
  const date = text === undefined ? undefined : new Date(text);
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date;
}

/** A Secret body for create (no resourceVersion) or replace (carrying the one that was read). */
export function encodeSecret(ref: SecretRef, contents: SecretContents, previous?: V1Secret): V1Secret {
  const meta = previous?.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    // type is immutable: keep whatever an existing Secret has (tls.crt/tls.key exist either way).
    type: previous?.type ?? 'kubernetes.io/tls',
    metadata: {
      ...meta,
      name: ref.name,
      namespace: ref.namespace,
      labels: { ...meta.labels, ...managedLabels },
      annotations: encodeAnnotations(contents, meta.annotations),
    },
    data: encodeData(contents),
  };
}

function encodeAnnotations(contents: SecretContents, existing: Record<string, string> = {}): Record<string, string> {
  const annotations: Record<string, string> = { ...existing, [servingAnnotation]: formatServing(contents.serving) };
  delete annotations[publishedAnnotation];
  // The mark belongs to the staged CA: it goes when the CA is promoted.
  if (contents.nextCa !== undefined && contents.nextCaPublishedAt !== undefined) {
    annotations[publishedAnnotation] = contents.nextCaPublishedAt.toISOString();
  }
  return annotations;
}

function encodeData(contents: SecretContents): Record<string, string> {
  const entries: [string, string | undefined][] = [
    // kubernetes.io/tls requires both keys to exist, even while empty.
    ...pairEntries('tls', contents.leaf ?? { cert: '', key: '' }),
    ...pairEntries('ca', contents.ca),
    ...pairEntries('ca-next', contents.nextCa),
    ['ca-previous.crt', contents.previousCaCert],
  ];
  const data: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (value !== undefined) data[key] = Buffer.from(value, 'utf8').toString('base64');
  }
  return data;
}

function pairEntries(prefix: string, pair: KeyPair | undefined): [string, string | undefined][] {
  return [
    [`${prefix}.crt`, pair?.cert],
    [`${prefix}.key`, pair?.key],
  ];
}

/** Parsed view for the planner: unparsable parts are simply absent, so the plan replaces them. */
export function stateOf(contents: SecretContents): SecretState {
  const ca = parsePair(contents.ca);
  const next = parsePair(contents.nextCa);
  const previous = parseCert(contents.previousCaCert);
  const leaf = parsePair(contents.leaf);
  return {
    ca: ca === undefined ? undefined : caInfo(ca),
    nextCa: next === undefined ? undefined : caInfo(next),
    previousCa: previous === undefined ? undefined : caInfo(previous),
    leaf: leaf === undefined ? undefined : leafInfo(leaf, ca === undefined ? [] : [ca]),
    nextCaPublishedAt: contents.nextCaPublishedAt,
    serving: contents.serving,
  };
}

/** The caBundle PEM for this Secret: current, next, previous (what desiredBundle fingerprints). */
export function bundlePem(contents: SecretContents): string {
  return [contents.ca?.cert, contents.nextCa?.cert, contents.previousCaCert]
    .filter((pem): pem is string => pem !== undefined && parseCert(pem) !== undefined)
    .map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`))
    .join('');
}
