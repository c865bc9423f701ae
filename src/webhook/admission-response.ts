// Builds the AdmissionReview answer. PURE. Same apiVersion/kind as the request, response.uid echoed,
// never a patch. Denials carry reason Invalid with one cause per error: kubectl prints
// `The VirtualMCPServer "x" is invalid: <field>: <body>` from the causes (the same lines as the CLI),
// and other clients print `admission webhook "<name>" denied the request: <message>`, so the
// message's first line stands on its own and every error follows on its own line, field path first.
import type { ErrorType, Finding } from '../core/finding.js';
import type { AdmissionApiVersion, GroupVersionKind } from './admission-types.js';

export type Verdict =
  | { readonly allowed: true; readonly warnings: readonly string[] }
  | { readonly allowed: false; readonly code: 422; readonly errors: readonly Finding[]; readonly warnings: readonly string[] }
  | { readonly allowed: false; readonly code: 500; readonly message: string };

export interface StatusCause {
  readonly field: string;
  readonly message: string;
  readonly reason: string;
}

export interface ResponseStatus {
  readonly code: number;
  readonly reason: 'Invalid' | 'InternalError';
  readonly message: string;
  readonly details?: { readonly name: string; readonly group: string; readonly kind: string; readonly causes: readonly StatusCause[] };
}

export interface AdmissionResponseReview {
  readonly apiVersion: AdmissionApiVersion;
  readonly kind: 'AdmissionReview';
  readonly response: {
    readonly uid: string;
    readonly allowed: boolean;
    readonly status?: ResponseStatus;
    readonly warnings?: readonly string[];
  };
}

/** metav1.CauseType for each field.ErrorType, as the API server fills StatusCause.reason. */
const causeReasons: Record<ErrorType, string> = {
  'Required value': 'FieldValueRequired',
  'Unsupported value': 'FieldValueNotSupported',
  'Invalid value': 'FieldValueInvalid',
  'Duplicate value': 'FieldValueDuplicate',
  'Not found': 'FieldValueNotFound',
  Forbidden: 'FieldValueForbidden',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
  'Internal error': 'InternalError',
  Warning: 'FieldValueInvalid',
};

/** Splits `<field>: <body>` the way the API server splits field.Error into a StatusCause. */
export function toCause(f: Finding): StatusCause {
  const field = f.field ?? '<nil>';
  const prefix = `${field}: `;
  const message = f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
  return { field, message, reason: causeReasons[f.type] };
}

export function denialMessage(kind: string, name: string, errors: readonly Finding[]): string {
  const subject = name === '' ? kind : `${kind} ${JSON.stringify(name)}`;
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return [`${subject} is invalid (${count}):`, ...errors.map((e) => e.message)].join('\n');
}

export interface ResponseTarget {
  readonly apiVersion: AdmissionApiVersion;
  readonly uid: string;
  readonly name: string;
  readonly kind: GroupVersionKind;
}

function statusOf(target: ResponseTarget, verdict: Exclude<Verdict, { allowed: true }>): ResponseStatus {
  if (verdict.code === 500) return { code: 500, reason: 'InternalError', message: verdict.message };
  const { group, kind } = target.kind;
  return {
    code: 422,
    reason: 'Invalid',
    message: denialMessage(kind, target.name, verdict.errors),
    details: { name: target.name, group, kind, causes: verdict.errors.map(toCause) },
  };
}

export function toResponse(target: ResponseTarget, verdict: Verdict): AdmissionResponseReview {
  const warnings = 'warnings' in verdict && verdict.warnings.length > 0 ? { warnings: verdict.warnings } : {};
  const status = verdict.allowed ? {} : { status: statusOf(target, verdict) };
  return {
    apiVersion: target.apiVersion,
    kind: 'AdmissionReview',
    response: { uid: target.uid, allowed: verdict.allowed, ...status, ...warnings },
  };
}
