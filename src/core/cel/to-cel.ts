// Converts decoded JSON into CEL values by schema type, as Kubernetes does: `type: integer` is a
// CEL int (bigint here, never a double), objects are maps, arrays lists; undeclared values under
// x-kubernetes-preserve-unknown-fields are typed from the data (integral numbers as int).
// Speed: values are handed to the CEL library already wrapped (celMap/celList), so it does not
// re-wrap them on every access, and a map converts its fields only when a rule first reads it (a
// spec-level rule touching `self.config.rateLimiting` does not convert podTemplateSpec).
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

/** A JS Map over a record's fields, converted on first read (every read path of Map goes through fill). */
export class LazyFields extends Map<string, CelIn> {
  private pending: { readonly record: Readonly<Record<string, unknown>>; readonly schema: SchemaNode | undefined; readonly cache: CelCache } | undefined;

  constructor(record: Readonly<Record<string, unknown>>, schema: SchemaNode | undefined, cache: CelCache) {
    super();
    this.pending = { record, schema, cache };
  }

  private fill(): void {
    const p = this.pending;
    if (p === undefined) return;
    this.pending = undefined;
    for (const k of Object.keys(p.record)) super.set(k, toCel(p.record[k], childSchema(p.schema, k), p.cache));
  }

  override get size(): number {
    this.fill();
    return super.size;
  }

  override get(key: string): CelIn | undefined {
    this.fill();
    return super.get(key);
  }

  override has(key: string): boolean {
    this.fill();
    return super.has(key);
  }

  override set(key: string, value: CelIn): this {
    this.fill();
    return super.set(key, value);
  }

  override keys(): MapIterator<string> {
    this.fill();
    return super.keys();
  }

  override values(): MapIterator<CelIn> {
    this.fill();
    return super.values();
  }

  override entries(): MapIterator<[string, CelIn]> {
    this.fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, CelIn]> {
    return this.entries();
  }

  override forEach(callback: (value: CelIn, key: string, map: Map<string, CelIn>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(callback, thisArg);
  }
}

function convertObject(value: object, schema: SchemaNode | undefined, cache: CelCache): CelIn {
  let out = cache.get(value);
  if (out !== undefined) return out;
  if (Array.isArray(value)) out = celList(value.map((v: unknown) => toCel(v, schema?.items, cache)));
  else out = celMap(new LazyFields(value as Readonly<Record<string, unknown>>, schema, cache));
  cache.set(value, out);
  return out;
}

export function toCel(value: unknown, schema: SchemaNode | undefined, cache: CelCache = new Map()): CelIn {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberFor(value, schema);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'object' ? convertObject(value, schema, cache) : null;
}
