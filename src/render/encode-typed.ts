// JSON-shaped value + Go type -> YamlNode, the way the operator's typed decode followed by
// yaml.v3's Marshal would write it: struct fields in Go order with omitempty, pointers to empty
// structs as {}, nil slices/maps of always-written fields as []/{}, durations canonicalised,
// metav1.Duration as a `duration:` mapping, free-form JSON numbers as float64.
import { structFields } from './config-fields.js';
import { canonicalDuration, isRecord, isZero, parseGoType } from './go-types.js';
import { Float64, YamlMap, goMap, type YamlNode } from './yaml-node.js';

/** A value the operator could not decode: the path (segments below the root) and Go's error text. */
export interface DecodeError {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A path built lazily (a parent chain), materialised only when an error is reported. */
interface Path {
  readonly parent: Path | undefined;
  readonly segment: string | number;
}
const at = (parent: Path | undefined, segment: string | number): Path => ({ parent, segment });

function segmentsOf(path: Path | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path; p !== undefined; p = p.parent) out.unshift(p.segment);
  return out;
}

class Encoder {
  readonly errors: DecodeError[] = [];

  duration(v: unknown, path: Path | undefined): string {
    if (v === undefined || v === null || v === '') return '0s';
    const parsed = typeof v === 'string' ? canonicalDuration(v) : { ok: false as const, error: `cannot decode ${typeof v} as a duration` };
    if (parsed.ok) return parsed.text;
    this.errors.push({ path: segmentsOf(path), message: parsed.error });
    return '0s';
  }

  struct(name: string, v: unknown, path: Path | undefined): YamlMap {
    if (name === 'metav1.Duration') return new YamlMap([['duration', this.duration(v, path)]]);
    const obj = isRecord(v) ? v : {};
    const entries: [string, YamlNode][] = [];
    for (const [key, type, omitempty] of structFields[name]!) {
      if (omitempty && isZero(type, obj[key])) continue;
      entries.push([key, this.node(type, obj[key], at(path, key))]);
    }
    return new YamlMap(entries);
  }

  collection(kind: 'slice' | 'map', elem: string, v: unknown, path: Path | undefined): YamlNode {
    if (kind === 'slice') return (Array.isArray(v) ? v : []).map((item: unknown, i) => this.node(elem, item, at(path, i)));
    const obj = isRecord(v) ? v : {};
    return goMap(Object.entries(obj).map(([k, item]) => [k, this.node(elem, item, at(path, k))] as const));
  }

  /** A nil pointer prints null; a non-nil one prints its target even when that is zero. */
  pointer(elem: string, v: unknown, path: Path | undefined): YamlNode {
    return v === undefined || v === null ? null : this.node(elem, v, path);
  }

  node(type: string, v: unknown, path: Path | undefined): YamlNode {
    const t = parseGoType(type);
    if (t.kind === 'ptr') return this.pointer(t.elem, v, path);
    if (t.kind === 'slice' || t.kind === 'map') return this.collection(t.kind, t.elem, v, path);
    if (t.kind === 'struct') return this.struct(t.name, v, path);
    if (t.kind === 'duration' || t.kind === 'time-duration') return this.duration(v, path);
    return t.kind === 'free-map' || t.kind === 'free-any' ? freeForm(v) : scalar(t.kind, v);
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '');

function scalar(kind: 'string' | 'bool' | 'int', v: unknown): YamlNode {
  if (kind === 'bool') return v === true;
  if (kind === 'int') return typeof v === 'bigint' ? v : typeof v === 'number' ? Math.trunc(v) : 0;
  return text(v);
}

/** encoding/json into map[string]any / any: numbers become float64, maps are Go maps. */
export function freeForm(v: unknown): YamlNode {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(freeForm);
  if (isRecord(v)) return goMap(Object.entries(v).map(([k, item]) => [k, freeForm(item)] as const));
  if (typeof v === 'number') return new Float64(v);
  if (typeof v === 'bigint') return new Float64(Number(v));
  return typeof v === 'boolean' ? v : text(v);
}

/** Encodes `value` as Go struct type `typeName` (e.g. config.Config). */
export function encodeTyped(typeName: string, value: unknown): { node: YamlNode; errors: readonly DecodeError[] } {
  const enc = new Encoder();
  const node = enc.node(typeName, value, undefined);
  return { node, errors: enc.errors };
}
