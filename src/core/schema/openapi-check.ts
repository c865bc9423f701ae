// OpenAPI validation (upstream-behaviour §b.1 step 4): runs the compiled ajv validator and renders each error as
// kube-apiserver renders the field error. ajv noise is dropped (errors under the second and later
// anyOf/oneOf branches; kube keeps only one branch's errors), identical lines are deduplicated as
// field.ErrorList.ToAggregate does, and the order is deterministic (by field path, then ajv order).
import type { AjvLikeError, CompiledVersion, ErrorType, Finding } from '../contract.js';
import { FieldPath, type PathSegment } from '../field-path.js';
import { report } from '../rules/report.js';
import { compositeKeywords, renderers } from './openapi-messages.js';
import type { SchemaNode } from './types.js';

function unescape(p: string): string {
  return p.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Instance pointer -> path segments (array positions as numbers, map keys as strings) and the value there. */
function locate(root: unknown, pointer: string): { path: PathSegment[]; value: unknown } {
  const path: PathSegment[] = [];
  let value = root;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = unescape(raw);
    const seg = Array.isArray(value) ? Number(key) : key;
    path.push(seg);
    value = (value as Record<string | number, unknown> | undefined)?.[seg];
  }
  return { path, value };
}

/** The structural-schema node holding the failing keyword; the ajv schema mirrors its nesting. */
function schemaNode(root: SchemaNode, schemaPath: string): SchemaNode {
  const parts = schemaPath.replace(/^#\/?/, '').split('/').map(unescape).slice(0, -1);
  let node: unknown = root;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  return (node ?? {});
}

/** kube reports one branch of a failed anyOf/oneOf; keep ajv's errors from the first branch only. */
function inLaterBranch(err: AjvLikeError): boolean {
  return /\/(anyOf|oneOf)\/[1-9]\d*\//.test(err.schemaPath) || /\/not\//.test(err.schemaPath);
}

function toFinding(err: AjvLikeError, object: unknown, schema: SchemaNode): Finding | undefined {
  const { path, value } = locate(object, err.instancePath);
  const field = FieldPath.of(path).toString();
  const keyword = err.keyword;
  if (compositeKeywords.has(keyword)) {
    return report('schema-type', keyword as 'anyOf' | 'oneOf' | 'not', { field }, { path, field: null, type: 'Invalid value', value: '""' });
  }
  const render = renderers[keyword];
  if (render === undefined) return undefined;
  const node = schemaNode(schema, err.schemaPath);
  const r = render({ err, field, value, node });
  const at = keyword === 'required' ? [...path, String(err.params.missingProperty)] : path;
  return report(r.rule, r.messageId, r.data, { path: at, type: r.type, ...(r.value === undefined ? {} : { value: r.value }) });
}

function compareSegments(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

export function checkOpenApi(object: unknown, compiled: CompiledVersion): Finding[] {
  if (compiled.validate(object)) return [];
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const err of compiled.validate.errors ?? []) {
    const f = inLaterBranch(err) ? undefined : toFinding(err, object, compiled.meta.schema);
    if (f === undefined || seen.has(f.message)) continue;
    seen.add(f.message);
    out.push(f);
  }
  return out.sort((a, b) => compareSegments(a.path ?? [], b.path ?? []));
}

const BLOCKING: readonly ErrorType[] = ['Required value', 'Unsupported value', 'Too long', 'Too many'];

/**
 * Required, Unsupported value (enum), type (incl. format: kube-openapi reports both as
 * TypeInvalid), Too long and Too many errors stop CEL evaluation (upstream-behaviour §b.1); minimum, minLength,
 * pattern, minItems and Duplicate do not.
 */
export function blocksCel(f: Finding): boolean {
  if (f.origin !== 'schema') return false;
  return BLOCKING.includes(f.type) || ((f.rule === 'schema-type' || f.rule === 'schema-format') && f.field !== null);
}
