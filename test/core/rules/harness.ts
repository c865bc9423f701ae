// Runs one registry rule on a spec the way validateObject would hand it over (ESLint-style tables).
import assert from 'node:assert/strict';
import type { Rule, RuleContext } from '../../../src/core/rules/types.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const meta = committedVersion('v1beta1');
type Spec = Record<string, unknown>;
export interface Expected { field: string | null; message: string }

export function run(rule: Rule, spec: Spec, input: Spec = spec): Expected[] {
  const ctx: RuleContext = { object: vmcp(spec), input: vmcp(input), schema: meta.schema, version: 'v1beta1', mode: 'strict' };
  return rule.check!(ctx).map((f) => {
    assert.equal(f.rule, rule.id);
    assert.equal(f.origin, rule.origin);
    assert.equal(f.severity, rule.severity);
    return { field: f.field, message: f.message };
  });
}

export function table(rule: Rule, valid: readonly Spec[], invalid: readonly { spec: Spec; input?: Spec; expected: Expected[] }[]): void {
  for (const spec of valid) assert.deepEqual(run(rule, spec), [], JSON.stringify(spec));
  for (const c of invalid) assert.deepEqual(run(rule, c.spec, c.input), c.expected, JSON.stringify(c.spec));
}

export const redis = { provider: 'redis', address: 'redis:6379' };
export const withRateLimiting = (rateLimiting: Spec, extra: Spec = {}): Spec => ({ ...baseSpec(), sessionStorage: redis, ...extra, config: { rateLimiting } });
export const bucket = (maxTokens: unknown, refillPeriod: unknown): Spec => ({ maxTokens, refillPeriod });
