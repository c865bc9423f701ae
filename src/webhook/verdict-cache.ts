// A small LRU in front of the engine, keyed by the object's exact JSON. The engine is pure (same
// object and mode, same findings), so a hit is always correct. It pays off where the same object is
// judged again: API-server retries after a timeout, GitOps tools that server-side dry-run every
// object on every refresh, and the oldObject of successive UPDATEs. A miss costs one JSON.stringify.
import type { Judged, ValidateFn } from './judge.js';

export interface CachedValidate extends ValidateFn {
  readonly stats: () => { readonly hits: number; readonly misses: number; readonly size: number };
}

/** Objects above this size are judged uncached: at most capacity x 64 KiB of keys are kept. */
export const maxCachedObjectChars = 64 * 1024;

function keyOf(object: unknown): string | undefined {
  try {
    const key = JSON.stringify(object);
    return key.length <= maxCachedObjectChars ? key : undefined;
  } catch {
    return undefined; // e.g. too deep to serialise: let the engine decide
  }
}

export function cachedValidate(validate: ValidateFn, capacity: number): CachedValidate {
  const entries = new Map<string, Judged>();
  let hits = 0;
  let misses = 0;
  const cached = (object: unknown): Judged => {
    const key = capacity > 0 ? keyOf(object) : undefined;
    if (key === undefined) return validate(object);
    const found = entries.get(key);
    if (found !== undefined) {
      hits += 1;
      entries.delete(key); // re-insert: Map order is the recency order
      entries.set(key, found);
      return found;
    }
    misses += 1;
    const result = validate(object);
    entries.set(key, result);
    if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    return result;
  };
  return Object.assign(cached, { stats: () => ({ hits, misses, size: entries.size }) });
}
