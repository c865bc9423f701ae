// Renders a failing or erroring CRD rule as the API server does (apiextensions CEL validator):
// `<path>: Invalid value: "<schema type>": <message>`, honouring messageExpression, reason and fieldPath.
import { isCelError } from '@bufbuild/cel';
import { makeFinding, quoteGo, type ErrorType, type Finding } from '../finding.js';
import type { PathSegment } from '../field-path.js';
import type { CelValidation, SchemaNode } from '../schema/types.js';
import { compiled } from './environment.js';

export interface RuleSite {
  readonly rule: string;
  readonly path: readonly PathSegment[];
  readonly schema: SchemaNode;
  readonly validation: CelValidation;
}

const REASONS: Readonly<Record<string, ErrorType>> = {
  FieldValueForbidden: 'Forbidden',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
};

/** `.a.b` / `['a.b']` relative to the node carrying the rule. */
function fieldPathSegments(fieldPath: string | undefined): string[] {
  if (fieldPath === undefined || fieldPath === '') return [];
  return [...fieldPath.matchAll(/\.([^.[\]]+)|\['([^']*)'\]/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** The API server's ruleErrorString: the message, else the rule text. */
const ruleText = (v: CelValidation): string => (v.message !== undefined && v.message.trim() !== '' ? v.message.trim() : v.rule.trim());

function expressionMessage(v: CelValidation, self: unknown): string | undefined {
  if (v.messageExpression === undefined) return undefined;
  const c = compiled(v.messageExpression);
  const out = c.ok ? c.program({ self }) : undefined;
  if (typeof out !== 'string' || isCelError(out) || out.trim() === '' || /[\r\n]/.test(out)) return undefined;
  return out.trim();
}

function failureDetail(v: CelValidation, self: unknown): string {
  const fromExpression = expressionMessage(v, self);
  if (fromExpression !== undefined) return fromExpression;
  return v.message !== undefined && v.message.trim() !== '' ? v.message.trim() : `failed rule: ${ruleText(v)}`;
}

const typeValue = (schema: SchemaNode): string => quoteGo(schema.type ?? '');

export function ruleFailure(site: RuleSite, self: unknown): Finding {
  const type = REASONS[site.validation.reason ?? ''] ?? 'Invalid value';
  const path = [...site.path, ...fieldPathSegments(site.validation.fieldPath)];
  const detail = failureDetail(site.validation, self);
  const value = type === 'Invalid value' || type === 'Duplicate value' ? typeValue(site.schema) : undefined;
  return makeFinding({ rule: site.rule, origin: 'cel', severity: 'error', path, type, ...(value === undefined ? {} : { value }), detail: type === 'Duplicate value' ? '' : detail });
}

/** cel-go's wording for what @bufbuild/cel reports differently. */
function celGoError(message: string): string {
  const missing = /^field not found: (.*)$/.exec(message);
  if (missing !== null) return `no such key: ${missing[1]}`;
  return message;
}

export function ruleError(site: RuleSite, message: string): Finding {
  const text = ruleText(site.validation);
  const detail = /^rule compile error: /.test(message)
    ? message
    : /^found no matching overload/.test(message)
      ? `'no such overload': call arguments did not match a supported operator, function or macro signature for rule: ${text}`
      : `${celGoError(message)} evaluating rule: ${text}`;
  return makeFinding({ rule: site.rule, origin: 'cel', severity: 'error', path: site.path, type: 'Invalid value', value: typeValue(site.schema), detail });
}
