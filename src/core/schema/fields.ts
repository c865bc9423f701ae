// Keys of decoded JSON and of schema property maps are data, not JavaScript: `constructor` is an
// undeclared field like any other (not Object.prototype's), and `__proto__`, which JSON.parse and
// the YAML parser create as an ordinary key, stays an ordinary key when an object is rebuilt.
import type { SchemaNode } from './types.js';

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The schema `s` declares for key `k` (own `properties` entries only). */
export function declaredProperty(s: SchemaNode | undefined, k: string): SchemaNode | undefined {
  const props = s?.properties;
  return props !== undefined && hasOwn(props, k) ? props[k] : undefined;
}

/** The schema of key `k` of a map: its declared property, else the additionalProperties schema (map values). */
export function valueSchema(s: SchemaNode | undefined, k: string): SchemaNode | undefined {
  const extra = s?.additionalProperties;
  return declaredProperty(s, k) ?? (typeof extra === 'object' ? extra : undefined);
}

/**
 * `test(s)`: whether `own` holds for `s` or any schema below it (properties, items, additionalProperties),
 * worked out once per node (the schema lives as long as the process), so a walk can skip whole subtrees.
 */
export function subtreeTest(own: (s: SchemaNode) => boolean): (s: SchemaNode) => boolean {
  const memo = new WeakMap<SchemaNode, boolean>();
  const test = (s: SchemaNode): boolean => {
    let known = memo.get(s);
    if (known === undefined) {
      const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
      known = own(s) || (s.items !== undefined && test(s.items)) || (extra !== undefined && test(extra)) || Object.values(s.properties ?? {}).some(test);
      memo.set(s, known);
    }
    return known;
  };
  return test;
}

/** Whether decoded JSON `o` has its own key `k` (`in` would also find Object.prototype's members). */
export function hasField(o: Readonly<Record<string, unknown>>, k: string): boolean {
  return hasOwn(o, k);
}

/** `out[k] = v`, except that `__proto__` becomes an own key instead of replacing the prototype. */
export function setField(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}
