// UPDATE ratcheting, in the spirit of Kubernetes' CRD validation ratcheting. PURE.
// An error that oldObject already had, on a field whose value the update did not change, is
// reported as a warning instead of denying: finalizer, label and status writes on an object that
// became invalid under newer rules must never block. New errors, and errors on changed fields, deny.
// Values are compared in the objects as the API server sent them (already defaulted), so an unknown
// field pruned by the engine still compares by its raw value.
import type { Finding } from '../core/finding.js';
import type { PathSegment } from '../core/field-path.js';

export interface RatchetInput {
  readonly errors: readonly Finding[];
  readonly oldErrors: readonly Finding[];
  readonly object: unknown;
  readonly oldObject: unknown;
}

export interface RatchetResult {
  /** Errors that deny the update. */
  readonly errors: readonly Finding[];
  /** Pre-existing errors on unchanged fields: reported as warnings. */
  readonly ratcheted: readonly Finding[];
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k]));
}

const keyOf = (f: Finding): string => `${f.rule}\u0000${f.message}`;

function unchanged(f: Finding, input: RatchetInput): boolean {
  if (f.path === null) return false;
  return jsonEqual(valueAt(input.object, f.path), valueAt(input.oldObject, f.path));
}

/**
 * Splits the new object's errors into denying and ratcheted ones. An object-level error (no field,
 * e.g. the "some validation rules were not checked" notice) ratchets only when oldObject had it too
 * and every other error ratcheted, since it merely echoes them.
 */
export function ratchet(input: RatchetInput): RatchetResult {
  const old = new Set(input.oldErrors.map(keyOf));
  const fielded = input.errors.filter((f) => f.path !== null);
  const ratcheted = fielded.filter((f) => old.has(keyOf(f)) && unchanged(f, input));
  const denying = fielded.filter((f) => !ratcheted.includes(f));
  const objectLevel = input.errors.filter((f) => f.path === null);
  if (denying.length === 0 && objectLevel.every((f) => old.has(keyOf(f)))) {
    return { errors: [], ratcheted: [...ratcheted, ...objectLevel] };
  }
  return { errors: input.errors.filter((f) => !ratcheted.includes(f)), ratcheted };
}
