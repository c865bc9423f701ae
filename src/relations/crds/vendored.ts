// The vendored CRDs of the related kinds (schemas/related-crds.json, generated from upstream/toolhive/crds/
// by scripts/generate-related-crds.ts, shipped with the package and the image), compiled on first use
// per kind, so an object of such a kind in a manifest set is judged against its own schema and CEL
// rules (crd mode) instead of being skipped. This file sits three levels below the package root in
// src/, dist/ and dist/bundle/cli alike: one relative URL works, as for the built-in schemas.
import { readFileSync } from 'node:fs';
import type { SchemaProvider } from '../../core/contract.js';
import { isRecord } from '../../core/spec.js';
import { isKindsApiVersion, relatedKind } from '../kinds.js';

const FILE = new URL('../../../schemas/related-crds.json', import.meta.url);

type Loaded = { readonly provider: SchemaProvider } | { readonly error: string };
const cache = new Map<string, Loaded>();
let documents: Record<string, unknown> | undefined;

async function load(kind: string, group: string): Promise<Loaded> {
  try {
    documents ??= JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    const { schemasFromCrd } = await import('../../core/schema/from-crd.js');
    const loaded = schemasFromCrd(documents[kind], `vendored CRD of ${kind}`, { group, kind });
    return loaded.ok ? { provider: loaded.provider } : { error: loaded.error };
  } catch (e) {
    return { error: `schemas/related-crds.json: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const kindOf = (value: unknown): ReturnType<typeof relatedKind> => {
  const k = isRecord(value) && typeof value.kind === 'string' ? relatedKind(value.kind) : undefined;
  return k?.crdFile !== undefined && isKindsApiVersion(k, (value as Record<string, unknown>).apiVersion) ? k : undefined;
};

async function providerFor(kind: string, group: string): Promise<SchemaProvider> {
  let loaded = cache.get(kind);
  if (loaded === undefined) {
    loaded = await load(kind, group);
    cache.set(kind, loaded);
  }
  if ('error' in loaded) throw new Error(`cannot load the vendored CRD of ${kind}: ${loaded.error}`);
  return loaded.provider;
}

/** Compiles the vendored CRDs of the toolhive related kinds among `values` (only those); the lookup is then synchronous. Throws when a CRD cannot be read. */
export async function vendoredSchemas(values: Iterable<unknown>): Promise<(value: unknown) => SchemaProvider | undefined> {
  const providers = new Map<string, SchemaProvider>();
  for (const v of values) {
    const k = kindOf(v);
    if (k !== undefined && !providers.has(k.kind)) providers.set(k.kind, await providerFor(k.kind, k.group));
  }
  return (value) => {
    const k = kindOf(value);
    return k === undefined ? undefined : providers.get(k.kind);
  };
}
