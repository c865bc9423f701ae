// The API server's own field errors for the structural schema (pruning, OpenAPI, list types), as
// kube-apiserver 1.32/1.33 renders them (kube-openapi's messages through field.Error). The texts live
// here, once; src/core/schema reports them by message id.
import { defineRule, type Rule } from './rule.js';

const schemaRule = <const Id extends string, M extends string>(id: Id, description: string, messages: Readonly<Record<M, string>>): Rule<Id, M> =>
  defineRule({ id, origin: 'schema', severity: 'error', stage: 'schema', modes: ['crd', 'strict'], description, messages });

export const schemaRules = [
  defineRule({
    id: 'schema-unknown-field',
    origin: 'schema',
    severity: { crd: 'warning', strict: 'error' },
    stage: 'schema',
    modes: ['crd', 'strict'],
    description: 'a field the structural schema does not declare: the API server prunes it (warning in crd mode, error in strict mode)',
    messages: { unknown: 'unknown field "{field}"' },
  }),
  schemaRule('schema-required', '`<field>: Required value`: a required field is missing (blocks CEL)', { required: '' }),
  schemaRule('schema-enum', '`<field>: Unsupported value: "<v>": supported values: ...` (blocks CEL)', { supported: 'supported values: {values}', none: '' }),
  schemaRule('schema-type', '`<field>: Invalid value: "<v>": <field> in body must be of type <type>: "<actual>"` (blocks CEL)', {
    type: '{field} in body must be of type {expected}: {actual}',
    anyOf: '{field} must validate at least one schema (anyOf)',
    oneOf: '{field} must validate one and only one schema (oneOf)',
    not: '{field} must not validate the schema (not)',
  }),
  schemaRule('schema-range', 'minimum / maximum: `<field> in body should be greater than or equal to <n>`', {
    minimum: '{field} in body should be greater than or equal to {limit}',
    exclusiveMinimum: '{field} in body should be greater than {limit}',
    maximum: '{field} in body should be less than or equal to {limit}',
    exclusiveMaximum: '{field} in body should be less than {limit}',
    multipleOf: '{field} in body should be a multiple of {limit}',
  }),
  schemaRule('schema-length', 'minLength (`should be at least <n> chars long`) and maxLength (`Too long`, blocks CEL)', {
    minLength: '{field} in body should be at least {limit} chars long',
    maxLength: 'may not be more than {limit} bytes',
  }),
  schemaRule('schema-items', 'minItems and maxItems (`Too many`, blocks CEL)', {
    minItems: '{field} in body should have at least {limit} items',
    maxItems: 'must have at most {limit} items',
  }),
  schemaRule('schema-properties', 'minProperties and maxProperties (`Too many`, blocks CEL)', {
    minProperties: '{field} in body should have at least {limit} properties',
    // kube-openapi says "items" for properties too.
    maxProperties: 'must have at most {limit} items',
  }),
  schemaRule('schema-pattern', "a string that does not match the CRD's (RE2) pattern", { pattern: "{field} in body should match '{pattern}'" }),
  schemaRule('schema-format', 'a string format the API server enforces (e.g. int32 on newer API servers, date-time)', { format: '{field} in body must be of type {format}: {value}' }),
  schemaRule('schema-duplicate', '`<field>: Duplicate value: ...`: x-kubernetes-list-type map/set uniqueness, reported on the second occurrence', {
    duplicate: '',
    mapItemNotObject: 'must be an object for an array of list-type map',
    mapKeyNotScalar: 'must be a scalar value for a map key',
  }),
] as const;
