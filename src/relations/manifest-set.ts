// Provider 1: the world of one CLI run — every object of every input (files, directories, stdin; List
// items included), e.g. a whole `kustomize build`. An object counts for a kind only with that kind's
// group (toolhive: v1alpha1 or v1beta1; core: v1), as the operator's typed client would see it.
// ConfigMaps keep their `data` (the authz ConfigMap's key is checked, RELATIONS.md a.3 row 4); a
// Secret's data is never kept and no object's `status` is (the API server ignores it on create).
import { isRecord } from '../core/spec.js';
import { isKindsApiVersion, relatedKind } from './kinds.js';
import { relatedObject, worldOf, type RelatedObject, type World } from './world.js';

/** The related objects among decoded manifests (anything else is ignored). */
export function relatedObjectsOf(values: Iterable<unknown>): RelatedObject[] {
  const out: RelatedObject[] = [];
  for (const v of values) {
    const k = isRecord(v) && typeof v.kind === 'string' ? relatedKind(v.kind) : undefined;
    const o = k !== undefined && isKindsApiVersion(k, (v as Record<string, unknown>).apiVersion) ? relatedObject(k.kind, v, { data: true }) : undefined;
    if (o !== undefined) out.push(o);
  }
  return out;
}

export function manifestWorld(values: Iterable<unknown>): World {
  return worldOf(relatedObjectsOf(values));
}
