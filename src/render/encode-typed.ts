// JSON-shaped value + Go type -> YamlNode, the way the operator's typed decode followed by
// yaml.v3's Marshal would write it: struct fields in Go order with omitempty, pointers to empty
// structs as {}, nil slices/maps of always-written fields as []/{}, durations canonicalised,
// metav1.Duration as a `duration:` mapping, free-form JSON numbers as float64.
import type { MessageIdOf } from '../core/rules/report.js';
import type { MessageData } from '../core/rules/rule.js';
import { canonicalDuration, fieldsOf, isRecord, isZeroType, parseGoType, type GoType } from './go-types.js';
import { Float64, YamlMap, goMap, type YamlNode } from './yaml-node.js';

/** A value the operator could not decode: the path (segments below the root) and Go's error as a render-undecodable message id and its slots. */
export interface DecodeError {
  readonly path: readonly (string | number)[];
  readonly rule: 'render-undecodable';
  readonly messageId: MessageIdOf<'render-undecodable'>;
  readonly data: MessageData;
}

class Encoder {
  readonly errors: DecodeError[] = [];
  /** Segments of the field being encoded: pushed and popped around each child, copied only on error. */
  private readonly path: (string | number)[] = [];

  private child(segment: string | number, type: GoType, v: unknown): YamlNode {
    this.path.push(segment);
    const node = this.typed(type, v);
    this.path.pop();
    return node;
  }

  duration(v: unknown): string {
    if (v === undefined || v === null || v === '') return '0s';
    if (typeof v !== 'string') return this.fail({ rule: 'render-undecodable', messageId: 'durationType', data: { type: typeof v } });
    const parsed = canonicalDuration(v);
    // time.ParseDuration's codes are render-undecodable's message ids (its table spreads goDurationMessages).
    return parsed.ok ? parsed.text : this.fail({ rule: 'render-undecodable', messageId: parsed.code, data: parsed.data });
  }

  /** Records a decode error at the current path; the field encodes as the zero duration. */
  private fail(error: Omit<DecodeError, 'path'>): string {
    this.errors.push({ path: [...this.path], ...error });
    return '0s';
  }

  struct(name: string, v: unknown): YamlMap {
    if (name === 'metav1.Duration') return new YamlMap([['duration', this.duration(v)]]);
    const obj = isRecord(v) ? v : {};
    const entries: [string, YamlNode][] = [];
    for (const f of fieldsOf(name)) {
      const value = obj[f.key];
      if (f.omitempty && isZeroType(f.type, value)) continue;
      entries.push([f.key, this.child(f.key, f.type, value)]);
    }
    return new YamlMap(entries);
  }

  collection(kind: 'slice' | 'map', elemName: string, v: unknown): YamlNode {
    const elem = parseGoType(elemName);
    if (kind === 'slice') return (Array.isArray(v) ? v : []).map((item: unknown, i) => this.child(i, elem, item));
    const obj = isRecord(v) ? v : {};
    return goMap(Object.entries(obj).map(([k, item]) => [k, this.child(k, elem, item)] as const));
  }

  /** A nil pointer prints null; a non-nil one prints its target even when that is zero. */
  pointer(elem: string, v: unknown): YamlNode {
    return v === undefined || v === null ? null : this.node(elem, v);
  }

  node(type: string, v: unknown): YamlNode {
    return this.typed(parseGoType(type), v);
  }

  /** Field and element types come parsed (fieldsOf), so the hot path does no type-name lookups. */
  typed(t: GoType, v: unknown): YamlNode {
    if (t.kind === 'ptr') return this.pointer(t.elem, v);
    if (t.kind === 'slice' || t.kind === 'map') return this.collection(t.kind, t.elem, v);
    if (t.kind === 'struct') return this.struct(t.name, v);
    if (t.kind === 'duration' || t.kind === 'time-duration') return this.duration(v);
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
  const node = enc.node(typeName, value);
  return { node, errors: enc.errors };
}
