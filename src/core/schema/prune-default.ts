// The API server's decode steps (upstream-behaviour §b.1 steps 2-3) in ONE walk: structural pruning (prune.ts)
// and defaulting (defaults.ts) fused, giving exactly applyDefaults(pruneUnknownFields(x).object)
// and the same findings. Copy on write: a node is rebuilt only when something under it is pruned or
// defaulted; every untouched subtree (ObjectMeta, preserved podTemplateSpec, most of a valid spec) is
// the input's own object, so treat both as immutable. One path stack instead of an array per node
// (a path is copied only for an unknown field) and per-schema-node tables computed once. With a
// status subresource the root `status` is pruned (its unknown fields are still reported) and then
// dropped, as the API server ignores it on create and update.
import type { Finding, Mode } from '../contract.js';
import type { PathSegment } from '../field-path.js';
import { applyDefaults, copy, defaultChild } from './defaults.js';
import { pruneMeta, RESOURCE_FIELDS, unknownFieldFindings } from './prune.js';
import type { SchemaNode } from './types.js';
import { declaredProperty, hasField, setField } from './fields.js';
import { isRecord } from '../json.js';

type Json = Record<string, unknown>;

interface Walk {
  /** Segments from the root to the node being walked (pushed and popped, never shared). */
  readonly path: PathSegment[];
  readonly unknown: PathSegment[][];
  /** A root key pruned but left out of the result (`status` under a status subresource). */
  readonly dropRoot: string | undefined;
}

/** Per schema node: the map-value schema and the properties that carry a default. */
interface Table {
  readonly values: SchemaNode | undefined;
  readonly defaulted: readonly (readonly [string, SchemaNode])[];
}

const tables = new WeakMap<SchemaNode, Table>();
const defaults = new WeakMap<SchemaNode, unknown>();
const DROP = Symbol('drop');

function tableOf(s: SchemaNode): Table {
  let t = tables.get(s);
  if (t === undefined) {
    const defaulted = Object.entries(s.properties ?? {}).filter(([, prop]) => prop.default !== undefined);
    t = { values: isRecord(s.additionalProperties) ? s.additionalProperties : undefined, defaulted };
    tables.set(s, t);
  }
  return t;
}

/** A fresh copy of a property's default with defaulting continued inside it (computed once per property). */
function defaultOf(prop: SchemaNode): unknown {
  let d = defaults.get(prop);
  if (d === undefined) {
    d = applyDefaults(copy(prop.default), prop);
    defaults.set(prop, d);
  }
  return copy(d);
}

function descend(v: unknown, s: SchemaNode | undefined, seg: PathSegment, w: Walk): unknown {
  w.path.push(seg);
  const out = walk(v, s, false, w);
  w.path.pop();
  return out;
}

const isEmbedded = (s: SchemaNode, w: Walk): boolean => w.path.length === 0 || s['x-kubernetes-embedded-resource'] === true;

/** Resource fields of an embedded object are kept as they are (metadata as ObjectMeta), then defaulted. */
function resourceField(v: unknown, s: SchemaNode, k: string, w: Walk): unknown {
  if (k !== 'metadata') return defaultChild(v, s, k);
  w.path.push(k);
  const meta = pruneMeta(v, w.path, w);
  w.path.pop();
  return defaultChild(meta, s, k);
}

/** The map being walked: its schema and whether it keeps unknown keys (preserve-unknown-fields, own or inherited). */
interface MapNode {
  readonly s: SchemaNode;
  readonly keepsUnknown: boolean;
}

/** A null under a non-nullable value schema: dropped without a default, else the default (a property's defaulted). */
const nonNullableNull = (vs: SchemaNode, prop: SchemaNode | undefined): unknown => {
  if (vs.default === undefined) return DROP;
  return prop === undefined ? copy(vs.default) : defaultOf(prop);
};

/** One key of a map: its final value, or DROP (unknown, or a non-nullable null without a default). */
function entry(v: unknown, k: string, m: MapNode, w: Walk): unknown {
  const prop = declaredProperty(m.s, k);
  const vs = prop ?? tableOf(m.s).values;
  if (v === null && vs !== undefined && vs.nullable !== true) return nonNullableNull(vs, prop);
  if (RESOURCE_FIELDS.has(k) && isEmbedded(m.s, w)) return resourceField(v, m.s, k, w);
  if (vs !== undefined) return descend(v, vs, k, w);
  if (m.keepsUnknown) return v;
  w.unknown.push([...w.path, k]);
  return DROP;
}

/** A new map holding the first `n` keys of `x` as they are: the walk found a change at key n. */
function prefixOf(x: Json, keys: readonly string[], n: number): Json {
  const out: Json = {};
  for (let j = 0; j < n; j++) setField(out, keys[j]!, x[keys[j]!]);
  return out;
}

/** The walked entries of `x`: undefined while every value came back as it was (copy on write). */
function walkEntries(x: Json, keys: readonly string[], m: MapNode, w: Walk): Json | undefined {
  const skip = w.path.length === 0 ? w.dropRoot : undefined;
  let out: Json | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const old = x[k];
    const walked = entry(old, k, m, w); // a skipped root key is still walked: its unknown fields are reported
    const v = k === skip ? DROP : walked;
    if (out === undefined && v === old) continue;
    out ??= prefixOf(x, keys, i);
    if (v !== DROP) setField(out, k, v);
  }
  return out;
}

function walkMap(x: Json, s: SchemaNode, preserve: boolean, w: Walk): Json {
  const keys = Object.keys(x);
  const skip = w.path.length === 0 ? w.dropRoot : undefined;
  let out = walkEntries(x, keys, { s, keepsUnknown: s.additionalProperties === true || preserve || s['x-kubernetes-preserve-unknown-fields'] === true }, w);
  for (const [k, prop] of tableOf(s).defaulted) {
    if (hasField(out ?? x, k) || k === skip) continue;
    out ??= prefixOf(x, keys, keys.length);
    setField(out, k, defaultOf(prop));
  }
  return out ?? x;
}

/** The list being walked: its item schema and whether items keep unknown keys. */
interface ListNode {
  readonly items: SchemaNode | undefined;
  readonly keep: boolean;
}

/** One array item: a non-nullable null takes the items default as is; anything else is walked. */
function listItem(old: unknown, i: number, l: ListNode, w: Walk): unknown {
  const { items } = l;
  if (old === null && items !== undefined && items.nullable !== true && items.default !== undefined) return copy(items.default);
  w.path.push(i);
  const v = walk(old, items, l.keep, w);
  w.path.pop();
  return v;
}

function walkList(x: readonly unknown[], s: SchemaNode | undefined, preserve: boolean, w: Walk): unknown[] {
  // Under preserve-unknown-fields, array items keep their unknown keys too (kube's skipPrune).
  const l: ListNode = { items: s?.items, keep: s !== undefined && (preserve || s['x-kubernetes-preserve-unknown-fields'] === true) };
  let out: unknown[] | undefined; // made on the first change, as in walkEntries
  for (let i = 0; i < x.length; i++) {
    const v = listItem(x[i], i, l, w);
    if (out === undefined && v === x[i]) continue;
    out ??= x.slice(0, i);
    out.push(v);
  }
  return out ?? (x as unknown[]);
}

/** Without a schema (items of an array that declares none) every key of a map is unknown. */
function walkUnknown(x: Json, w: Walk): Json {
  for (const k of Object.keys(x)) w.unknown.push([...w.path, k]);
  return {};
}

function walk(x: unknown, s: SchemaNode | undefined, preserve: boolean, w: Walk): unknown {
  if (Array.isArray(x)) return walkList(x, s, preserve, w);
  if (!isRecord(x)) return x;
  return s === undefined ? walkUnknown(x, w) : walkMap(x, s, preserve, w);
}

export interface PruneDefaultOptions {
  /** Unknown fields warn in crd mode and deny in strict mode. */
  readonly mode: Mode;
  /** The CRD has a status subresource: `status` is pruned, then left out. */
  readonly dropStatus?: boolean;
}

/** `object` pruned and defaulted (sharing its untouched subtrees) plus the unknown-field findings (sorted by field). */
export function pruneAndDefault(object: unknown, schema: SchemaNode, options: PruneDefaultOptions): { object: unknown; findings: Finding[] } {
  const w: Walk = { path: [], unknown: [], dropRoot: options.dropStatus === true ? 'status' : undefined };
  const out = walk(object, schema, false, w);
  return { object: out, findings: unknownFieldFindings(w.unknown, options.mode) };
}
