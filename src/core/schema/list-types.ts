// x-kubernetes-list-type uniqueness (upstream-behaviour §b.1 step 5), as apiextensions' structurallisttype does
// it: `map` lists are keyed by x-kubernetes-list-map-keys (a missing key takes the key field's
// default), `set` lists by value; only the SECOND occurrence of a value is reported, as
// `<path>[i]: Duplicate value: map[string]interface {}{"name":"search"}` (Go %#v) or `"x"`.
import type { Finding } from '../contract.js';
import { report } from '../rules/report.js';
import type { PathSegment } from '../field-path.js';
import { goBadValue } from './go-format.js';
import type { SchemaNode } from './types.js';
import { declaredProperty, hasField, subtreeTest, valueSchema } from './fields.js';
import { isRecord } from '../json.js';

const UNSPECIFIED = Symbol('unspecified');

/** Go map[interface{}] identity for scalars; json.Marshal (sorted keys) identity for compounds. */
function identity(v: unknown): string {
  if (v === UNSPECIFIED) return 'unspecified';
  if (typeof v !== 'object' || v === null) return `${typeof v}:${JSON.stringify(v)}`;
  return `json:${canonical(v)}`;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Indices whose identity was seen exactly once before (kube reports the second occurrence only). */
function secondOccurrences(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  ids.forEach((id, i) => {
    const n = seen.get(id) ?? 0;
    if (n === 1) out.push(i);
    seen.set(id, n + 1);
  });
  return out;
}

const finding = (path: PathSegment[], messageId: 'duplicate' | 'mapItemNotObject' | 'mapKeyNotScalar', value: unknown): Finding =>
  report('schema-duplicate', messageId, {}, { path, type: messageId === 'duplicate' ? 'Duplicate value' : 'Invalid value', value: goBadValue(value) });

function mapKey(item: unknown, key: string, s: SchemaNode): unknown {
  if (!isRecord(item)) return UNSPECIFIED;
  if (hasField(item, key)) return item[key];
  return declaredProperty(s.items, key)?.default ?? UNSPECIFIED;
}

function checkMap(list: unknown[], s: SchemaNode, path: PathSegment[]): Finding[] {
  const bad = list.findIndex((x) => x !== null && !isRecord(x));
  if (bad >= 0) return [finding([...path, bad], 'mapItemNotObject', list[bad])];
  if (list.length <= 1) return [];
  const keys = s['x-kubernetes-list-map-keys'] ?? [];
  const ids: string[] = [];
  for (const [i, item] of list.entries()) {
    const values = keys.map((k) => mapKey(item, k, s));
    const compound = values.findIndex((v) => typeof v === 'object' && v !== null);
    if (compound >= 0) return [finding([...path, i, keys[compound]!], 'mapKeyNotScalar', values[compound])];
    ids.push(values.map(identity).join('\u0000'));
  }
  return secondOccurrences(ids).map((i) => {
    const item = isRecord(list[i]) ? (list[i]) : {};
    return finding([...path, i], 'duplicate', Object.fromEntries(keys.map((k) => [k, item[k] ?? null])));
  });
}

function checkSet(list: unknown[], path: PathSegment[]): Finding[] {
  return secondOccurrences(list.map(identity)).map((i) => finding([...path, i], 'duplicate', list[i]));
}

function checkList(list: unknown[], s: SchemaNode, path: PathSegment[], out: Finding[]): void {
  const type = s['x-kubernetes-list-type'];
  const own = type === 'set' ? checkSet(list, path) : type === 'map' ? checkMap(list, s, path) : [];
  for (const f of own) out.push(f);
  const items = s.items;
  if (items === undefined) return;
  for (let i = 0; i < list.length; i++) {
    path.push(i);
    walk(list[i], items, path, out);
    path.pop();
  }
}

/** Whether a schema subtree declares any set/map list at all; lets the walk skip most of an object. */
const hasUniqueLists = subtreeTest((s) => s['x-kubernetes-list-type'] === 'set' || s['x-kubernetes-list-type'] === 'map');

/** `path` is a stack (pushed and popped); findings copy it. Loops, not flatMap: this runs on every object. */
function walk(x: unknown, s: SchemaNode, path: PathSegment[], out: Finding[]): void {
  if (!hasUniqueLists(s)) return;
  if (Array.isArray(x)) return checkList(x, s, path, out);
  if (!isRecord(x)) return;
  for (const k of Object.keys(x)) {
    const child = valueSchema(s, k);
    if (child === undefined) continue;
    path.push(k);
    walk(x[k], child, path, out);
    path.pop();
  }
}

export function checkListTypes(object: unknown, schema: SchemaNode): Finding[] {
  const out: Finding[] = [];
  walk(object, schema, [], out);
  return out;
}
