// UPDATE ratcheting, in the spirit of Kubernetes' CRD validation ratcheting. PURE.
// An error that oldObject already had, on a field whose value the update did not change, is
// reported as a warning instead of denying: finalizer, label and status writes on an object that
// became invalid under newer rules must never block. New errors, and errors on changed fields, deny.
// Values are compared in the objects as the API server sent them (already defaulted), so an unknown
// field pruned by the engine still compares by its raw value. Like Kubernetes, old and new are
// correlated through the schema: an item of a list-type map (rateLimiting.tools by name) is matched
// by its keys, not its position; any other list only when it is unchanged as a whole.
import type { Finding } from '../core/finding.js';
import type { PathSegment } from '../core/field-path.js';
import { hasField, valueSchema } from '../core/schema/fields.js';
import { isRecord } from '../core/spec.js';
import type { SchemaNode } from '../core/schema/types.js';

export interface RatchetInput {
  readonly errors: readonly Finding[];
  readonly oldErrors: readonly Finding[];
  readonly object: unknown;
  readonly oldObject: unknown;
  /** The structural schema the objects were judged against; without it no list item correlates unless its list is unchanged. */
  readonly schema?: SchemaNode;
}

export interface RatchetResult {
  /** Errors that deny the update. */
  readonly errors: readonly Finding[];
  /** Pre-existing errors on unchanged fields: reported as warnings. */
  readonly ratcheted: readonly Finding[];
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k]));
}

const keyOf = (f: Finding): string => `${f.rule}\u0000${f.message}`;

const own = (v: unknown, k: string): unknown => (isRecord(v) && hasField(v, k) ? v[k] : undefined);

/** Positions of the items with the same map keys as `item`, in list order. */
function sameKeys(list: readonly unknown[], item: Record<string, unknown>, keys: readonly string[]): number[] {
  const out: number[] = [];
  list.forEach((x, j) => {
    if (isRecord(x) && keys.every((k) => jsonEqual(own(x, k), own(item, k)))) out.push(j);
  });
  return out;
}

/**
 * Position in the old list of the new list's item `i`: by map keys for a list-type map, else only in
 * an unchanged list. Items that share their keys (a Duplicate value) pair up by occurrence: the
 * second `name: search` of the new list is the second of the old one.
 */
function oldIndex(list: readonly unknown[], oldList: readonly unknown[], i: number, s: SchemaNode | undefined): number {
  const keys = s?.['x-kubernetes-list-type'] === 'map' ? s['x-kubernetes-list-map-keys'] ?? [] : [];
  const item = list[i];
  if (keys.length === 0 || !isRecord(item)) return jsonEqual(list, oldList) ? i : -1;
  const occurrence = sameKeys(list, item, keys).indexOf(i);
  return sameKeys(oldList, item, keys)[occurrence] ?? -1;
}

/** A node of the new object, its counterpart in the old one, and the counterpart's path. */
export interface Correlated {
  readonly oldPath: PathSegment[];
  readonly value: unknown;
  readonly oldValue: unknown;
}

/** The old object's counterpart of the new object's node at `path`, or undefined when it has none. */
export function correlate(object: unknown, oldObject: unknown, path: readonly PathSegment[], schema: SchemaNode | undefined): Correlated | undefined {
  const out: PathSegment[] = [];
  let [n, o, s] = [object, oldObject, schema];
  for (const seg of path) {
    if (typeof seg === 'string') {
      [n, o, s] = [own(n, seg), own(o, seg), valueSchema(s, seg)];
      out.push(seg);
      continue;
    }
    if (!Array.isArray(n) || !Array.isArray(o)) return undefined;
    const j = oldIndex(n, o, seg, s);
    if (j < 0) return undefined;
    const item: unknown = (n as unknown[])[seg];
    const oldItem: unknown = (o as unknown[])[j];
    [n, o, s] = [item, oldItem, s?.items];
    out.push(j);
  }
  return { oldPath: out, value: n, oldValue: o };
}

const samePath = (a: readonly PathSegment[] | null, b: readonly PathSegment[]): boolean => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

/** The same complaint (rule, type, value, detail) on the correlated field of oldObject, whose value did not change. */
function preExisting(f: Finding, input: RatchetInput): boolean {
  if (f.path === null) return false;
  const c = correlate(input.object, input.oldObject, f.path, input.schema);
  if (c === undefined) return false;
  const same = (e: Finding): boolean => e.rule === f.rule && e.type === f.type && e.value === f.value && e.detail === f.detail && samePath(e.path, c.oldPath);
  return input.oldErrors.some(same) && jsonEqual(c.value, c.oldValue);
}

/**
 * Splits the new object's errors into denying and ratcheted ones. An object-level error (no field,
 * e.g. the "some validation rules were not checked" notice) ratchets only when oldObject had it too
 * and every other error ratcheted, since it merely echoes them.
 */
export function ratchet(input: RatchetInput): RatchetResult {
  const old = new Set(input.oldErrors.map(keyOf));
  const fielded = input.errors.filter((f) => f.path !== null);
  const ratcheted = fielded.filter((f) => preExisting(f, input));
  const denying = fielded.filter((f) => !ratcheted.includes(f));
  const objectLevel = input.errors.filter((f) => f.path === null);
  if (denying.length === 0 && objectLevel.every((f) => old.has(keyOf(f)))) {
    return { errors: [], ratcheted: [...ratcheted, ...objectLevel] };
  }
  return { errors: input.errors.filter((f) => !ratcheted.includes(f)), ratcheted };
}
