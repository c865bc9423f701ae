// The read-only "world" of related objects a relation check looks things up in: by kind, namespace
// and name, or all of a kind in a namespace. Providers (a manifest set, informer caches, a one-shot
// cluster list) build one; the rules never know which. An undefined namespace (a manifest without
// `metadata.namespace`, whose namespace the kubectl context decides) matches any namespace, so that
// a finding is made only when no namespace could hold the target.
import { isRecord, type JsonRecord } from '../core/spec.js';

export interface RelatedObject {
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly spec: JsonRecord;
  /**
   * The status the cluster reports (cluster providers only). A manifest's status is never kept: the
   * API server ignores it on create (status subresource), so a manifest says nothing about readiness.
   */
  readonly status?: JsonRecord;
  /** A ConfigMap's `data` (manifest set only; clusters are read by metadata only): `{}` when it has none. */
  readonly data?: JsonRecord;
}

/** What a provider keeps besides the name and spec. */
export interface Keep {
  /** `status` (cluster providers). */
  readonly status?: boolean;
  /** A ConfigMap's `data` (the manifest set; never a Secret's). */
  readonly data?: boolean;
}

export interface World {
  get(kind: string, namespace: string | undefined, name: string): RelatedObject | undefined;
  list(kind: string, namespace: string | undefined): readonly RelatedObject[];
}

/** What `keep` asks for of a value's status and data. */
function kept(kind: string, value: JsonRecord, keep: Keep): Pick<RelatedObject, 'status' | 'data'> {
  const status = keep.status === true && isRecord(value.status) ? { status: value.status } : {};
  const data = keep.data === true && kind === 'ConfigMap' ? { data: isRecord(value.data) ? value.data : {} } : {};
  return { ...status, ...data };
}

/** A related object from plain data (a manifest, a cached API object), or undefined when it has no name. */
export function relatedObject(kind: string, value: unknown, keep: Keep = {}): RelatedObject | undefined {
  if (!isRecord(value) || !isRecord(value.metadata)) return undefined;
  const { name, namespace } = value.metadata;
  if (typeof name !== 'string' || name === '') return undefined;
  const ns = typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
  return { kind, namespace: ns, name, spec: isRecord(value.spec) ? value.spec : {}, ...kept(kind, value, keep) };
}

const sameNamespace = (o: RelatedObject, namespace: string | undefined): boolean => namespace === undefined || o.namespace === undefined || o.namespace === namespace;

/** An in-memory world over a fixed set of objects (a manifest set, a snapshot of a cluster). */
export function worldOf(objects: Iterable<RelatedObject>): World {
  const byKind = new Map<string, RelatedObject[]>();
  for (const o of objects) {
    const list = byKind.get(o.kind) ?? [];
    list.push(o);
    byKind.set(o.kind, list);
  }
  const list = (kind: string, namespace: string | undefined): RelatedObject[] => (byKind.get(kind) ?? []).filter((o) => sameNamespace(o, namespace));
  return {
    get: (kind, namespace, name) => list(kind, namespace).find((o) => o.name === name),
    list,
  };
}

/** Two worlds seen as one (a manifest set over a cluster): the first answer wins. */
export function layered(top: World, bottom: World): World {
  return {
    get: (kind, namespace, name) => top.get(kind, namespace, name) ?? bottom.get(kind, namespace, name),
    list: (kind, namespace) => {
      const seen = top.list(kind, namespace);
      const names = new Set(seen.map((o) => `${o.namespace ?? ''}/${o.name}`));
      return [...seen, ...bottom.list(kind, namespace).filter((o) => !names.has(`${o.namespace ?? ''}/${o.name}`))];
    },
  };
}
