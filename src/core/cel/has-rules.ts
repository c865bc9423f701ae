// Whether a schema subtree carries any x-kubernetes-validations rule, computed once per schema node:
// the walk skips the rest (metadata, most of spec), which is most of a document.
import type { SchemaNode } from '../schema/types.js';

const memo = new WeakMap<SchemaNode, boolean>();

function compute(schema: SchemaNode): boolean {
  if ((schema['x-kubernetes-validations'] ?? []).length > 0) return true;
  if (schema.items !== undefined && hasRules(schema.items)) return true;
  if (typeof schema.additionalProperties === 'object' && hasRules(schema.additionalProperties)) return true;
  return Object.values(schema.properties ?? {}).some(hasRules);
}

export function hasRules(schema: SchemaNode): boolean {
  let v = memo.get(schema);
  if (v === undefined) {
    v = compute(schema);
    memo.set(schema, v);
  }
  return v;
}
