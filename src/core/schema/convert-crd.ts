// Pure CRD -> engine schemas conversion, shared by scripts/generate-schemas.ts (build time) and
// `--crd FILE` (run time). Per served version it yields the structural schema the engine walks
// (description prose stripped, Kubernetes extensions kept) and an ajv-ready JSON Schema.
import type { CrdVersionSchema, SchemaNode } from './types.js';
import { toAjvSchema } from './to-ajv.js';
import { setField } from './fields.js';
import { isRecord } from '../json.js';

export interface ConvertedVersion {
  readonly meta: CrdVersionSchema;
  /** JSON Schema for ajv: x-kubernetes-* moved out, nullable/int-or-string as type lists, patterns in JS syntax. */
  readonly ajvSchema: Record<string, unknown>;
}

export type ConvertResult = { ok: true; versions: ConvertedVersion[] } | { ok: false; error: string };

export interface ExpectedKind {
  readonly group: string;
  readonly kind: string;
}

type Json = Record<string, unknown>;

/** Drops `description` prose; under `properties` the keys are field names (a field may be called `description`). */
export function stripDescriptions(node: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => stripDescriptions(n));
  if (!isRecord(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (isPropertyMap) setField(out, k, stripDescriptions(v));
    else if (k === 'description') continue;
    else setField(out, k, k === 'default' || k === 'enum' || k === 'example' ? v : stripDescriptions(v, k === 'properties'));
  }
  return out;
}

function checkHeader(crd: unknown, expected: ExpectedKind | undefined): string | Json {
  if (!isRecord(crd)) return 'not a Kubernetes object (expected a CustomResourceDefinition mapping)';
  if (crd.kind !== 'CustomResourceDefinition') return `not a CustomResourceDefinition (kind: ${JSON.stringify(crd.kind ?? null)})`;
  const spec = crd.spec;
  if (!isRecord(spec) || !isRecord(spec.names) || !Array.isArray(spec.versions)) return 'CustomResourceDefinition has no spec.group/spec.names/spec.versions';
  return expected === undefined ? spec : (checkKind(spec, expected) ?? spec);
}

function checkKind(spec: Json, expected: ExpectedKind): string | undefined {
  if (spec.group !== expected.group) return `CRD group is ${JSON.stringify(spec.group)}, expected "${expected.group}"`;
  const kind = (spec.names as Json).kind;
  if (kind !== expected.kind) return `CRD kind is ${JSON.stringify(kind)}, expected "${expected.kind}"`;
  return undefined;
}

function convertVersion(spec: Json, v: Json): ConvertedVersion {
  const schema = isRecord(v.schema) ? v.schema.openAPIV3Schema : undefined;
  if (!isRecord(schema)) throw new Error(`version ${String(v.name)} has no schema.openAPIV3Schema`);
  const meta: CrdVersionSchema = {
    group: String(spec.group),
    kind: String((spec.names as Json).kind),
    version: String(v.name),
    served: v.served === true,
    storage: v.storage === true,
    deprecated: v.deprecated === true,
    ...(typeof v.deprecationWarning === 'string' ? { deprecationWarning: v.deprecationWarning } : {}),
    ...(isRecord(v.subresources) && isRecord(v.subresources.status) ? { statusSubresource: true } : {}),
    schema: stripDescriptions(schema) as SchemaNode,
  };
  try {
    return { meta, ajvSchema: toAjvSchema(meta.schema) };
  } catch (e) {
    throw new Error(`version ${meta.version}: ${(e as Error).message}`);
  }
}

/** Converts every served version; never throws on bad input (returns {ok:false, error}). */
export function convertCrd(crd: unknown, expected?: ExpectedKind): ConvertResult {
  const spec = checkHeader(crd, expected);
  if (typeof spec === 'string') return { ok: false, error: spec };
  const served = (spec.versions as unknown[]).filter((v): v is Json => isRecord(v) && v.served === true);
  if (served.length === 0) return { ok: false, error: 'CRD has no served versions' };
  try {
    return { ok: true, versions: served.map((v) => convertVersion(spec, v)) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
