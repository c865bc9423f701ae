// Converts decoded JSON into CEL values by schema type, as Kubernetes does: `type: integer` is a
// CEL int (bigint here, never a double), objects are maps, arrays lists; undeclared values under
// x-kubernetes-preserve-unknown-fields are typed from the data (integral numbers as int).
// Speed: values are handed to the CEL library already wrapped (celMap/celList), so it does not
// re-wrap them on every access, and a map converts a field only when a rule reads it (a spec-level
// rule touching `self.config.rateLimiting` does not convert podTemplateSpec).
import { celList, celMap, type CelList, type CelMap } from '@bufbuild/cel';
import type { SchemaNode } from '../schema/types.js';
import { hasField, valueSchema } from '../schema/fields.js';

export type CelIn = null | boolean | bigint | number | string | CelList | CelMap;

function untypedNumber(n: number): bigint | number {
  return Number.isSafeInteger(n) ? BigInt(n) : n;
}

function numberFor(n: number, schema: SchemaNode | undefined): bigint | number {
  if (schema?.type === 'number') return n;
  return untypedNumber(n);
}

/**
 * A record seen through the read-only Map interface the CEL library's map wrapper uses (size, get,
 * has, keys, values, entries, forEach). Each field is converted when it is read, not before: a rule
 * reading `self.config.rateLimiting` never touches podTemplateSpec, and nothing is copied up front.
 */
export class RecordFields implements ReadonlyMap<string, CelIn> {
  constructor(
    private readonly record: Readonly<Record<string, unknown>>,
    private readonly schema: SchemaNode | undefined,
  ) {}

  get size(): number {
    return Object.keys(this.record).length;
  }

  /** Own fields only: `constructor` or `__proto__` are keys like any other in decoded JSON. */
  get(key: unknown): CelIn | undefined {
    if (typeof key !== 'string' || !hasField(this.record, key)) return undefined;
    return toCel(this.record[key], valueSchema(this.schema, key));
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

/**
 * Wrapped afresh at every read, not cached by object: wrapping is two small allocations, and the
 * same object can sit at two schema positions (a YAML alias) where it must be typed twice.
 */
function convertObject(value: object, schema: SchemaNode | undefined): CelIn {
  if (Array.isArray(value)) return celList(value.map((v: unknown) => toCel(v, schema?.items)));
  return celMap(new RecordFields(value as Readonly<Record<string, unknown>>, schema));
}

export function toCel(value: unknown, schema: SchemaNode | undefined): CelIn {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberFor(value, schema);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'object' ? convertObject(value, schema) : null;
}
