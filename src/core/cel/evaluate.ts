// Evaluates every x-kubernetes-validations rule the way the API server does: at each present,
// non-null node that carries rules (each array item, each map value), with `self` = that node typed
// by its schema; every failing rule is reported, and evaluation errors become findings, never throws.
// Subtrees whose schema carries no rule are not walked; paths are built only for findings.
import { isCelError } from '@bufbuild/cel';
import type { Finding } from '../finding.js';
import type { PathSegment } from '../field-path.js';
import type { CelValidation, SchemaNode } from '../schema/types.js';
import { celRuleId } from '../rules/cel-rules.js';
import { compiled, type Program } from './environment.js';
import { toCel } from './to-cel.js';
import { ruleFailure, ruleError, type RuleSite } from './rule-finding.js';
import { hasRules } from './has-rules.js';
import { declaredProperty } from '../schema/fields.js';
import { isRecord } from '../json.js';

interface Node {
  readonly value: unknown;
  readonly schema: SchemaNode;
  readonly parent: Node | undefined;
  readonly segment: PathSegment | undefined;
  /** This node's part of the schema path: `name`, `[*]` or `{*}`. */
  readonly schemaSegment: string;
}


function pathOf(n: Node): PathSegment[] {
  const out: PathSegment[] = [];
  for (let c: Node | undefined = n; c?.segment !== undefined; c = c.parent) out.unshift(c.segment);
  return out;
}

/** Schema notation used by the registry: `spec.config.rateLimiting.tools[*]`, `{*}` for map values. */
function schemaPathOf(n: Node): string {
  const parts: string[] = [];
  for (let c: Node | undefined = n; c?.segment !== undefined; c = c.parent) parts.unshift(c.schemaSegment);
  return parts.reduce((acc, s) => (acc === '' || s.startsWith('[') || s.startsWith('{') ? acc + s : `${acc}.${s}`), '');
}

function objectChildren(n: Node, value: Record<string, unknown>, out: Node[]): void {
  const extra = n.schema.additionalProperties;
  for (const k of Object.keys(value)) {
    const declared = declaredProperty(n.schema, k);
    const v = value[k];
    if (v === null || v === undefined) continue;
    if (declared !== undefined) {
      if (hasRules(declared)) out.push({ value: v, schema: declared, parent: n, segment: k, schemaSegment: k });
    } else if (typeof extra === 'object' && hasRules(extra)) out.push({ value: v, schema: extra, parent: n, segment: k, schemaSegment: '{*}' });
  }
}

function children(n: Node): Node[] {
  const out: Node[] = [];
  const items = n.schema.items;
  if (Array.isArray(n.value)) {
    if (items === undefined || !hasRules(items)) return out;
    n.value.forEach((v: unknown, i) => {
      if (v !== null && v !== undefined) out.push({ value: v, schema: items, parent: n, segment: i, schemaSegment: '[*]' });
    });
  } else if (isRecord(n.value)) objectChildren(n, n.value, out);
  return out;
}

/** A CEL error or (defensively) an exception from the library, as error text; else the value. */
function run(program: Program, self: unknown): { value: unknown } | { error: string } {
  try {
    const out = program({ self });
    return isCelError(out) ? { error: out.message } : { value: out };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Transition rules (oldSelf) only run on UPDATE against a stored object; admission of a manifest has none. */
const isTransitionRule = (v: CelValidation): boolean => /\boldSelf\b/.test(v.rule);

const active = new WeakMap<SchemaNode, readonly CelValidation[]>();

/** A schema node's rules that run on admission, worked out once per node (the schema lives as long as the process). */
function activeRules(schema: SchemaNode): readonly CelValidation[] {
  let list = active.get(schema);
  if (list === undefined) {
    list = (schema['x-kubernetes-validations'] ?? []).filter((v) => !isTransitionRule(v));
    active.set(schema, list);
  }
  return list;
}

/** The common case, allocation-free: the rule compiles and holds. */
function holds(v: CelValidation, self: unknown): boolean {
  const c = compiled(v.rule);
  if (!c.ok) return false;
  try {
    return c.program({ self }) === true;
  } catch {
    return false;
  }
}

function evaluateOne(n: Node, v: CelValidation, self: unknown): Finding | undefined {
  if (holds(v, self)) return undefined;
  // Failing or erroring (rare): evaluated again to tell which, CEL being pure.
  const c = compiled(v.rule);
  const result = c.ok ? run(c.program, self) : { error: `rule compile error: ${c.error}` };
  if ('value' in result && result.value === true) return undefined;
  const site: RuleSite = { rule: celRuleId(schemaPathOf(n), v.rule), path: pathOf(n), schema: n.schema, validation: v };
  if ('error' in result) return ruleError(site, result.error);
  if (result.value === false) return ruleFailure(site, self);
  return ruleError(site, 'rule did not evaluate to a boolean');
}

function evaluateNode(n: Node, out: Finding[]): void {
  const validations = activeRules(n.schema);
  if (validations.length > 0) {
    const self = toCel(n.value, n.schema);
    for (const v of validations) {
      const f = evaluateOne(n, v, self);
      if (f !== undefined) out.push(f);
    }
  }
  for (const c of children(n)) evaluateNode(c, out);
}

/** Every failing CRD rule of a (pruned, defaulted) object, in document order. */
export function evaluateCelRules(object: unknown, schema: SchemaNode): Finding[] {
  const out: Finding[] = [];
  if (object !== null && object !== undefined && hasRules(schema)) {
    evaluateNode({ value: object, schema, parent: undefined, segment: undefined, schemaSegment: '' }, out);
  }
  return out;
}
