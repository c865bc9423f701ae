// Pruning of fields the structural schema does not declare (upstream-behaviour §b.1 step 2), mirroring
// apiextensions' structural pruning: the root is an embedded resource (apiVersion, kind and
// metadata are not unknown; metadata is coerced as ObjectMeta), x-kubernetes-preserve-unknown-fields
// keeps a node's unknown keys while its declared properties still prune (so
// `spec.config.ratelimiting` survives and `spec.config.rateLimiting.shared.burst` does not),
// additionalProperties schemas prune map values. Never mutates the input (an ObjectMeta with nothing to
// prune is returned as is).
import type { Finding, Mode } from '../contract.js';
import { report } from '../rules/report.js';
import { FieldPath, type PathSegment } from '../field-path.js';
import type { SchemaNode } from './types.js';
import { declaredProperty, setField } from './fields.js';
import { isRecord } from '../json.js';

type Json = Record<string, unknown>;

export const RESOURCE_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata']);
/** metav1.ObjectMeta's JSON fields (kube-apiserver 1.32/1.33). */
const OBJECT_META = new Set(['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences',
  'finalizers', 'managedFields']);

export interface Ctx {
  readonly unknown: PathSegment[][];
}

function isEmbedded(s: SchemaNode, path: readonly PathSegment[]): boolean {
  return path.length === 0 || s['x-kubernetes-embedded-resource'] === true;
}

/** ObjectMeta of an embedded resource: only metav1.ObjectMeta's fields stay. */
export function pruneMeta(v: unknown, path: readonly PathSegment[], ctx: Ctx): unknown {
  if (!isRecord(v)) return v;
  const keys = Object.keys(v);
  if (keys.every((k) => OBJECT_META.has(k))) return v; // the usual case: nothing to prune, nothing copied
  const out: Json = {};
  for (const k of keys) {
    if (OBJECT_META.has(k)) setField(out, k, v[k]);
    else ctx.unknown.push([...path, k]);
  }
  return out;
}

/** The schema for key `k` of a map; 'keep' for `additionalProperties: true`; null when unknown. */
function childSchema(s: SchemaNode | undefined, k: string): SchemaNode | 'keep' | null {
  const prop = declaredProperty(s, k);
  if (prop !== undefined) return prop;
  if (isRecord(s?.additionalProperties)) return s.additionalProperties;
  return s?.additionalProperties === true ? 'keep' : null;
}

function pruneMap(x: Json, s: SchemaNode | undefined, path: PathSegment[], ctx: Ctx): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(x)) {
    const at = [...path, k];
    const child = childSchema(s, k);
    if (s !== undefined && isEmbedded(s, path) && RESOURCE_FIELDS.has(k)) setField(out, k, k === 'metadata' ? pruneMeta(v, at, ctx) : v);
    else if (child === 'keep') setField(out, k, v);
    else if (child !== null) setField(out, k, prune(v, child, at, ctx));
    else if (s?.['x-kubernetes-preserve-unknown-fields'] === true) setField(out, k, v);
    else ctx.unknown.push(at);
  }
  return out;
}

/** Under preserve-unknown-fields, array items keep their unknown keys too (kube's skipPrune). */
function withPreserve(s: SchemaNode | undefined): SchemaNode | undefined {
  return s === undefined || s['x-kubernetes-preserve-unknown-fields'] === true ? s : { ...s, 'x-kubernetes-preserve-unknown-fields': true };
}

function prune(x: unknown, s: SchemaNode | undefined, path: PathSegment[], ctx: Ctx): unknown {
  if (Array.isArray(x)) {
    const items = s?.['x-kubernetes-preserve-unknown-fields'] === true ? withPreserve(s.items) : s?.items;
    return x.map((v, i) => prune(v, items, [...path, i], ctx));
  }
  return isRecord(x) ? pruneMap(x, s, path, ctx) : x;
}

export function pruneUnknownFields(object: unknown, schema: SchemaNode, mode: Mode): { object: unknown; findings: Finding[] } {
  const ctx: Ctx = { unknown: [] };
  const pruned = prune(object, schema, [], ctx);
  return { object: pruned, findings: unknownFieldFindings(ctx.unknown, mode) };
}

/** The API server's `unknown field "<path>"` lines, sorted by field. */
export function unknownFieldFindings(unknown: readonly (readonly PathSegment[])[], mode: Mode): Finding[] {
  if (unknown.length === 0) return [];
  return unknown
    .map((path) => ({ path, field: FieldPath.of(path).toString() }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map(({ path, field }) => {
      const f = report('schema-unknown-field', 'unknown', { field }, { path, field, type: 'Warning', mode });
      // The API server's warning (and strict-mode error) is the bare `unknown field "<path>"`.
      return Object.freeze({ ...f, message: f.detail });
    });
}
