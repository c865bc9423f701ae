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

export function toCel(value: unknown, schema: SchemaNode | undefined): CelIn {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberFor(value, schema);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toCel(v, schema?.items));
  if (typeof value === 'object') {
    const out = new Map<string, CelIn>();
    for (const [k, v] of Object.entries(value)) out.set(k, toCel(v, childSchema(schema, k)));
    return out;
  }
  return null;
}
