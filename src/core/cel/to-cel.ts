// Converts decoded JSON into CEL values by schema type, as Kubernetes does: `type: integer` is a
// CEL int (bigint here, never a double), objects are maps, arrays lists; undeclared values under
// x-kubernetes-preserve-unknown-fields are typed from the data (integral numbers as int).
import type { SchemaNode } from '../schema/types.js';

type CelIn = null | boolean | bigint | number | string | CelIn[] | Map<string, CelIn>;

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

/** Conversions of one walk, by source object: a node's value is converted once, not once per ancestor rule. */
export type CelCache = WeakMap<object, CelIn>;

function convertObject(value: object, schema: SchemaNode | undefined, cache: CelCache): CelIn {
  let out = cache.get(value);
  if (out !== undefined) return out;
  if (Array.isArray(value)) out = value.map((v: unknown) => toCel(v, schema?.items, cache));
  else {
    const map = new Map<string, CelIn>();
    for (const [k, v] of Object.entries(value)) map.set(k, toCel(v, childSchema(schema, k), cache));
    out = map;
  }
  cache.set(value, out);
  return out;
}

export function toCel(value: unknown, schema: SchemaNode | undefined, cache: CelCache = new WeakMap()): CelIn {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberFor(value, schema);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'object' ? convertObject(value, schema, cache) : null;
}
