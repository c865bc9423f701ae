// A finding is plain data made in one place: a registry entry's meta (origin, severity), one of its
// message templates filled with data, and where it sits. formatFinding renders the API-server line
// `<field>: <Type>: <value>: <detail>` (k8s field.Error style).
import type { ErrorType, Finding, Mode, Severity } from './contract.js';
import { FieldPath, type PathSegment } from './field-path.js';
import { goQuote } from './schema/go-format.js';
import type { At, MessageData, Reporter, RuleMeta } from './rules/rule.js';
import { fill } from './rules/template.js';

export type { ErrorType, Finding, Origin, Severity } from './contract.js';

/** Renders `<field>: <type>: <value>: <detail>`, dropping empty parts, like field.Error.Error(). */
export function formatFinding(f: { field: string | null; type: ErrorType; value?: string; detail: string }): string {
  const head = f.field === null ? '<nil>' : f.field;
  if (f.type === 'Warning') return f.field === null ? f.detail : `${head}: ${f.detail}`;
  const parts = [head, f.type];
  if (f.value !== undefined) parts.push(f.value);
  if (f.detail !== '') parts.push(f.detail);
  return parts.join(': ');
}

/** The severity a rule reports with in a mode (a few schema rules warn in `crd` mode and deny in `strict`). */
export function severityIn(meta: Pick<RuleMeta, 'severity'>, mode: Mode | undefined): Severity {
  const s = meta.severity;
  return typeof s === 'string' ? s : s[mode ?? 'strict'];
}

const fieldOf = (path: readonly PathSegment[] | null): string | null => (path === null ? null : FieldPath.of(path).toString());

/** THE one constructor of findings: every stage reports through a registry entry and a message id. */
export function makeFinding<M extends string>(meta: RuleMeta<string, M>, messageId: M, data: MessageData, at: At): Finding {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message ${messageId}`);
  const field = at.field !== undefined ? at.field : fieldOf(at.path);
  const detail = at.detail ?? fill(template, data);
  const base = { rule: meta.id, messageId, origin: meta.origin, severity: at.severity ?? severityIn(meta, at.mode), field, path: at.path, type: at.type, ...(at.value === undefined ? {} : { value: at.value }), detail };
  return Object.freeze({ ...base, message: formatFinding(base) });
}

/** Go's %q (strconv.Quote) for the strings the API server quotes in field errors; one implementation, in go-format. */
export const quoteGo: (value: string) => string = goQuote;

export function isError(f: Finding): boolean {
  return f.severity === 'error';
}

/** A rule's reporter for one mode: what the engine hands a rule's check. */
export function bindReporter<M extends string>(meta: RuleMeta<string, M>, mode: Mode): Reporter<M> {
  return (messageId, data, at) => makeFinding(meta, messageId, data, at.mode === undefined ? { ...at, mode } : at);
}
