// The policy's cost guarantee (docs/policy-cost.md): every expression the API server evaluates stays
// within cel-go's per-call limit and every policy within its runtime budget, on any object. The
// object's lists, maps and strings have no maxItems / maxProperties / maxLength in the CRD, so the
// generated expressions judge inputs only up to bounds and skip (and the lint policy warns) beyond
// them. The string lengths are chosen; the counts are the largest the cost model (cost-model.ts)
// proves to fit, found here by search over the generated expressions themselves.
import type { SchemaNode } from '../core/schema/types.js';
import { hasPath, toolsWithin } from './buckets-cel.js';
import { childrenOf, type CelAst, type CelParser } from './cel-ast.js';
import { COST, estimate, type Estimate } from './cost-model.js';
import { ANY_JSON, join, NOTHING, SCALAR, str, type Shape } from './cost-shape.js';
import { int32Maps, mapWithin } from './int32-cel.js';
import type { PolicyBounds, PolicyValidation } from './types.js';

/**
 * The lengths the policy judges, chosen rather than computed (docs/policy-cost.md): a refillPeriod
 * or health-check duration of 32 characters holds any duration Go prints (`-2562047h47m16.854775807s`
 * is 25) with room for hand-written forms; a tool name of 128 characters is the MCP tool-name limit's
 * order; a key of 253 characters any Kubernetes name.
 */
export const CHOSEN_LENGTHS = { toolName: 128, refillPeriod: 25, healthCheck: 25, mapKey: 253 } as const;

/** The counts the search finds, in search order. */
const COUNTS = ['configKeys', 'mapEntries', 'tools'] as const;
type Count = (typeof COUNTS)[number];

/** Integer literals that stand for a count while the search tries values for it. */
const SYMBOL: Readonly<Record<Count, number>> = { configKeys: 9_000_000_001, mapEntries: 9_000_000_002, tools: 9_000_000_003 };

// --- the object as the API server hands it to CEL ---

function objectShape(s: SchemaNode): Shape {
  const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, shapeOfSchema(v)]));
  const rest = typeof s.additionalProperties === 'object' ? shapeOfSchema(s.additionalProperties) : s['x-kubernetes-preserve-unknown-fields'] === true ? ANY_JSON : NOTHING;
  return { map: { len: s.maxProperties ?? Infinity, key: str(Infinity), val: rest, fields: props } };
}

const byType: Readonly<Record<string, (s: SchemaNode) => Shape>> = {
  object: objectShape,
  array: (s) => ({ list: { len: s.maxItems ?? Infinity, elem: s.items === undefined ? ANY_JSON : shapeOfSchema(s.items) } }),
  string: (s) => str(s.maxLength ?? Infinity),
  integer: () => SCALAR,
  number: () => SCALAR,
  boolean: () => SCALAR,
};

/** The largest values a structural schema admits (no maxItems etc.: unbounded; preserved fields: any JSON). */
export function shapeOfSchema(s: SchemaNode): Shape {
  if (s['x-kubernetes-int-or-string'] === true) return { scalar: true, str: s.maxLength ?? Infinity };
  const shape = s.type === undefined ? ANY_JSON : byType[s.type]!(s);
  return s.nullable === true ? join(shape, SCALAR) : shape;
}

/** `object` for a CRD version's schema: its spec and status, plus metadata (any JSON, to be safe). */
export function resourceShape(schema: SchemaNode): Shape {
  const base = objectShape(schema);
  return { map: { ...base.map!, fields: { ...base.map!.fields, metadata: ANY_JSON, apiVersion: str(Infinity), kind: str(Infinity) } } };
}

// --- what one policy costs ---

export interface PolicySpecText {
  readonly matchConditions?: readonly { readonly name: string; readonly expression: string }[];
  readonly variables?: readonly { readonly name: string; readonly expression: string }[];
  readonly validations: readonly { readonly expression: string; readonly messageExpression?: string }[];
}

export interface ExpressionCost {
  /** `variables.periods`, `validations[2].expression`, `validations[2].messageExpression`, `matchConditions[0]`. */
  readonly where: string;
  readonly cost: number;
}

export interface PolicyCost {
  readonly expressions: readonly ExpressionCost[];
  /** Variables, validations and message expressions: what the binding's budget pays for. */
  readonly total: number;
  /** matchConditions, paid from their own budget. */
  readonly matchTotal: number;
}

export interface CostContext {
  readonly parse: CelParser;
  readonly object: Shape;
  readonly symbols?: ReadonlyMap<bigint, number>;
  /** See EstimateOptions (cost-model.ts): false only to compare with the full estimate. */
  readonly reuseSteps?: boolean;
  /** Estimates of earlier calls for the same object (the bounds search's trials), to reuse where nothing they depend on changed. */
  readonly memo?: TrialMemo;
}

/**
 * The bounds search prices the same expressions at many trial values, and most of them do not depend
 * on the count being searched. An expression's estimate depends only on its text, the object, the
 * trial values of the symbols in its text and the shapes of the variables it reads; a memo holds
 * estimates by those (variable shapes by identity, so a variable estimated afresh misses, a reused
 * one hits).
 */
export interface TrialMemo {
  readonly object: Shape;
  readonly reads: Map<CelAst, Reads | undefined>;
  readonly estimates: Map<string, { readonly key: readonly unknown[]; readonly estimate: Estimate }[]>;
}

/** What an expression's estimate depends on: integer literals (a symbol or not) and `variables.<name>`s. */
interface Reads {
  readonly ints: readonly bigint[];
  readonly variables: readonly string[];
}

export const trialMemo = (object: Shape): TrialMemo => ({ object, reads: new Map(), estimates: new Map() });

/** The field of `variables.<field>`, if `e` is one. */
function variableField(e: CelAst): string | undefined {
  const k = e.exprKind;
  return k.case === 'selectExpr' && k.value.operand?.exprKind.case === 'identExpr' && k.value.operand.exprKind.value.name === 'variables' ? k.value.field : undefined;
}

/** The Reads of `e`; undefined where it reads `variables` other than by a field (all of them, then). */
export function readsOf(e: CelAst): Reads | undefined {
  const ints = new Set<bigint>();
  const variables = new Set<string>();
  let whole = false;
  const visit = (x: CelAst | undefined): void => {
    if (x === undefined) return;
    const k = x.exprKind;
    if (k.case === 'constExpr' && typeof k.value.constantKind.value === 'bigint') ints.add(k.value.constantKind.value);
    const field = variableField(x);
    if (field !== undefined) variables.add(field);
    else {
      whole ||= k.case === 'identExpr' && k.value.name === 'variables';
      childrenOf(x).forEach(visit);
    }
  };
  visit(e);
  return whole ? undefined : { ints: [...ints], variables: [...variables] };
}

/**
 * Worst-case cost of every expression of a policy spec. Variables are charged once each (the API
 * server evaluates them lazily, at most once); every messageExpression is charged, because the API
 * server evaluates them all, from the budget the validations leave (validator.go).
 */
export function policyCost(spec: PolicySpecText, ctx: CostContext): PolicyCost {
  const base = { object: ctx.object, oldObject: join(ctx.object, SCALAR) };
  const fields: Record<string, Shape> = {};
  const vars = (): Record<string, Shape> => ({ ...base, variables: { map: { len: Object.keys(fields).length, key: str(63), val: NOTHING, fields: { ...fields } } } });
  const fresh = (ast: CelAst): Estimate => estimate(ast, { vars: vars(), ...(ctx.symbols === undefined ? {} : { symbols: ctx.symbols }), ...(ctx.reuseSteps === undefined ? {} : { reuseSteps: ctx.reuseSteps }) });
  const memo = ctx.memo?.object === ctx.object ? ctx.memo : undefined;
  const cost = (text: string): Estimate => {
    const ast = ctx.parse(text);
    if (memo === undefined) return fresh(ast);
    if (!memo.reads.has(ast)) memo.reads.set(ast, readsOf(ast));
    const reads = memo.reads.get(ast);
    if (reads === undefined) return fresh(ast);
    // reuseSteps in the key: a memo shared by calls with and without it never answers one with the other's estimate.
    const key = [ctx.reuseSteps ?? true, ...reads.ints.map((i) => ctx.symbols?.get(i)), ...reads.variables.map((v) => fields[v])];
    const seen = memo.estimates.get(text) ?? [];
    const hit = seen.find((m) => m.key.every((k, i) => Object.is(k, key[i])));
    if (hit !== undefined) return hit.estimate;
    const out = fresh(ast);
    memo.estimates.set(text, [...seen, { key, estimate: out }]);
    return out;
  };
  const match = (spec.matchConditions ?? []).map((m, i) => ({ where: `matchConditions[${i}]`, cost: cost(m.expression).cost }));
  const out: ExpressionCost[] = [];
  for (const v of spec.variables ?? []) {
    const e = cost(v.expression);
    fields[v.name] = e.shape;
    out.push({ where: `variables.${v.name}`, cost: e.cost });
  }
  spec.validations.forEach((v, i) => {
    out.push({ where: `validations[${i}].expression`, cost: cost(v.expression).cost });
    if (v.messageExpression !== undefined) out.push({ where: `validations[${i}].messageExpression`, cost: cost(v.messageExpression).cost });
  });
  const sum = (xs: readonly ExpressionCost[]): number => xs.reduce((s, x) => s + x.cost, 0);
  return { expressions: [...match, ...out], total: sum(out), matchTotal: sum(match) };
}

/** Whether a policy's worst case fits: each expression within the per-call limit, the policy within its budgets. */
export const fits = (c: PolicyCost): boolean =>
  c.expressions.every((e) => e.cost <= COST.perCallLimit) && c.total <= COST.runtimeBudget && c.matchTotal <= MATCH_CONDITIONS_BUDGET;

/** k8s.io/apiserver pkg/apis/cel/config.go RuntimeCELCostBudgetMatchConditions. */
export const MATCH_CONDITIONS_BUDGET = 2_500_000;

// --- the search ---

/** Builds the policy specs (errors policy, lint policy) for trial bounds. */
export type SpecBuilder = (bounds: PolicyBounds) => readonly PolicySpecText[];

const texts = (specs: readonly PolicySpecText[]): string[] =>
  specs.flatMap((s) => [...(s.matchConditions ?? []).map((m) => m.expression), ...(s.variables ?? []).map((v) => v.expression), ...s.validations.flatMap((v) => [v.expression, ...(v.messageExpression === undefined ? [] : [v.messageExpression])])]);

/** The largest n in [0, limit] for which `ok(n)` holds (ok is monotone: true up to some n, then false); -1 if none. */
function largest(ok: (n: number) => boolean, limit: number): number {
  if (!ok(0)) return -1;
  let [lo, hi] = [0, 1];
  while (hi <= limit && ok(hi)) [lo, hi] = [hi, hi * 2];
  hi = Math.min(hi, limit + 1);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** No count is searched beyond this: past it the bound would not matter (far beyond what 3 MiB holds). */
const SEARCH_LIMIT = 1 << 24;

/**
 * The largest counts for which every generated expression provably fits, searched one at a time
 * (spec.config keys, then walked map entries, then tools, each with the earlier ones fixed and the
 * later ones at 0), so the tools, the dimension users grow, get what the budget has left.
 */
export function searchBounds(build: SpecBuilder, schema: SchemaNode, parse: CelParser, lengths: Pick<PolicyBounds, keyof typeof CHOSEN_LENGTHS> = CHOSEN_LENGTHS): PolicyBounds {
  // The specs are built once, with the counts as symbols; each trial only prices them with other values.
  const specs = build({ ...lengths, ...SYMBOL });
  const asts = new Map<string, CelAst>(texts(specs).map((t) => [t, parse(t)]));
  const cached: CelParser = (t) => asts.get(t) ?? parse(t);
  const object = resourceShape(schema);
  const memo = trialMemo(object);
  const found: Partial<Record<Count, number>> = {};
  for (const count of COUNTS) {
    const ok = (n: number): boolean => {
      const symbols = new Map(COUNTS.map((c) => [BigInt(SYMBOL[c]), c === count ? n : (found[c] ?? 0)]));
      return specs.every((spec) => fits(policyCost(spec, { parse: cached, object, symbols, memo })));
    };
    const n = largest(ok, SEARCH_LIMIT);
    if (n < 0) throw new Error(`policy: the expressions exceed the CEL cost limits even with no ${count} at all`);
    found[count] = n;
  }
  return { ...lengths, configKeys: found.configKeys!, mapEntries: found.mapEntries!, tools: found.tools! };
}

// --- the lint policy's word when an object is beyond the bounds ---

const WEBHOOK = 'the webhook or `vmcp-admission validate` checks it';
const RL = 'object.spec.config.rateLimiting';
const OLD_RL = 'oldObject.spec.config.rateLimiting';

/** One Warn validation per skipped check: the object (or the stored one) is beyond a bound. */
export function boundsWarnings(schema: SchemaNode, b: PolicyBounds): PolicyValidation[] {
  const rule = 'policy-bounds';
  const hasRl = hasPath('object', ['spec', 'config', 'rateLimiting']);
  const hasOldTools = `oldObject != null && ${hasPath('oldObject', ['spec', 'config', 'rateLimiting', 'tools'])}`;
  const period = (bucket: string): string => `(!has(${bucket}) || size(${bucket}.refillPeriod) <= ${b.refillPeriod})`;
  const fh = 'object.spec.config.operational.failureHandling';
  const short = (f: string): string => `(!has(${fh}.${f}) || size(${fh}.${f}) <= ${b.healthCheck})`;
  const hasConfig = hasPath('object', ['spec', 'config']);
  const hasOldConfig = `oldObject != null && ${hasPath('oldObject', ['spec', 'config'])}`;
  const maps = int32Maps(schema).map((m) => ({
    rule,
    expression: `!(${hasPath('object', m.split('.'))}) || (${mapWithin(`object.${m}`, b)})`,
    message: `${m} has more than ${b.mapEntries} entries or a key longer than ${b.mapKey} characters: the policy did not check its int32 fields; ${WEBHOOK}`,
  }));
  return [
    {
      rule,
      expression: `!(${hasRl} && has(${RL}.tools)) || ((${toolsWithin(`${RL}.tools`, b)}) && (!(${hasOldTools}) || size(${OLD_RL}.tools) <= ${b.tools}))`,
      message: `spec.config.rateLimiting.tools has more than ${b.tools} tools (in this object or the stored one) or a tool name longer than ${b.toolName} characters: the policy skipped its per-tool checks (refillPeriod, maxTokens); ${WEBHOOK}`,
    },
    {
      rule,
      expression: `!(${hasRl}) || (${period(`${RL}.shared`)} && ${period(`${RL}.perUser`)} && (!has(${RL}.tools) || size(${RL}.tools) > ${b.tools} || ${RL}.tools.all(t, ${period('t.shared')} && ${period('t.perUser')})))`,
      message: `a rate-limit refillPeriod is longer than ${b.refillPeriod} characters: the policy did not judge it; ${WEBHOOK}`,
    },
    {
      rule,
      expression: `!(${hasConfig}) || (size(dyn(object.spec.config)) <= ${b.configKeys} && dyn(object.spec.config).all(k, size(k) <= ${b.mapKey}) && (!(${hasOldConfig}) || size(dyn(oldObject.spec.config)) <= ${b.configKeys}))`,
      message: `spec.config has more than ${b.configKeys} keys (in this object or the stored one) or a key longer than ${b.mapKey} characters: the policy did not look for unknown keys; ${WEBHOOK}`,
    },
    ...maps,
    {
      rule,
      expression: `!(${hasPath('object', fh.split('.').slice(1))}) || (${short('healthCheckTimeout')} && ${short('healthCheckInterval')})`,
      message: `spec.config.operational.failureHandling: healthCheckTimeout or healthCheckInterval is longer than ${b.healthCheck} characters: the policy did not compare them; ${WEBHOOK}`,
    },
  ];
}
