// A List document (`kind: List`, what `kubectl get -o yaml` prints for several objects, or a typed
// `...List`) holds its objects under `items`: validate and render treat each item as an object of
// its own, placed at `items[i]` in the document.
import type { PathSegment } from '../core/field-path.js';

export interface DocumentObject {
  readonly value: unknown;
  /** Where the object sits in its document: [] for the document itself, ['items', i] for a List item. */
  readonly at: readonly PathSegment[];
  /** The item's position in `items`, for List items only. */
  readonly item?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The objects of one decoded document: a non-empty List's items, else the document itself. */
export function documentObjects(value: unknown): DocumentObject[] {
  if (!isRecord(value) || typeof value.kind !== 'string' || !value.kind.endsWith('List')) return [{ value, at: [] }];
  const items = value.items;
  if (!Array.isArray(items) || items.length === 0) return [{ value, at: [] }];
  return items.map((item: unknown, i) => ({ value: item, at: ['items', i], item: i }));
}

/** A finding's path inside the document: the object's own path behind its place (the object itself for null). */
export function pathInDocument(at: readonly PathSegment[], path: readonly PathSegment[] | null): readonly PathSegment[] | null {
  if (path === null) return at.length === 0 ? null : at;
  return at.length === 0 ? path : [...at, ...path];
}
