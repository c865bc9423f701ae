// Converts decoded JSON into CEL values by schema type, as Kubernetes does: `type: integer` is a
// CEL int (bigint here, never a double), objects are maps, arrays lists; undeclared values under
// x-kubernetes-preserve-unknown-fields are typed from the data (integral numbers as int).
// Speed: values are handed to the CEL library already wrapped (celMap/celList), so it does not
// re-wrap them on every access, and a map converts a field only when a rule reads it (a spec-level
// rule touching `self.config.rateLimiting` does not convert podTemplateSpec).
import { celList, celMap, type CelList, type CelMap } from '@bufbuild/cel';
import type { SchemaNode } from '../schema/types.js';

export type CelIn = null | boolean | bigint | number | string | CelList | CelMap;

function untypedNumber(n: number): bigint | number {
  return Number.isSafeInteger(n) ? BigInt(n) : n;
}

function numberFor(n: number, schema: SchemaNode | undefined): bigint | number {
  if (schema?.type === 'number') return n;
  return untypedNumber(n);
}

function childSchema(schema: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const declared = schema?.properties?.[key];
  if (declared !== undefined) return declared;
  const extra = schema?.additionalProperties;
  return typeof extra === 'object' ? extra : undefined;
}

/**
 * Conversions of one walk, by source object: a node's value is converted once, not once per ancestor
 * rule. A Map, not a WeakMap: it lives for one walk, and ephemeron entries are costly to collect.
 */
export type CelCache = Map<object, CelIn>;

/**
 * A record seen through the read-only Map interface the CEL library's map wrapper uses (size, get,
 * has, keys, values, entries, forEach). Each field is converted when it is read, not before: a rule
 * reading `self.config.rateLimiting` never touches podTemplateSpec, and nothing is copied up front.
 */
export class RecordFields implements ReadonlyMap<string, CelIn> {
  constructor(
    private readonly record: Readonly<Record<string, unknown>>,
    private readonly schema: SchemaNode | undefined,
    private readonly cache: CelCache,
  ) {}

  get size(): number {
    return Object.keys(this.record).length;
  }

  /** Own fields only: `constructor` or `__proto__` are keys like any other in decoded JSON. */
  get(key: unknown): CelIn | undefined {
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(this.record, key)) return undefined;
    return toCel(this.record[key], childSchema(this.schema, key), this.cache);
  }

  has(key: unknown): boolean {
    return this.get(key) !== undefined;
  }

  keys(): MapIterator<string> {
    return Object.keys(this.record)[Symbol.iterator]();
  }

  *values(): MapIterator<CelIn> {
    for (const k of Object.keys(this.record)) yield this.get(k)!;
  }

  *entries(): MapIterator<[string, CelIn]> {
    for (const k of Object.keys(this.record)) yield [k, this.get(k)!];
  }

  [Symbol.iterator](): MapIterator<[string, CelIn]> {
    return this.entries();
  }

  forEach(callback: (value: CelIn, key: string, map: ReadonlyMap<string, CelIn>) => void, thisArg?: unknown): void {
    for (const k of Object.keys(this.record)) callback.call(thisArg, this.get(k)!, k, this);
  }
}

function convertObject(value: object, schema: SchemaNode | undefined, cache: CelCache): CelIn {
  let out = cache.get(value);
  if (out !== undefined) return out;
  if (Array.isArray(value)) out = celList(value.map((v: unknown) => toCel(v, schema?.items, cache)));
  else out = celMap(new RecordFields(value as Readonly<Record<string, unknown>>, schema, cache));
  cache.set(value, out);
  return out;
}

export function toCel(value: unknown, schema: SchemaNode | undefined, cache: CelCache = new Map()): CelIn {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberFor(value, schema);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'object' ? convertObject(value, schema, cache) : null;
}
