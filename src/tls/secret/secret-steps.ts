// Turns a planned step into the next Secret contents. Issuing keys is the only effect here; the
// write (and what happens if another replica wrote first) is the controller's business.
import type { Step } from './cert-plan.js';
import { issueCa, issueLeaf, parsePair, type KeyPair, type Validity } from '../certs.js';
import type { CertPolicy } from './policy.js';
import type { SecretContents } from './secret-codec.js';

export interface StepContext {
  readonly now: Date;
  readonly policy: CertPolicy;
  readonly dnsNames: readonly string[];
}

type Change = (current: SecretContents, ctx: StepContext) => Promise<SecretContents> | SecretContents;

const changes: Record<Exclude<Step['kind'], 'create' | 'regenerate'>, Change> = {
  stageNextCa: async (current, ctx) => ({ ...current, nextCa: await issueCa(caValidity(ctx)) }),
  markNextCaPublished: (current, ctx) => ({ ...current, nextCaPublishedAt: ctx.now }),
  promoteNextCa: promote,
  renewLeaf: async (current, ctx) => ({ ...current, leaf: await leafFrom(needCa(current.ca), ctx) }),
  dropPreviousCa: (current) => ({ ...current, previousCaCert: undefined }),
  none: (current) => current,
};

export async function applyStep(step: Step, contents: SecretContents | undefined, ctx: StepContext): Promise<SecretContents> {
  if (step.kind === 'create' || step.kind === 'regenerate') return fresh(contents?.serving ?? new Map(), ctx);
  return changes[step.kind](need(contents), ctx);
}

async function fresh(serving: SecretContents['serving'], ctx: StepContext): Promise<SecretContents> {
  const ca = await issueCa(caValidity(ctx));
  return { ca, leaf: await leafFrom(ca, ctx), serving };
}

async function promote(contents: SecretContents, ctx: StepContext): Promise<SecretContents> {
  const next = needCa(contents.nextCa);
  const leaf = await leafFrom(next, ctx);
  return { ca: next, leaf, previousCaCert: contents.ca?.cert, serving: contents.serving };
}

function caValidity(ctx: StepContext): Validity {
  const now = ctx.now.getTime();
  return { notBefore: new Date(now - ctx.policy.backdateMs), notAfter: new Date(now + ctx.policy.caValidityMs) };
}

/** A leaf never outlives its CA, so leaf renewal always comes before CA expiry. */
async function leafFrom(ca: KeyPair, ctx: StepContext): Promise<KeyPair> {
  const now = ctx.now.getTime();
  const caNotAfter = new Date(needCert(ca).validTo).getTime();
  const validity = {
    notBefore: new Date(now - ctx.policy.backdateMs),
    notAfter: new Date(Math.min(now + ctx.policy.leafValidityMs, caNotAfter)),
  };
  return issueLeaf(ca, ctx.dnsNames, validity);
}

function need(contents: SecretContents | undefined): SecretContents {
  if (contents === undefined) throw new Error('bug: step planned for a Secret that was not read');
  return contents;
}

function needCa(ca: KeyPair | undefined): KeyPair {
  if (ca === undefined) throw new Error('bug: leaf planned without a CA');
  return ca;
}

function needCert(pair: KeyPair): NonNullable<ReturnType<typeof parsePair>> {
  const cert = parsePair(pair);
  if (cert === undefined) throw new Error('bug: CA key pair does not parse');
  return cert;
}
