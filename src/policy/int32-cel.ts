// runtime-int32-range in CEL: one validation per `format: int32` field of the schema outside lists
// and rateLimiting (maxTokens is the bucket rule), map values included (`backends.<name>...`).
// Ratcheting: a value equal to oldObject's at the same path does not deny.
import type { SchemaNode } from '../core/schema/types.js';
import { hasPath } from './buckets-cel.js';
import { fillCel, lit } from './cel-text.js';
import type { PolicyBounds, PolicyValidation } from './types.js';

type Segment = { readonly key: string } | { readonly map: true };

function collect(s: SchemaNode, path: readonly Segment[], out: Segment[][]): void {
  if (s.format === 'int32') out.push([...path]);
  for (const [k, child] of Object.entries(s.properties ?? {})) {
    if (k === 'rateLimiting' || (path.length === 0 && k === 'status')) continue;
    collect(child, [...path, { key: k }], out);
  }
  if (typeof s.additionalProperties === 'object') collect(s.additionalProperties, [...path, { map: true }], out);
}

const INT32 = { min: '-2147483648', max: '2147483647' };

interface Side {
  readonly expr: string;
  readonly guards: readonly string[];
}

/** `value in range, or unchanged from oldObject` for the rest of a path below `base`. */
function holds(base: Side, old: Side, rest: readonly Segment[]): string {
  const [seg, ...tail] = rest;
  if (seg === undefined) return `(${base.expr} >= ${INT32.min} && ${base.expr} <= ${INT32.max}) || (${[...old.guards, `${old.expr} == ${base.expr}`].join(' && ')})`;
  if ('key' in seg) {
    const next = { expr: `${base.expr}.${seg.key}`, guards: [] };
    const oldNext = { expr: `${old.expr}.${seg.key}`, guards: [...old.guards, `has(${old.expr}.${seg.key})`] };
    return `!has(${next.expr}) || (${holds(next, oldNext, tail)})`;
  }
  return `${base.expr}.all(k, ${holds({ expr: `${base.expr}[k]`, guards: [] }, { expr: `${old.expr}[k]`, guards: [...old.guards, `k in ${old.expr}`] }, tail)})`;
}

const fieldOf = (path: readonly Segment[]): string => path.map((s) => ('key' in s ? s.key : '<k>')).join('.');

/** The map `m` (CEL) is within the bounds: few enough entries, short enough keys. */
export const mapWithin = (m: string, b: PolicyBounds): string => `size(${m}) <= ${b.mapEntries} && ${m}.all(k, size(k) <= ${b.mapKey})`;

function validation(path: readonly Segment[], rule: string, template: string, bounds: PolicyBounds): PolicyValidation {
  const root = { expr: 'object', guards: [] };
  const oldRoot = { expr: 'oldObject', guards: ['oldObject != null'] };
  const mapAt = path.findIndex((s) => !('key' in s));
  if (path.slice(mapAt + 1).some((s) => !('key' in s))) throw new Error(`policy: int32 field under two maps: ${fieldOf(path)}`);
  const message = `${fieldOf(path).replace('<k>', '<key>')}: ${template.replace(/\{(\w+)\}/g, (w, k: string) => (k === 'min' ? INT32.min : k === 'max' ? INT32.max : k === 'value' ? 'the value' : w))}`;
  if (mapAt < 0) {
    const v = `object.${fieldOf(path)}`;
    // '' when the field is absent: the API server evaluates every messageExpression, also for a passing validation.
    const present = hasPath('object', path.map((s) => (s as { key: string }).key));
    return { rule, expression: holds(root, oldRoot, path), messageExpression: `${present} ? ${lit(`${fieldOf(path)}: Invalid value: `)} + string(${v}) + ': ' + ${fillCel(template, { value: `string(${v})`, ...lits() })} : ''`, message };
  }
  const before = path.slice(0, mapAt) as { key: string }[];
  const after = path.slice(mapAt + 1) as { key: string }[];
  const mapExpr = `object.${before.map((s) => s.key).join('.')}`;
  const oldMap = { expr: `oldObject.${before.map((s) => s.key).join('.')}`, guards: ['oldObject != null', ...before.map((_, i) => `has(oldObject.${before.slice(0, i + 1).map((s) => s.key).join('.')})`)] };
  const inner = holds({ expr: `${mapExpr}[k]`, guards: [] }, { expr: `${oldMap.expr}[k]`, guards: [...oldMap.guards, `k in ${oldMap.expr}`] }, after);
  const guard = before.map((_, i) => `has(object.${before.slice(0, i + 1).map((s) => s.key).join('.')})`).join(' && ');
  const v = `${mapExpr}[k].${after.map((s) => s.key).join('.')}`;
  const text = `${lit(`${before.map((s) => s.key).join('.')}.`)} + k + ${lit(`.${after.map((s) => s.key).join('.')}: Invalid value: `)} + string(${v}) + ': ' + ${fillCel(template, { value: `string(${v})`, ...lits() })}`;
  // A map beyond the bounds is not judged (the lint policy warns).
  const within = mapWithin(mapExpr, bounds);
  return {
    rule,
    expression: `!(${guard}) || !(${within}) || ${mapExpr}.all(k, ${inner})`,
    messageExpression: `${guard} && ${within} ? [${mapExpr}.filter(k, !(${inner}))].map(f, size(f) == 0 ? '' : [f.min()].map(k, ${text})[0])[0] : ''`,
    message,
  };
}

const lits = (): { min: string; max: string } => ({ min: lit(INT32.min), max: lit(INT32.max) });

export function int32Validations(schema: SchemaNode, rule: string, template: string, bounds: PolicyBounds): PolicyValidation[] {
  return int32Paths(schema).map((p) => validation(p, rule, template, bounds));
}

function int32Paths(schema: SchemaNode): Segment[][] {
  const paths: Segment[][] = [];
  collect(schema, [], paths);
  return paths;
}

/** The maps (CEL paths below `object`) the int32 check walks, e.g. `spec.config.outgoingAuth.backends`. */
export function int32Maps(schema: SchemaNode): string[] {
  const maps = int32Paths(schema).flatMap((p) => {
    const at = p.findIndex((s) => !('key' in s));
    return at < 0 ? [] : [(p.slice(0, at) as { key: string }[]).map((s) => s.key).join('.')];
  });
  return [...new Set(maps)];
}
