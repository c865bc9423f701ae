// A finding is plain data; formatFinding is the one place that renders the API-server line
// `<field>: <Type>: <value>: <detail>` (k8s field.Error style).
import { FieldPath, type PathSegment } from './field-path.js';
import { goQuote } from './schema/go-format.js';

export type Severity = 'error' | 'warning';
/** schema = OpenAPI/structural checks, cel = CRD x-kubernetes-validations, runtime = operator/vMCP parity, lint = advice. */
export type Origin = 'schema' | 'cel' | 'runtime' | 'lint';

/** field.ErrorType strings as the API server prints them. */
export type ErrorType =
  | 'Required value'
  | 'Unsupported value'
  | 'Invalid value'
  | 'Duplicate value'
  | 'Not found'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Internal error'
  | 'Warning';

export interface Finding {
  /** Rule id from the registry (e.g. `ratelimit-requires-redis-session-storage`). */
  readonly rule: string;
  readonly origin: Origin;
  readonly severity: Severity;
  /** API-server field path, or null for object-level lines such as the CEL-blocking notice. */
  readonly field: string | null;
  /** The same path as segments, for locating the node in a source document. */
  readonly path: readonly PathSegment[] | null;
  readonly type: ErrorType;
  /** Already-rendered bad value (`"object"`, `0`, `"Redis"`), absent when the type prints none. */
  readonly value?: string;
  /** The message text alone. */
  readonly detail: string;
  /** The full API-server style line. */
  readonly message: string;
}

export interface FindingInput {
  rule: string;
  origin: Origin;
  severity: Severity;
  path: readonly PathSegment[] | null;
  field?: string | null;
  type: ErrorType;
  value?: string;
  detail: string;
}

/** Renders `<field>: <type>: <value>: <detail>`, dropping empty parts, like field.Error.Error(). */
export function formatFinding(f: { field: string | null; type: ErrorType; value?: string; detail: string }): string {
  const head = f.field === null ? '<nil>' : f.field;
  if (f.type === 'Warning') return f.field === null ? f.detail : `${head}: ${f.detail}`;
  const parts = [head, f.type];
  if (f.value !== undefined) parts.push(f.value);
  if (f.detail !== '') parts.push(f.detail);
  return parts.join(': ');
}


export function makeFinding(input: FindingInput): Finding {
  const field = input.field !== undefined ? input.field : input.path === null ? null : FieldPath.of(input.path).toString();
  const base = { ...input, field };
  return Object.freeze({ ...base, message: formatFinding(base) });
}

/** Go's %q (strconv.Quote) for the strings the API server quotes in field errors; one implementation, in go-format. */
export const quoteGo: (value: string) => string = goQuote;

export function isError(f: Finding): boolean {
  return f.severity === 'error';
}
