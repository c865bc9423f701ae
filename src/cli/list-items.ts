// A List document holds its objects under `items`: validate and render treat each item as an object
// of its own, placed at `items[i]` in the document. As kubectl decodes manifests, any document with an
// `items` list is a list (`kind: List` from `kubectl get -o yaml`, a typed `...List` from the API);
// an item with neither kind nor apiVersion takes both from a typed list; a List inside a List is
// flattened. An item that is not an object, or has no kind, is an input problem, never skipped.
import type { PathSegment } from '../core/field-path.js';
import { isRecord, type JsonRecord } from '../core/spec.js';
import type { InputProblem } from './input-problem.js';

export interface DocumentObject {
  readonly value: unknown;
  /** Where the object sits in its document: [] for the document itself, ['items', i, ...] for a List item. */
  readonly at: readonly PathSegment[];
  /** The item's position in the document's own `items`, for List items only. */
  readonly item?: number;
  /** Why this entry cannot be judged (a List item that is not an object or has no kind, `items` that is not a list). */
  readonly problem?: InputProblem<'list-item-invalid'>;
}

type Json = JsonRecord;
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'object' : typeof v);
const listKind = (v: Json): string | undefined => (typeof v.kind === 'string' && v.kind.endsWith('List') ? v.kind : undefined);

/** `items[0].items[2]`: where an entry sits, for the problem's `{item}` slot. */
const label = (at: readonly PathSegment[]): string => at.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s === '' ? seg : `${s}.${seg}`), '');

/** apimachinery's list decoding: an item with neither kind nor apiVersion takes the typed list's. */
function withListType(item: Json, list: Json): Json {
  const kind = listKind(list);
  if (kind === undefined || kind === 'List' || item.kind !== undefined || item.apiVersion !== undefined) return item;
  return { apiVersion: list.apiVersion, kind: kind.slice(0, -'List'.length), ...item };
}

function itemObjects(value: unknown, list: Json, at: readonly PathSegment[], item: number): DocumentObject[] {
  if (!isRecord(value)) return [{ value, at, item, problem: { rule: 'list-item-invalid', messageId: 'notObject', data: { item: label(at), type: typeName(value) } } }];
  if (Array.isArray(value.items)) return value.items.flatMap((v: unknown, i) => itemObjects(v, value, [...at, 'items', i], item));
  const typed = withListType(value, list);
  if (typeof typed.kind !== 'string' || typed.kind === '') return [{ value: typed, at, item, problem: { rule: 'list-item-invalid', messageId: 'kindMissing', data: { item: label(at) } } }];
  return [{ value: typed, at, item }];
}

/** The objects of one decoded document: a list's items (flattened), else the document itself. */
export function documentObjects(value: unknown): DocumentObject[] {
  if (!isRecord(value)) return [{ value, at: [] }];
  const items = value.items;
  if (!Array.isArray(items)) {
    const broken = listKind(value) !== undefined && items !== undefined && items !== null;
    return [{ value, at: broken ? ['items'] : [], ...(broken ? { problem: { rule: 'list-item-invalid', messageId: 'itemsNotList', data: { type: typeName(items) } } } : {}) }];
  }
  const objects = items.flatMap((v: unknown, i) => itemObjects(v, value, ['items', i], i));
  // A list with nothing in it (also one of empty lists) is reported as itself: skipped, not absent.
  return objects.length === 0 ? [{ value, at: [] }] : objects;
}

/** A finding's path inside the document: the object's own path behind its place (the object itself for null). */
export function pathInDocument(at: readonly PathSegment[], path: readonly PathSegment[] | null): readonly PathSegment[] | null {
  if (path === null) return at.length === 0 ? null : at;
  return at.length === 0 ? path : [...at, ...path];
}
