// Evaluates an emitted ValidatingAdmissionPolicy the way the API server does (k8s.io/apiserver
// validating policy: matchConditions, then variables in order, then every validation; a false
// validation's text is its messageExpression when that evaluates to a non-blank single-line string,
// else its message), with @bufbuild/cel plus the Kubernetes library functions the policy uses:
// regex `find`/`findAll`, lists `sum`/`indexOf`/`min` (k8s.io/apiserver pkg/cel/library), and the
// strings extension. `object` is the defaulted object as JSON, a schemaless CEL map (VAP-FACTS fact 6).
import { celEnv, celList, celMethod, celUint, CelScalar, isCelError, isCelUint, listType, parse, plan, type CelValue } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

const { STRING, DYN, INT } = CelScalar;

const regex = (re: string): RegExp => new RegExp(re, 'u');

function find(this: string, re: string): string {
  return regex(re).exec(this)?.[0] ?? '';
}

function findAll(this: string, re: string): CelValue {
  const out: string[] = [];
  const g = new RegExp(regex(re).source, 'gu');
  for (const m of this.matchAll(g)) if (m[0] !== '') out.push(m[0]);
  return celList(out);
}

type Num = bigint | number | ReturnType<typeof celUint>;

function sum(this: Iterable<CelValue>): CelValue {
  let total: Num | undefined;
  for (const v of this) {
    const n = v as Num;
    if (total === undefined) total = n;
    else if (isCelUint(total) && isCelUint(n)) total = celUint(total.value + n.value);
    else if (typeof total === 'bigint' && typeof n === 'bigint') total = total + n;
    else if (typeof total === 'number' && typeof n === 'number') total = total + n;
    else throw new Error('no such overload: sum over mixed types');
  }
  if (typeof total === 'bigint' && (total > 2n ** 63n - 1n || total < -(2n ** 63n))) throw new Error('integer overflow');
  if (isCelUint(total) && total.value >= 2n ** 64n) throw new Error('unsigned integer overflow');
  return (total ?? 0n);
}

function indexOf(this: Iterable<CelValue>, x: CelValue): bigint {
  let i = 0n;
  for (const v of this) {
    if (v === x) return i;
    i++;
  }
  return -1n;
}

/** Go compares strings bytewise (UTF-8), which is code point order. */
const byCodePoint = (a: string, b: string): number => {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

function min(this: Iterable<CelValue>): CelValue {
  const items = [...this] as string[];
  if (items.length === 0) throw new Error('min called on empty list');
  return items.reduce((a, b) => (byCodePoint(a, b) <= 0 ? a : b));
}

export const kubernetesEnv = celEnv({
  funcs: [
    ...strings,
    celMethod('find', STRING, [STRING], STRING, find),
    celMethod('findAll', STRING, [STRING], listType(STRING), findAll as never),
    celMethod('sum', listType(DYN), [], DYN, sum as never),
    celMethod('indexOf', listType(DYN), [DYN], INT, indexOf as never),
    celMethod('min', listType(DYN), [], DYN, min as never),
  ],
});

/** Decoded JSON as the API server hands it to CEL: integers int64 (bigint), others double. */
export function jsonToCel(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(jsonToCel);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonToCel(x)]));
  return v;
}

/** The syntax tree the policy's cost model reads (macros expanded, as cel-go's parser does). */
export const parseCel = (text: string): ReturnType<typeof parse>['expr'] => parse(text).expr;

const programs = new Map<string, ReturnType<typeof plan>>();

/** Evaluates one expression; a CEL error or exception is returned as `{ error }`. */
export function evaluate(expression: string, bindings: Record<string, unknown>): { value: unknown } | { error: string } {
  let p = programs.get(expression);
  if (p === undefined) {
    p = plan(kubernetesEnv, parse(expression));
    programs.set(expression, p);
  }
  try {
    const out = p(bindings as never);
    return isCelError(out) ? { error: out.message } : { value: out };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

interface VapSpec {
  matchConditions?: { name: string; expression: string }[];
  variables?: { name: string; expression: string }[];
  validations: { expression: string; message?: string; messageExpression?: string }[];
}

export interface Decision {
  /** The texts of the failed validations, in order (for Deny only the first reaches the user). */
  readonly failures: readonly string[];
  /** Evaluation errors (any is a bug in the generated policy). */
  readonly errors: readonly string[];
  /** Whether matchConditions let the policy run at all. */
  readonly matched: boolean;
}

function must<T>(r: { value: unknown } | { error: string }, what: string, errors: string[]): T | undefined {
  if ('error' in r) {
    errors.push(`${what}: ${r.error}`);
    return undefined;
  }
  return r.value as T;
}

/** Runs a policy spec against object/oldObject (JSON) the way the API server's validator does. */
export function runPolicy(spec: VapSpec, object: unknown, oldObject: unknown): Decision {
  const errors: string[] = [];
  const base: Record<string, unknown> = { object: jsonToCel(object), oldObject: oldObject === undefined ? null : jsonToCel(oldObject) };
  for (const c of spec.matchConditions ?? []) {
    if (must<boolean>(evaluate(c.expression, base), `matchCondition ${c.name}`, errors) === false) return { failures: [], errors, matched: false };
  }
  const variables: Record<string, unknown> = {};
  const bindings = { ...base, variables };
  for (const v of spec.variables ?? []) {
    const value = must(evaluate(v.expression, bindings), `variable ${v.name}`, errors);
    if (value !== undefined) variables[v.name] = value;
  }
  const failures: string[] = [];
  for (const [i, v] of spec.validations.entries()) {
    const ok = must<boolean>(evaluate(v.expression, bindings), `validation ${i}`, errors);
    if (ok !== false) continue;
    const text = v.messageExpression === undefined ? undefined : must<unknown>(evaluate(v.messageExpression, bindings), `messageExpression ${i}`, errors);
    const usable = typeof text === 'string' && text.trim() !== '' && !text.includes('\n') && text.length <= 5120;
    failures.push(usable ? text.trim() : v.message ?? `failed expression: ${v.expression}`);
  }
  return { failures, errors, matched: true };
}
