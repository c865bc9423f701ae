// Evaluates every x-kubernetes-validations rule the way the API server does: at each present,
// non-null node that carries rules (each array item, each map value), with `self` = that node typed
// by its schema; every failing rule is reported, and evaluation errors become findings, never throws.
import { isCelError } from '@bufbuild/cel';
import type { Finding } from '../finding.js';
import type { PathSegment } from '../field-path.js';
import type { CelValidation, SchemaNode } from '../schema/types.js';
import { celRuleId } from '../rules/cel-rules.js';
import { compiled, type Program } from './environment.js';
import { toCel, type CelCache } from './to-cel.js';
import { ruleFailure, ruleError, type RuleSite } from './rule-finding.js';

interface Node {
  readonly value: unknown;
  readonly schema: SchemaNode;
  readonly path: readonly PathSegment[];
  /** Schema notation: `spec.config.rateLimiting.tools[*]`, `{*}` for map values. */
  readonly schemaPath: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (base: string, name: string): string => (base === '' ? name : `${base}.${name}`);

function objectChildren(n: Node, value: Record<string, unknown>): Node[] {
  const out: Node[] = [];
  const extra = n.schema.additionalProperties;
  for (const [k, v] of Object.entries(value)) {
    const declared = n.schema.properties?.[k];
    if (declared !== undefined) out.push({ value: v, schema: declared, path: [...n.path, k], schemaPath: join(n.schemaPath, k) });
    else if (typeof extra === 'object') out.push({ value: v, schema: extra, path: [...n.path, k], schemaPath: `${n.schemaPath}{*}` });
  }
  return out;
}

function children(n: Node): Node[] {
  const items = n.schema.items;
  if (Array.isArray(n.value) && items !== undefined) {
    return n.value.map((v: unknown, i) => ({ value: v, schema: items, path: [...n.path, i], schemaPath: `${n.schemaPath}[*]` }));
  }
  return isRecord(n.value) ? objectChildren(n, n.value) : [];
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

function evaluateOne(n: Node, v: CelValidation, self: unknown): Finding | undefined {
  const site: RuleSite = { rule: celRuleId(n.schemaPath, v.rule), path: n.path, schema: n.schema, validation: v };
  const c = compiled(v.rule);
  if (!c.ok) return ruleError(site, `rule compile error: ${c.error}`);
  const result = run(c.program, self);
  if ('error' in result) return ruleError(site, result.error);
  if (result.value === true) return undefined;
  if (result.value === false) return ruleFailure(site, self);
  return ruleError(site, 'rule did not evaluate to a boolean');
}

function evaluateNode(n: Node, out: Finding[], cache: CelCache): void {
  const validations = n.schema['x-kubernetes-validations'] ?? [];
  if (validations.length > 0) {
    const self = toCel(n.value, n.schema, cache);
    for (const v of validations) {
      if (isTransitionRule(v)) continue;
      const f = evaluateOne(n, v, self);
      if (f !== undefined) out.push(f);
    }
  }
  for (const c of children(n)) if (c.value !== null && c.value !== undefined) evaluateNode(c, out, cache);
}

/** Every failing CRD rule of a (pruned, defaulted) object, in document order. */
export function evaluateCelRules(object: unknown, schema: SchemaNode): Finding[] {
  const out: Finding[] = [];
  if (object !== null && object !== undefined) evaluateNode({ value: object, schema, path: [], schemaPath: '' }, out, new WeakMap());
  return out;
}
