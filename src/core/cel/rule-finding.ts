// Renders a failing or erroring CRD rule as the API server does (apiextensions CEL validator):
// `<path>: Invalid value: "<schema type>": <message>`, honouring messageExpression, reason and fieldPath.
import { isCelError } from '@bufbuild/cel';
import type { ErrorType, Finding } from '../contract.js';
import { quoteGo } from '../finding.js';
import type { PathSegment } from '../field-path.js';
import type { CelRuleId } from '../rules/cel-rules.js';
import { report } from '../rules/report.js';
import type { CelValidation, SchemaNode } from '../schema/types.js';
import { compiled } from './environment.js';

export interface RuleSite {
  readonly rule: CelRuleId;
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

/** The message id and data of a failed rule: messageExpression, else message, else the rule text. */
function failure(v: CelValidation, self: unknown): { messageId: 'failed' | 'failedRule'; data: Record<string, string> } {
  const message = expressionMessage(v, self) ?? (v.message !== undefined && v.message.trim() !== '' ? v.message.trim() : undefined);
  return message === undefined ? { messageId: 'failedRule', data: { rule: ruleText(v) } } : { messageId: 'failed', data: { message } };
}

const typeValue = (schema: SchemaNode): string => quoteGo(schema.type ?? '');

export function ruleFailure(site: RuleSite, self: unknown): Finding {
  const type = REASONS[site.validation.reason ?? ''] ?? 'Invalid value';
  const path = [...site.path, ...fieldPathSegments(site.validation.fieldPath)];
  const value = type === 'Invalid value' || type === 'Duplicate value' ? typeValue(site.schema) : undefined;
  const at = { path, type, ...(value === undefined ? {} : { value }) };
  if (type === 'Duplicate value') return report(site.rule, 'duplicate', {}, at);
  const { messageId, data } = failure(site.validation, self);
  return report(site.rule, messageId, data, at);
}

/** cel-go's wording for what @bufbuild/cel reports differently. */
function celGoError(message: string): string {
  const missing = /^field not found: (.*)$/.exec(message);
  if (missing !== null) return `no such key: ${missing[1]}`;
  return message;
}

export function ruleError(site: RuleSite, message: string): Finding {
  const rule = ruleText(site.validation);
  const at = { path: site.path, type: 'Invalid value', value: typeValue(site.schema) } as const;
  if (/^rule compile error: /.test(message)) return report(site.rule, 'compile', { error: message }, at);
  if (/^found no matching overload/.test(message)) return report(site.rule, 'noOverload', { rule }, at);
  return report(site.rule, 'evaluation', { error: celGoError(message), rule }, at);
}
