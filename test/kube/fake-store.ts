// Object store behind fake-apiserver.ts: one resourceVersion counter for every object (as etcd's
// revision), optimistic concurrency on update, and an event stream for watches.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/explicit-module-boundary-types -- arbitrary JSON objects, as the API server sees them */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

export type Obj = Record<string, any>;
export interface StoreEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly key: string;
  readonly object: Obj;
}
export type Outcome = { ok: true; object: Obj } | { ok: false; code: 404 | 409; reason: 'NotFound' | 'AlreadyExists' | 'Conflict' };

export class FakeStore extends EventEmitter {
  private readonly objects = new Map<string, Obj>();
  private revision = 100;

  get(key: string): Obj | undefined {
    const found = this.objects.get(key);
    return found === undefined ? undefined : structuredClone(found);
  }

  /** Keys under a prefix (a collection), sorted. */
  keys(prefix: string): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  create(key: string, object: Obj): Outcome {
    if (this.objects.has(key)) return { ok: false, code: 409, reason: 'AlreadyExists' };
    const meta = { ...object.metadata, uid: randomUUID(), creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
    return { ok: true, object: this.commit('ADDED', key, { ...object, metadata: meta }) };
  }

  /** PUT: a resourceVersion in the body must match the stored one (absent = unconditional). */
  update(key: string, object: Obj): Outcome {
    const current = this.objects.get(key);
    if (current === undefined) return { ok: false, code: 404, reason: 'NotFound' };
    const sent = object.metadata?.resourceVersion;
    if (sent !== undefined && sent !== current.metadata.resourceVersion) return { ok: false, code: 409, reason: 'Conflict' };
    const meta = { ...object.metadata, uid: current.metadata.uid, creationTimestamp: current.metadata.creationTimestamp };
    return { ok: true, object: this.commit('MODIFIED', key, { ...object, metadata: meta }) };
  }

  delete(key: string): boolean {
    const current = this.objects.get(key);
    if (current === undefined) return false;
    this.objects.delete(key);
    this.revision += 1;
    this.emit('event', { type: 'DELETED', key, object: { ...current, metadata: { ...current.metadata, resourceVersion: String(this.revision) } } });
    return true;
  }

  private commit(type: StoreEvent['type'], key: string, object: Obj): Obj {
    this.revision += 1;
    const stored = structuredClone({ ...object, metadata: { ...object.metadata, resourceVersion: String(this.revision) } });
    this.objects.set(key, stored);
    this.emit('event', { type, key, object: structuredClone(stored) } satisfies StoreEvent);
    return structuredClone(stored);
  }
}

/**
 * Strategic merge patch as the API server applies it to the fields used here: maps merge
 * recursively, null deletes, `webhooks` (patchMergeKey name) merges by name, other lists replace.
 */
export function strategicMerge(target: any, patch: any, key = ''): any {
  if (Array.isArray(patch) && Array.isArray(target) && key === 'webhooks') return mergeByName(target, patch);
  if (!isMap(patch) || !isMap(target)) return structuredClone(patch);
  const out: Obj = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? strategicMerge(out[k], v, k) : structuredClone(v);
  }
  return out;
}

function mergeByName(target: Obj[], patch: Obj[]): Obj[] {
  const out = target.map((item) => ({ ...item }));
  for (const item of patch) {
    const at = out.findIndex((existing) => existing.name === item.name);
    if (at === -1) out.push(structuredClone(item));
    else out[at] = strategicMerge(out[at], item);
  }
  return out;
}

function isMap(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
