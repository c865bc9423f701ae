// caBundle injection: read the named ValidatingWebhookConfiguration, compare the CAs every webhook
// in it trusts with what the Secret says, and patch only on a difference. Our field manager then
// owns exactly caBundle, which is why the manifest never sets it (GitOps tools leave it alone).
import type { V1ValidatingWebhookConfiguration } from '@kubernetes/client-node';
import { fingerprintOf, splitBundle } from '../certs.js';
import type { KubeApi } from '../../kube/kube-api.js';

/** CA fingerprints trusted by every webhook of the configuration (a CA only some trust is not live). */
export function liveFingerprints(config: V1ValidatingWebhookConfiguration): Set<string> {
  const perWebhook = (config.webhooks ?? []).map((hook) => {
    const pem = Buffer.from(hook.clientConfig.caBundle ?? '', 'base64').toString('utf8');
    return new Set(splitBundle(pem).map(fingerprintOf));
  });
  const [first, ...rest] = perWebhook;
  if (first === undefined) return new Set();
  return new Set([...first].filter((fp) => rest.every((set) => set.has(fp))));
}

export function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  const wanted = new Set(b);
  return a.size === wanted.size && [...a].every((fp) => wanted.has(fp));
}

export type BundleSync =
  | { readonly kind: 'missing' }
  | { readonly kind: 'in-sync'; readonly live: Set<string> }
  | { readonly kind: 'injected'; readonly live: Set<string>; readonly before: Set<string> };

/** Makes the live caBundle hold exactly `fingerprints` (whose PEMs are `pem`). */
export async function syncCaBundle(api: KubeApi, webhookName: string, pem: string, fingerprints: readonly string[]): Promise<BundleSync> {
  const config = await api.readWebhookConfiguration(webhookName);
  if (config === undefined) return { kind: 'missing' };
  const before = liveFingerprints(config);
  if (sameSet(before, fingerprints)) return { kind: 'in-sync', live: before };
  const names = (config.webhooks ?? []).map((hook) => hook.name);
  const patched = await api.patchCaBundle(webhookName, names, Buffer.from(pem, 'utf8').toString('base64'));
  return { kind: 'injected', live: liveFingerprints(patched), before };
}
