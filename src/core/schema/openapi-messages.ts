// One ajv error -> the field error kube-apiserver reports for the same violation. Texts follow
// kube-openapi's validation messages as converted by apiextensions' ValidateCustomResource and
// rendered by k8s.io/apimachinery field.Error in kube-apiserver 1.32/1.33 (e.g. maxLength ->
// `Too long: may not be more than N bytes`, maxItems -> `Too many: <n>: must have at most N items`).
import type { ErrorType } from '../finding.js';
import type { AjvLikeError } from '../validate.js';
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

export interface Rendered {
  readonly rule: string;
  readonly type: ErrorType;
  readonly value?: string;
  readonly detail: string;
}

type Renderer = (l: Located) => Rendered;

const limit = (l: Located): number => Number(l.err.params.limit);

/** kube-openapi's JSON type names of a decoded value. */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function range(phrase: string): Renderer {
  return (l) => ({ rule: 'schema-range', type: 'Invalid value', value: goBadValue(l.value), detail: `${l.field} in body should be ${phrase} ${goNumber(limit(l))}` });
}

function typeError(l: Located): Rendered {
  const expected = l.node['x-kubernetes-int-or-string'] === true ? 'integer,string' : String(l.node.type);
  const actual = jsonType(l.value);
  return { rule: 'schema-type', type: 'Invalid value', value: goQuote(actual), detail: `${l.field} in body must be of type ${expected}: ${goQuote(actual)}` };
}

function enumError(l: Located): Rendered {
  const allowed = (l.node.enum ?? []).map((v) => goQuote(typeof v === 'string' ? v : JSON.stringify(v)));
  return { rule: 'schema-enum', type: 'Unsupported value', value: goBadValue(l.value), detail: allowed.length > 0 ? `supported values: ${allowed.join(', ')}` : '' };
}

const count = (v: unknown): string => String(Array.isArray(v) ? v.length : 0);

export const renderers: Readonly<Record<string, Renderer>> = {
  required: () => ({ rule: 'schema-required', type: 'Required value', detail: '' }),
  enum: enumError,
  type: typeError,
  format: (l) => ({ rule: 'schema-format', type: 'Invalid value', value: goBadValue(l.value), detail: `${l.field} in body must be of type ${String(l.node.format)}: ${goBadValue(l.value)}` }),
  minimum: range('greater than or equal to'),
  exclusiveMinimum: range('greater than'),
  maximum: range('less than or equal to'),
  exclusiveMaximum: range('less than'),
  multipleOf: (l) => ({ rule: 'schema-range', type: 'Invalid value', value: goBadValue(l.value), detail: `${l.field} in body should be a multiple of ${goNumber(Number(l.err.params.multipleOf))}` }),
  minLength: (l) => ({ rule: 'schema-length', type: 'Invalid value', value: goBadValue(l.value), detail: `${l.field} in body should be at least ${limit(l)} chars long` }),
  maxLength: (l) => ({ rule: 'schema-length', type: 'Too long', detail: `may not be more than ${limit(l)} bytes` }),
  pattern: (l) => ({ rule: 'schema-pattern', type: 'Invalid value', value: goBadValue(l.value), detail: `${l.field} in body should match '${String(l.node.pattern)}'` }),
  minItems: (l) => ({ rule: 'schema-items', type: 'Invalid value', value: count(l.value), detail: `${l.field} in body should have at least ${limit(l)} items` }),
  maxItems: (l) => ({ rule: 'schema-items', type: 'Too many', value: count(l.value), detail: `must have at most ${limit(l)} items` }),
  // kube-openapi puts the limit, not the actual count, into the error value for properties.
  minProperties: (l) => ({ rule: 'schema-properties', type: 'Invalid value', value: String(limit(l)), detail: `${l.field} in body should have at least ${limit(l)} properties` }),
  maxProperties: (l) => ({ rule: 'schema-properties', type: 'Too many', value: String(limit(l)), detail: `must have at most ${limit(l)} items` }),
};

/** anyOf/oneOf/not failures are composite errors: kube reports them with field `<nil>` and value "". */
export const composite: Readonly<Record<string, string>> = {
  anyOf: 'must validate at least one schema (anyOf)',
  oneOf: 'must validate one and only one schema (oneOf)',
  not: 'must not validate the schema (not)',
};
