// Go type expressions from the field table ('*T', '[]T', 'map[string]T', kinds, named types) and
// yaml.v3's isZero for a JSON-shaped value of that type (what omitempty skips).
import { formatGoDuration, parseGoDuration, type GoDurationError } from '../core/duration.js';
import { namedScalars, structFields } from './config-fields.js';
import { isRecord } from '../core/json.js';

export { isRecord };

export type GoType =
  | { readonly kind: 'ptr' | 'slice' | 'map'; readonly elem: string }
  | { readonly kind: 'struct'; readonly name: string }
  | { readonly kind: 'string' | 'bool' | 'int' | 'duration' | 'time-duration' | 'free-map' | 'free-any' };

const INT_KINDS = new Set(['int', 'int32', 'int64']);

const typeMemo = new Map<string, GoType>();

/** Parsed once per type expression (the table is fixed, so the memo stays small). */
export function parseGoType(type: string): GoType {
  let t = typeMemo.get(type);
  if (t === undefined) {
    t = parseUncached(type);
    typeMemo.set(type, t);
  }
  return t;
}

/** A struct field with its type parsed: what the encoder walks for every value of that struct. */
export interface StructField {
  readonly key: string;
  readonly type: GoType;
  readonly omitempty: boolean;
}

const fieldsMemo = new Map<string, readonly StructField[]>();

/** The field table of struct `name` with parsed types (built once per struct). */
export function fieldsOf(name: string): readonly StructField[] {
  let fields = fieldsMemo.get(name);
  if (fields === undefined) {
    fields = structFields[name]!.map(([key, type, omitempty]) => ({ key, type: parseGoType(type), omitempty }));
    fieldsMemo.set(name, fields);
  }
  return fields;
}

function parseUncached(type: string): GoType {
  if (type.startsWith('*')) return { kind: 'ptr', elem: type.slice(1) };
  if (type.startsWith('[]')) return { kind: 'slice', elem: type.slice(2) };
  if (type.startsWith('map[string]')) return { kind: 'map', elem: type.slice('map[string]'.length) };
  if (type === 'string' || type === 'bool') return { kind: type };
  if (INT_KINDS.has(type)) return { kind: 'int' };
  const named = namedScalars[type];
  if (named !== undefined) return { kind: named };
  if (structFields[type] !== undefined) return { kind: 'struct', name: type };
  throw new Error(`config-fields: unknown Go type ${type}`);
}

const isNil = (v: unknown): boolean => v === undefined || v === null;

/** Canonical Go duration text per input text (pure memo; durations repeat a lot). */
export type CanonicalDuration = { readonly ok: true; readonly text: string } | GoDurationError;
const durationMemo = new Map<string, CanonicalDuration>();

/** The canonical text, or time.ParseDuration's error (its code and slots; the texts are goDurationMessages). */
export function canonicalDuration(v: string): CanonicalDuration {
  let hit = durationMemo.get(v);
  if (hit === undefined) {
    const parsed = parseGoDuration(v);
    hit = parsed.ok ? { ok: true, text: formatGoDuration(parsed.nanoseconds) } : parsed;
    if (durationMemo.size < 4096) durationMemo.set(v, hit);
  }
  return hit;
}

/** Zero durations (0, "0s") are omitted; unparsable text is not zero (the encoder reports it). */
function zeroDuration(v: unknown): boolean {
  if (isNil(v) || v === '') return true;
  if (typeof v !== 'string') return false;
  const parsed = canonicalDuration(v);
  return parsed.ok && parsed.text === '0s';
}

function zeroStruct(name: string, v: unknown): boolean {
  if (name === 'metav1.Duration') return zeroDuration(v);
  if (!isRecord(v)) return true;
  for (const f of fieldsOf(name)) if (!isZeroType(f.type, v[f.key])) return false;
  return true;
}

const emptyCollection = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : !isRecord(v) || Object.keys(v).length === 0);
const zeroScalar = (v: unknown): boolean => isNil(v) || v === '' || v === false || v === 0 || v === 0n;

const ZERO: Readonly<Record<Exclude<GoType['kind'], 'struct'>, (v: unknown) => boolean>> = {
  ptr: isNil,
  'free-any': isNil,
  slice: (v) => !Array.isArray(v) || v.length === 0,
  map: emptyCollection,
  'free-map': emptyCollection,
  duration: zeroDuration,
  'time-duration': zeroDuration,
  string: zeroScalar,
  bool: zeroScalar,
  int: zeroScalar,
};

/** yaml.v3 isZero after encoding/json decoded `v` into a value of Go type `type`. */
export function isZero(type: string, v: unknown): boolean {
  return isZeroType(parseGoType(type), v);
}

export function isZeroType(t: GoType, v: unknown): boolean {
  return t.kind === 'struct' ? zeroStruct(t.name, v) : ZERO[t.kind](v);
}
