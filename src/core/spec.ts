// Narrowing helpers over the decoded VirtualMCPServer (plain JSON). Rules read the object through
// these so a wrongly typed value (already reported by the schema check) never crashes a rule.
import type { PathSegment } from './field-path.js';
import { quoteGo } from './finding.js';

export type JsonRecord = Readonly<Record<string, unknown>>;

import { isRecord } from './json.js';

export { isRecord };

/** The record at `keys` below `root`, or undefined when any step is missing or not a mapping. */
export function recordAt(root: unknown, keys: readonly string[]): JsonRecord | undefined {
  let node: unknown = root;
  for (const k of keys) node = isRecord(node) ? node[k] : undefined;
  return isRecord(node) ? node : undefined;
}

export function stringField(r: JsonRecord | undefined, key: string): string | undefined {
  const v = r?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function integerField(r: JsonRecord | undefined, key: string): number | undefined {
  const v = r?.[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** A rate-limit bucket with where it sits and how vMCP names it in its errors (upstream-behaviour §e.1). */
export interface BucketRef {
  readonly path: readonly PathSegment[];
  /** `shared bucket`, `perUser bucket`, `tool "search" perUser bucket`. */
  readonly label: string;
  readonly scope: 'shared' | 'perUser';
  /** Index in rateLimiting.tools, absent for the server-level buckets. */
  readonly toolIndex?: number;
  readonly bucket: JsonRecord;
}

export const RATE_LIMITING_PATH: readonly string[] = ['spec', 'config', 'rateLimiting'];
const SCOPES = ['shared', 'perUser'] as const;

// Plain loops here and in the rules: Array#flatMap costs ~10x a loop in V8, on every validation.
function toolBuckets(tool: unknown, index: number, out: BucketRef[]): void {
  if (!isRecord(tool)) return;
  const name = typeof tool.name === 'string' ? quoteGo(tool.name) : `#${index}`;
  for (const scope of SCOPES) {
    const bucket = tool[scope];
    if (isRecord(bucket)) out.push({ path: [...RATE_LIMITING_PATH, 'tools', index, scope], label: `tool ${name} ${scope} bucket`, scope, toolIndex: index, bucket });
  }
}

/** Every bucket in vMCP's validation order: shared, perUser, then tools in list order (shared before perUser). */
export function rateLimitBuckets(object: unknown): BucketRef[] {
  const rl = recordAt(object, RATE_LIMITING_PATH);
  if (rl === undefined) return [];
  const out: BucketRef[] = [];
  for (const scope of SCOPES) {
    const bucket = rl[scope];
    if (isRecord(bucket)) out.push({ path: [...RATE_LIMITING_PATH, scope], label: `${scope} bucket`, scope, bucket });
  }
  if (Array.isArray(rl.tools)) rl.tools.forEach((t: unknown, i) => toolBuckets(t, i, out));
  return out;
}
