// Decides what a parsed review deserves. PURE apart from the injected validate function.
// Only CREATE/UPDATE of the main VirtualMCPServer resource is judged; everything else is allowed with
// a reason the caller logs. UPDATEs are ratcheted against oldObject.
import type { Finding } from '../core/finding.js';
import type { ValidationResult } from '../core/validate.js';
import type { Review } from './admission.js';
import type { Verdict } from './admission-response.js';
import { ratchet } from './ratchet.js';
import { cleanWarning, maxWarningLength, sanitizeWarnings, truncate } from './warnings.js';

/** The engine's result after rule control (`--disable`, the object's ignore annotation); `ignored` = silenced warnings. */
export type Judged = ValidationResult & { readonly ignored?: readonly Finding[] };
export type ValidateFn = (object: unknown) => Judged;

export const judgedGroup = 'toolhive.stacklok.dev';
export const judgedKind = 'VirtualMCPServer';
export const judgedVersions: readonly string[] = ['v1beta1', 'v1alpha1'];

export interface Judgement {
  readonly verdict: Verdict;
  /** `skipped` = allowed without judging (reason says why). */
  readonly outcome: 'allowed' | 'denied' | 'skipped' | 'error';
  readonly errors: number;
  readonly warnings: number;
  readonly reason?: string;
  /** Rule ids of the warnings the object's ignore annotation silenced (one entry per warning). */
  readonly ignored?: readonly string[];
}

function hasDeletionTimestamp(object: unknown): boolean {
  const meta = (object as { metadata?: { deletionTimestamp?: unknown } } | null)?.metadata;
  return typeof meta === 'object' && meta !== null && meta.deletionTimestamp != null;
}

/** Why a review is not judged, or undefined when it is. */
export function skipReason(review: Review): string | undefined {
  const { group, version, kind } = review.kind;
  if (review.operation !== 'CREATE' && review.operation !== 'UPDATE') return `operation ${review.operation} is not checked`;
  if (group !== judgedGroup || kind !== judgedKind) return `kind ${group === '' ? kind : `${kind}.${group}`} is not checked`;
  if (!judgedVersions.includes(version)) return `version ${version} is not checked`;
  if (review.subResource !== '') return `subresource ${review.subResource} is not checked`;
  if (review.object === null) return 'request has no object';
  if (hasDeletionTimestamp(review.object)) return 'object is being deleted';
  return undefined;
}

const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === 'error');

/** Marks an error that ratcheting let through; the error text itself stays as the CLI prints it. */
export const ratchetNote = ' [pre-existing]';

function ratchetWarning(f: Finding): string {
  return truncate(cleanWarning(f.message), maxWarningLength - ratchetNote.length) + ratchetNote;
}

function verdictOf(errors: readonly Finding[], warningTexts: readonly string[]): Judgement {
  const warnings = sanitizeWarnings(warningTexts);
  const verdict: Verdict = errors.length === 0 ? { allowed: true, warnings } : { allowed: false, code: 422, errors, warnings };
  return { verdict, outcome: verdict.allowed ? 'allowed' : 'denied', errors: errors.length, warnings: warnings.length };
}

/** Runs the engine (twice for an invalid UPDATE, to ratchet) and folds findings into a verdict. */
export function judge(review: Review, validate: ValidateFn): Judgement {
  const reason = skipReason(review);
  if (reason !== undefined) return { verdict: { allowed: true, warnings: [] }, outcome: 'skipped', errors: 0, warnings: 0, reason };
  const result = validate(review.object);
  const warningTexts = result.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
  const errors = errorsOf(result.findings);
  const ignored = (result.ignored ?? []).map((f) => f.rule);
  const withIgnored = (j: Judgement): Judgement => (ignored.length === 0 ? j : { ...j, ignored });
  if (errors.length === 0 || review.operation !== 'UPDATE' || review.oldObject === null) return withIgnored(verdictOf(errors, warningTexts));
  const oldErrors = errorsOf(validate(review.oldObject).findings);
  const split = ratchet({ errors, oldErrors, object: review.object, oldObject: review.oldObject, ...(result.schema === undefined ? {} : { schema: result.schema }) });
  return withIgnored(verdictOf(split.errors, [...split.ratcheted.map(ratchetWarning), ...warningTexts]));
}
