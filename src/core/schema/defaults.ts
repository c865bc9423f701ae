// Structural defaulting (upstream-behaviour §b.1 step 3), as apiextensions does it after pruning:
// 1. PruneNonNullableNullsWithoutDefaults: a `null` under a non-nullable property (or map value)
//    without a default is dropped;
// 2. Default: inside every PRESENT object, a property that is missing (or null and non-nullable)
//    gets a deep copy of its `default`, and defaulting continues inside that new value (so
//    `failureHandling: {}` gains healthCheckTimeout 10s and circuitBreaker is NOT created);
//    array items and additionalProperties map values that are non-nullable nulls are replaced by
//    the items/values default without nested defaulting (as kube recurses on the old null).
// Never mutates the input; a subtree with nothing to default (no schema below it) is returned as is.
import type { SchemaNode } from './types.js';
import { declaredProperty, hasField, setField, valueSchema } from './fields.js';
import { isRecord } from '../json.js';

type Json = Record<string, unknown>;

/** A deep copy of decoded JSON (keys in the same order). */
export function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (!isRecord(v)) return v;
  const out: Json = {};
  for (const k of Object.keys(v)) setField(out, k, copy(v[k]));
  return out;
}

const nonNullableNull = (v: unknown, s: SchemaNode | undefined): boolean => v === null && s !== undefined && s.nullable !== true;

/** Step 1: non-nullable nulls without a default disappear. */
function dropNulls(x: Json, s: SchemaNode): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(x)) {
    const vs = valueSchema(s, k);
    if (!(nonNullableNull(v, vs) && vs?.default === undefined)) setField(out, k, v);
  }
  return out;
}

function defaultMap(x: Json, s: SchemaNode): Json {
  const out = dropNulls(x, s);
  for (const [k, prop] of Object.entries(s.properties ?? {})) {
    if (prop.default !== undefined && (!hasField(out, k) || nonNullableNull(out[k], prop))) setField(out, k, copy(prop.default));
  }
  for (const [k, v] of Object.entries(out)) setField(out, k, defaultChild(v, s, k));
  return out;
}

/** Key `k` of a map under `s`, defaulted (a copy when no schema applies). */
export function defaultChild(v: unknown, s: SchemaNode, k: string): unknown {
  const prop = declaredProperty(s, k);
  if (prop !== undefined) return applyDefaults(v, prop);
  return isRecord(s.additionalProperties) ? defaultItem(v, s.additionalProperties) : copy(v);
}

/** An array item or map value: a non-nullable null takes the default as is, anything else recurses. */
function defaultItem(v: unknown, s: SchemaNode): unknown {
  if (nonNullableNull(v, s) && s.default !== undefined) return copy(s.default);
  return applyDefaults(v, s);
}

/** Nothing below this schema can default or drop anything (ObjectMeta, free-form values). */
const leaves = (s: SchemaNode): boolean => s.properties === undefined && s.items === undefined && !isRecord(s.additionalProperties);

export function applyDefaults(object: unknown, schema: SchemaNode): unknown {
  if (leaves(schema)) return object;
  if (Array.isArray(object)) return schema.items === undefined ? copy(object) : object.map((v) => defaultItem(v, schema.items!));
  if (isRecord(object)) return defaultMap(object, schema);
  return object;
}
