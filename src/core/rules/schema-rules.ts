// Documentation entries for the findings the schema stage emits (src/core/schema/*): the API
// server's own field errors, rendered there from the CRD. The texts live with that code; these
// entries give every id a place in the registry and the README.
import type { Mode } from '../validate.js';
import type { Rule } from './types.js';

const both: readonly Mode[] = ['crd', 'strict'];
const entry = (id: string, description: string): Rule => ({ id, origin: 'schema', severity: 'error', description, messages: {}, modes: both });

export const schemaRules: readonly Rule[] = [
  { ...entry('schema-unknown-field', 'a field the structural schema does not declare: the API server prunes it (warning in crd mode, error in strict mode)'), severity: 'warning' },
  entry('schema-required', '`<field>: Required value`: a required field is missing (blocks CEL)'),
  entry('schema-enum', '`<field>: Unsupported value: "<v>": supported values: ...` (blocks CEL)'),
  entry('schema-type', '`<field>: Invalid value: "<v>": <field> in body must be of type <type>: "<actual>"` (blocks CEL)'),
  entry('schema-range', 'minimum / maximum: `<field> in body should be greater than or equal to <n>`'),
  entry('schema-length', 'minLength (`should be at least <n> chars long`) and maxLength (`Too long`, blocks CEL)'),
  entry('schema-items', 'minItems and maxItems (`Too many`, blocks CEL)'),
  entry('schema-properties', 'minProperties and maxProperties (`Too many`, blocks CEL)'),
  entry('schema-pattern', "a string that does not match the CRD's (RE2) pattern"),
  entry('schema-format', 'a string format the API server enforces (e.g. int32 on newer API servers, date-time)'),
  entry('schema-duplicate', '`<field>: Duplicate value: ...`: x-kubernetes-list-type map/set uniqueness, reported on the second occurrence'),
];
