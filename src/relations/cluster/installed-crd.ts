// The VirtualMCPServer CRD as installed in the cluster, compiled like `--crd FILE` (from-crd), with
// its identity: resourceVersion and a hash of its spec, for the log, a metric label and /readyz.
import { createHash } from 'node:crypto';
import type { SchemaProvider } from '../../core/contract.js';
import { isRecord } from '../../core/spec.js';
import { CRD_NAME } from './api.js';

export interface SchemaIdentity {
  readonly source: 'cluster' | 'builtin';
  readonly resourceVersion: string;
  /** First 12 hex digits of the SHA-256 of the CRD's spec (JSON). */
  readonly hash: string;
}

export type CompiledCrd = { readonly ok: true; readonly provider: SchemaProvider; readonly identity: SchemaIdentity } | { readonly ok: false; readonly error: string };

export function identityOf(crd: unknown): SchemaIdentity {
  const rv = isRecord(crd) && isRecord(crd.metadata) && typeof crd.metadata.resourceVersion === 'string' ? crd.metadata.resourceVersion : '';
  const spec = isRecord(crd) ? crd.spec : undefined;
  return { source: 'cluster', resourceVersion: rv, hash: createHash('sha256').update(JSON.stringify(spec ?? null)).digest('hex').slice(0, 12) };
}

export async function compileClusterCrd(crd: unknown): Promise<CompiledCrd> {
  const identity = identityOf(crd);
  const { schemasFromCrd } = await import('../../core/schema/from-crd.js');
  const compiled = schemasFromCrd(crd, `installed CRD ${CRD_NAME} (resourceVersion ${identity.resourceVersion})`);
  return compiled.ok ? { ok: true, provider: compiled.provider, identity } : { ok: false, error: compiled.error };
}
