// Structural schema node -> ajv (draft-07) JSON Schema. Only what the API server's OpenAPI
// validation checks survives: x-kubernetes-* and defaults go (the engine reads them from the
// structural schema), `nullable` and `x-kubernetes-int-or-string` become type lists (so type
// errors read `integer,string` like kube-openapi), OpenAPI 3.0 boolean exclusive bounds become
// draft-07 numbers, RE2 patterns are translated, and unenforced formats are dropped.
import { formatCheck } from './formats.js';
import { Re2SyntaxError, translateRe2 } from './re2.js';
import type { SchemaNode } from './types.js';

type Json = Record<string, unknown>;

const DROPPED = new Set(['description', 'default', 'example', 'externalDocs', 'title', 'nullable', 'uniqueItems', 'type',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'format']);

function typeOf(node: SchemaNode): unknown {
  const base: string[] = node['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : node.type !== undefined ? [node.type] : [];
  if (base.length === 0) return undefined;
  if (node.nullable === true) base.push('null');
  return base.length === 1 ? base[0] : base;
}

function bounds(node: SchemaNode, out: Json): void {
  if (node.minimum !== undefined) out[node.exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = node.minimum;
  if (node.maximum !== undefined) out[node.exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = node.maximum;
}

function pattern(node: SchemaNode, out: Json, path: string): void {
  if (node.pattern === undefined) return;
  try {
    out.pattern = translateRe2(node.pattern);
  } catch (e) {
    if (e instanceof Re2SyntaxError) throw new Error(`pattern '${node.pattern}' at ${path || '<root>'}: ${e.message}`);
    throw e;
  }
}

function children(key: string, value: unknown, path: string): unknown {
  switch (key) {
    case 'properties':
      return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, convert(v as SchemaNode, path === '' ? k : `${path}.${k}`)]));
    case 'items':
    case 'not':
      return convert(value as SchemaNode, `${path}[*]`);
    case 'additionalProperties':
      return typeof value === 'boolean' ? value : convert(value as SchemaNode, `${path}{*}`);
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return (value as SchemaNode[]).map((v) => convert(v, path));
    default:
      return value;
  }
}

function convert(node: SchemaNode, path: string): Json {
  const out: Json = {};
  const type = typeOf(node);
  if (type !== undefined) out.type = type;
  for (const [k, v] of Object.entries(node)) {
    if (DROPPED.has(k) || k.startsWith('x-kubernetes-')) continue;
    out[k] = children(k, v, path);
  }
  bounds(node, out);
  pattern(node, out, path);
  if (node.format !== undefined && formatCheck(node.format) !== undefined) out.format = node.format;
  return out;
}

/** Throws (with the field path) only for a pattern RE2 itself would reject. */
export function toAjvSchema(schema: SchemaNode): Json {
  return convert(schema, '');
}
