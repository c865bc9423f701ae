// A List document (`kind: List`, what `kubectl get -o yaml` prints for several objects, or a typed
// `...List` as the API server returns it) holds its objects under `items`: validate and render treat
// each item as an object of its own, placed at `items[i]` in the document. Like the API machinery's
// list decoding, an item of a typed list without kind/apiVersion takes them from the list, and a List
// inside a List is flattened. An item that is not an object is an input problem, never skipped.
import type { PathSegment } from '../core/field-path.js';

export interface DocumentObject {
  readonly value: unknown;
  /** Where the object sits in its document: [] for the document itself, ['items', i] for a List item. */
  readonly at: readonly PathSegment[];
  /** The item's position in the document's `items`, for List items only. */
  readonly item?: number;
  /** Why this entry cannot be judged (a List item that is not an object, `items` that is not a list). */
  readonly problem?: string;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isList = (v: unknown): v is Json & { kind: string } => isRecord(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && v.items !== undefined && v.items !== null;

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'object' : typeof v);

/** A typed list's item with the kind and apiVersion it implies filled in when missing. */
function withListType(item: Json, list: Json & { kind: string }): Json {
  if (list.kind === 'List' || (item.kind !== undefined && item.apiVersion !== undefined)) return item;
  return { ...(item.apiVersion === undefined && list.apiVersion !== undefined ? { apiVersion: list.apiVersion } : {}), ...(item.kind === undefined ? { kind: list.kind.slice(0, -'List'.length) } : {}), ...item };
}

function listObjects(list: Json & { kind: string }, at: readonly PathSegment[], item: number | undefined): DocumentObject[] {
  const items = list.items;
  if (!Array.isArray(items)) return [{ value: list, at: [...at, 'items'], ...(item === undefined ? {} : { item }), problem: `items: must be a list of objects, got ${typeName(items)}` }];
  return items.flatMap((value: unknown, i): DocumentObject[] => {
    const where = [...at, 'items', i];
    const index = item ?? i;
    if (!isRecord(value)) return [{ value, at: where, item: index, problem: `items[${i}]: must be an object, got ${typeName(value)}` }];
    if (isList(value)) return listObjects(value, where, index);
    return [{ value: withListType(value, list), at: where, item: index }];
  });
}

/** The objects of one decoded document: a List's items (flattened), else the document itself. */
export function documentObjects(value: unknown): DocumentObject[] {
  if (!isList(value) || (Array.isArray(value.items) && value.items.length === 0)) return [{ value, at: [] }];
  return listObjects(value, [], undefined);
}

/** A finding's path inside the document: the object's own path behind its place (the object itself for null). */
export function pathInDocument(at: readonly PathSegment[], path: readonly PathSegment[] | null): readonly PathSegment[] | null {
  if (path === null) return at.length === 0 ? null : at;
  return at.length === 0 ? path : [...at, ...path];
}
