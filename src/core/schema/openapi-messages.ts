// One ajv error -> the field error kube-apiserver reports for the same violation: which registry
// rule and message (texts in rules/schema-rules.ts), the data for its slots and the error type
// (e.g. maxLength -> `Too long: may not be more than N bytes`, maxItems -> `Too many: <n>: must have at most N items`).
import type { AjvLikeError, ErrorType } from '../contract.js';
import type { MessageData } from '../rules/rule.js';
import { goBadValue, goNumber, goQuote } from './go-format.js';
import type { SchemaNode } from './types.js';

export interface Located {
  readonly err: AjvLikeError;
  /** The API-server path of the failing node (`spec.config.rateLimiting.tools[1]`). */
  readonly field: string;
  /** The failing instance value. */
  readonly value: unknown;
  /** The structural-schema node that carries the failing keyword (original RE2 pattern, enum, format). */
  readonly node: SchemaNode;
}

type SchemaReport =
  | { readonly rule: 'schema-required'; readonly messageId: 'required' }
  | { readonly rule: 'schema-enum'; readonly messageId: 'supported' | 'none' }
  | { readonly rule: 'schema-type'; readonly messageId: 'type' }
  | { readonly rule: 'schema-format'; readonly messageId: 'format' }
  | { readonly rule: 'schema-range'; readonly messageId: 'minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum' | 'multipleOf' }
  | { readonly rule: 'schema-length'; readonly messageId: 'minLength' | 'maxLength' }
  | { readonly rule: 'schema-pattern'; readonly messageId: 'pattern' }
  | { readonly rule: 'schema-items'; readonly messageId: 'minItems' | 'maxItems' }
  | { readonly rule: 'schema-properties'; readonly messageId: 'minProperties' | 'maxProperties' };

export type Rendered = SchemaReport & { readonly type: ErrorType; readonly value?: string; readonly data: MessageData };

type Renderer = (l: Located) => Rendered;

const limit = (l: Located): number => Number(l.err.params.limit);

/** kube-openapi's JSON type names of a decoded value. */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function range(messageId: 'minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum'): Renderer {
  return (l) => ({ rule: 'schema-range', messageId, type: 'Invalid value', value: goBadValue(l.value), data: { field: l.field, limit: goNumber(limit(l)) } });
}

function typeError(l: Located): Rendered {
  const expected = l.node['x-kubernetes-int-or-string'] === true ? 'integer,string' : String(l.node.type);
  const actual = goQuote(jsonType(l.value));
  return { rule: 'schema-type', messageId: 'type', type: 'Invalid value', value: actual, data: { field: l.field, expected, actual } };
}

function enumError(l: Located): Rendered {
  const allowed = (l.node.enum ?? []).map((v) => goQuote(typeof v === 'string' ? v : JSON.stringify(v)));
  return { rule: 'schema-enum', messageId: allowed.length > 0 ? 'supported' : 'none', type: 'Unsupported value', value: goBadValue(l.value), data: { values: allowed.join(', ') } };
}

const count = (v: unknown): string => String(Array.isArray(v) ? v.length : 0);

export const renderers: Readonly<Record<string, Renderer>> = {
  required: () => ({ rule: 'schema-required', messageId: 'required', type: 'Required value', data: {} }),
  enum: enumError,
  type: typeError,
  format: (l) => ({ rule: 'schema-format', messageId: 'format', type: 'Invalid value', value: goBadValue(l.value), data: { field: l.field, format: String(l.node.format), value: goBadValue(l.value) } }),
  minimum: range('minimum'),
  exclusiveMinimum: range('exclusiveMinimum'),
  maximum: range('maximum'),
  exclusiveMaximum: range('exclusiveMaximum'),
  multipleOf: (l) => ({ rule: 'schema-range', messageId: 'multipleOf', type: 'Invalid value', value: goBadValue(l.value), data: { field: l.field, limit: goNumber(Number(l.err.params.multipleOf)) } }),
  minLength: (l) => ({ rule: 'schema-length', messageId: 'minLength', type: 'Invalid value', value: goBadValue(l.value), data: { field: l.field, limit: limit(l) } }),
  maxLength: (l) => ({ rule: 'schema-length', messageId: 'maxLength', type: 'Too long', data: { limit: limit(l) } }),
  pattern: (l) => ({ rule: 'schema-pattern', messageId: 'pattern', type: 'Invalid value', value: goBadValue(l.value), data: { field: l.field, pattern: String(l.node.pattern) } }),
  minItems: (l) => ({ rule: 'schema-items', messageId: 'minItems', type: 'Invalid value', value: count(l.value), data: { field: l.field, limit: limit(l) } }),
  maxItems: (l) => ({ rule: 'schema-items', messageId: 'maxItems', type: 'Too many', value: count(l.value), data: { limit: limit(l) } }),
  // kube-openapi puts the limit, not the actual count, into the error value for properties.
  minProperties: (l) => ({ rule: 'schema-properties', messageId: 'minProperties', type: 'Invalid value', value: String(limit(l)), data: { field: l.field, limit: limit(l) } }),
  maxProperties: (l) => ({ rule: 'schema-properties', messageId: 'maxProperties', type: 'Too many', value: String(limit(l)), data: { limit: limit(l) } }),
};

/** anyOf/oneOf/not failures are composite errors: kube reports them with field `<nil>` and value "". */
export const compositeKeywords: ReadonlySet<string> = new Set(['anyOf', 'oneOf', 'not']);
