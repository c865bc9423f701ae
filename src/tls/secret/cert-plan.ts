// PURE: what the shared Secret needs next, from its parsed contents, the live caBundle and the
// clock. The shell applies one step at a time with optimistic concurrency and plans again, so every
// replica can run this at once: the first write wins and the others re-read and see nothing to do.
//
// CA rollover, in three writes, so the caBundle always verifies what every replica serves:
//   1. stageNextCa    next CA added to the Secret; the bundle becomes [current, next]
//   1b. markNextCaPublished  the first replica to see next in the live bundle records the time
//   2. promoteNextCa  caPropagationMs after that: leaf from next, previous = old; the bundle
//                     stays [next, old]
//   3. dropPreviousCa once every live replica reports serving a leaf of the new CA; bundle [new]
import { renewAt, type CertPolicy } from './policy.js';

export interface CaInfo {
  /** SHA-256 fingerprint, the identity used in bundles and serving reports. */
  readonly fingerprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface LeafInfo {
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Fingerprint of the Secret's CA that issued and verifies this leaf; undefined when none does. */
  readonly issuer: string | undefined;
  readonly dnsNames: readonly string[];
}

export interface ServingEntry {
  /** Fingerprint of the CA that issued the leaf the replica serves. */
  readonly ca: string;
  readonly at: Date;
}

export interface SecretState {
  readonly ca?: CaInfo;
  readonly nextCa?: CaInfo;
  readonly previousCa?: CaInfo;
  readonly leaf?: LeafInfo;
  /** When a replica first saw nextCa in the live caBundle (recorded in the Secret). */
  readonly nextCaPublishedAt?: Date;
  readonly serving: ReadonlyMap<string, ServingEntry>;
}

export type Step =
  | { readonly kind: 'create' }
  | { readonly kind: 'regenerate'; readonly reason: string }
  | { readonly kind: 'stageNextCa' }
  | { readonly kind: 'markNextCaPublished' }
  | { readonly kind: 'promoteNextCa' }
  | { readonly kind: 'renewLeaf'; readonly reason: string }
  | { readonly kind: 'dropPreviousCa'; readonly reason: string }
  | { readonly kind: 'none' };

export interface PlanInput {
  readonly state: SecretState | undefined;
  /** CA fingerprints in the live caBundle; undefined while the configuration cannot be read. */
  readonly liveBundle: ReadonlySet<string> | undefined;
  readonly now: Date;
  readonly policy: CertPolicy;
  readonly dnsNames: readonly string[];
}

const none: Step = { kind: 'none' };

export function planSecret(input: PlanInput): Step {
  const { state, now } = input;
  if (state === undefined) return { kind: 'create' };
  if (state.ca === undefined) return { kind: 'regenerate', reason: 'the Secret holds no usable CA' };
  if (now >= state.ca.notAfter) return { kind: 'regenerate', reason: 'the CA has expired' };
  return planRollover(state, state.ca, input) ?? planLeaf(state, state.ca, input) ?? planDrop(state, state.ca, input);
}

function planRollover(state: SecretState, ca: CaInfo, input: PlanInput): Step | undefined {
  const { policy, now } = input;
  if (state.nextCa !== undefined) {
    if (input.liveBundle?.has(state.nextCa.fingerprint) !== true) return undefined;
    if (state.nextCaPublishedAt === undefined) return { kind: 'markNextCaPublished' };
    const settled = now.getTime() >= state.nextCaPublishedAt.getTime() + policy.caPropagationMs;
    return settled ? { kind: 'promoteNextCa' } : undefined;
  }
  // A rollover still waiting for replicas to move finishes before the next one starts.
  if (state.previousCa !== undefined) return undefined;
  return now >= renewAt(ca.notBefore, ca.notAfter, policy.caRenewFraction) ? { kind: 'stageNextCa' } : undefined;
}

function planLeaf(state: SecretState, ca: CaInfo, input: PlanInput): Step | undefined {
  const reason = leafProblem(state.leaf, ca, input);
  return reason === undefined ? undefined : { kind: 'renewLeaf', reason };
}

/** Why the leaf must be reissued from the current CA, or undefined when it is fine. */
export function leafProblem(leaf: LeafInfo | undefined, ca: CaInfo, input: PlanInput): string | undefined {
  if (leaf === undefined) return 'the Secret holds no usable serving certificate';
  if (leaf.issuer !== ca.fingerprint) return 'the serving certificate was not issued by the current CA';
  if (input.now >= leaf.notAfter) return 'the serving certificate has expired';
  if (input.now >= renewAt(leaf.notBefore, leaf.notAfter, input.policy.leafRenewFraction)) {
    return 'the serving certificate is due for renewal';
  }
  if (!sameNames(leaf.dnsNames, input.dnsNames)) return 'the serving certificate names differ from the Service names';
  return undefined;
}

function planDrop(state: SecretState, ca: CaInfo, input: PlanInput): Step {
  const previous = state.previousCa;
  if (previous === undefined || state.leaf === undefined) return none;
  if (input.now >= previous.notAfter) return { kind: 'dropPreviousCa', reason: 'the previous CA has expired' };
  // Give every replica time to see the promoted leaf (watch delay) and report it.
  const settledAt = state.leaf.notBefore.getTime() + input.policy.backdateMs + input.policy.caPropagationMs;
  if (input.now.getTime() < settledAt) return none;
  const behind = replicasBehind(state.serving, ca.fingerprint, input.now, input.policy.servingStaleMs);
  return behind.length === 0 ? { kind: 'dropPreviousCa', reason: 'every replica serves a leaf of the current CA' } : none;
}

/** Replicas with a fresh report that still serve a leaf of some other CA. */
export function replicasBehind(
  serving: ReadonlyMap<string, ServingEntry>,
  caFingerprint: string,
  now: Date,
  staleMs: number,
): string[] {
  const behind: string[] = [];
  for (const [pod, entry] of serving) {
    const fresh = now.getTime() - entry.at.getTime() < staleMs;
    if (fresh && entry.ca !== caFingerprint) behind.push(pod);
  }
  return behind.sort();
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((name, i) => name === right[i]);
}

/** The CAs the caBundle must hold for this Secret, current first (fingerprints). */
export function desiredBundle(state: SecretState): string[] {
  return [state.ca, state.nextCa, state.previousCa].flatMap((ca) => (ca === undefined ? [] : [ca.fingerprint]));
}
