// A finding is plain data; formatFinding is the one place that renders the API-server line
// `<field>: <Type>: <value>: <detail>` (k8s field.Error style).
import { FieldPath, type PathSegment } from './field-path.js';

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

/** Printable ASCII other than `"` and `\\`: quoted as is (the common case, checked first). */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols, and the ASCII space only. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const NAMED_ESCAPES: Readonly<Record<number, string>> = { 0x07: '\\a', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v' };
const hex = (cp: number, width: number): string => cp.toString(16).padStart(width, '0');

function quoteRune(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd'; // a lone surrogate: Go decoded it as U+FFFD, which prints as is
  if (ch === '"' || ch === '\\') return `\\${ch}`;
  if (PRINTABLE.test(ch)) return ch;
  const named = NAMED_ESCAPES[cp];
  if (named !== undefined) return named;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/**
 * Go's %q (strconv.Quote) for the strings the API server quotes in field errors: a no-break space,
 * DEL or a line separator shows as an escape, so the character that made a value invalid is visible.
 */
export function quoteGo(value: string): string {
  if (PLAIN_ASCII.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) out += quoteRune(ch);
  return `${out}"`;
}

export function isError(f: Finding): boolean {
  return f.severity === 'error';
}
