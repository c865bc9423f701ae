// Every `format: int32` field other than maxTokens (which runtime-max-tokens-int32 reports with its
// bucket): kube-apiserver <= 1.35 strips the format, so it admits 2147483648 in spec.replicas or
// spec.sessionStorage.db, and the operator's typed decode of the whole object then fails (upstream-behaviour §a.5).
import type { Finding } from '../contract.js';
import type { PathSegment } from '../field-path.js';
import { subtreeTest, valueSchema } from '../schema/fields.js';
import type { SchemaNode } from '../schema/types.js';
import { defineRule, type Reporter } from './rule.js';

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
const messages = { range: '{value} does not fit in int32 ({min} to {max}); the operator cannot decode it' };

/** Whether an int32 field sits at or below this schema node: the walk skips the rest. */
const hasInt32 = subtreeTest((s) => s.format === 'int32');

const outOfRange = (v: unknown): v is number => typeof v === 'number' && (v > INT32_MAX || v < INT32_MIN) && (Number.isInteger(v) || !Number.isFinite(v));

/** The walk's state: the path as a stack (copied only for a finding), the findings and the reporter. */
interface Walk {
  readonly path: PathSegment[];
  readonly out: Finding[];
  readonly report: Reporter<keyof typeof messages>;
}

function finding(w: Walk, v: number): Finding {
  return w.report('range', { value: String(v), min: String(INT32_MIN), max: String(INT32_MAX) }, { path: [...w.path], type: 'Invalid value', value: String(v) });
}

/** The schema of key `k`; rateLimiting is left to the bucket rule, which names the bucket. */
const childOf = (s: SchemaNode, k: string): SchemaNode | undefined => (k === 'rateLimiting' ? undefined : valueSchema(s, k));

function descend(v: unknown, s: SchemaNode, seg: PathSegment, w: Walk): void {
  w.path.push(seg);
  walk(v, s, w);
  w.path.pop();
}

function children(v: unknown, s: SchemaNode, w: Walk): void {
  if (Array.isArray(v)) {
    if (s.items !== undefined) for (let i = 0; i < v.length; i++) descend(v[i], s.items, i, w);
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      const child = childOf(s, k);
      if (child !== undefined) descend(x, child, k, w);
    }
  }
}

function walk(v: unknown, s: SchemaNode, w: Walk): void {
  if (!hasInt32(s)) return;
  if (s.format === 'int32' && outOfRange(v)) w.out.push(finding(w, v));
  children(v, s, w);
}

export const runtimeInt32Range = defineRule(
  {
    id: 'runtime-int32-range',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: 'int32 fields (replicas, sessionStorage.db, ...) must fit in int32: older API servers admit larger values the operator cannot decode',
    messages,
  },
  (ctx, report) => {
    const w: Walk = { path: [], out: [], report };
    walk(ctx.object, ctx.schema, w);
    return w.out;
  },
);
