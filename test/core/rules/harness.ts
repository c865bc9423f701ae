// Runs one registry rule on a spec the way validateObject would hand it over (ESLint-style tables):
// findings are compared as {rule, messageId, field}; full texts are asserted once, in messages.test.ts.
// A row may add the finding's `value` (the rendered bad value) or `has` (a part the detail must contain:
// the slot data a case is about, such as a bucket's name or a Go-formatted duration).
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/contract.js';
import type { Rule, RuleContext } from '../../../src/core/rules/rule.js';
import { bindReporter, severityIn } from '../../../src/core/finding.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const meta = committedVersion('v1beta1');
type Spec = Record<string, unknown>;
export interface Expected { rule: string; messageId: string; field: string | null; value?: string; has?: string }

export function findings(rule: Rule, spec: Spec, input: Spec = spec): ReturnType<NonNullable<Rule['check']>> {
  const ctx: RuleContext = { object: vmcp(spec), input: vmcp(input), schema: meta.schema, version: 'v1beta1', mode: 'strict' };
  return rule.check!(ctx, bindReporter(rule.meta, 'strict')).map((f) => {
    assert.equal(f.rule, rule.meta.id);
    assert.equal(f.origin, rule.meta.origin);
    assert.equal(f.severity, severityIn(rule.meta, 'strict'));
    assert.ok(f.messageId in rule.meta.messages, `${f.messageId} is one of ${rule.meta.id}'s messages`);
    return f;
  });
}

/** A finding as a rule test sees it: {rule, messageId, field}, plus `value`/`has` where the expected row asks for them. */
export function summarize(f: Finding, like?: Partial<Expected>): Expected {
  const out: Expected = { rule: f.rule, messageId: f.messageId, field: f.field };
  if (like !== undefined && 'value' in like) out.value = f.value;
  if (like?.has !== undefined) out.has = f.detail.includes(like.has) ? like.has : f.detail;
  return out;
}

export function run(rule: Rule, spec: Spec, input: Spec = spec, like: readonly Partial<Expected>[] = []): Expected[] {
  return findings(rule, spec, input).map((f, i) => summarize(f, like[i]));
}

export function table(rule: Rule, valid: readonly Spec[], invalid: readonly { spec: Spec; input?: Spec; expected: Expected[] }[]): void {
  for (const spec of valid) assert.deepEqual(run(rule, spec), [], JSON.stringify(spec));
  for (const c of invalid) assert.deepEqual(run(rule, c.spec, c.input, c.expected), c.expected, JSON.stringify(c.spec));
}

/** Expected rows of one rule: `at('messageId', 'field', { value, has })`. */
export function expecting(rule: Rule): (messageId: string, field: string | null, extra?: Pick<Expected, 'value' | 'has'>) => Expected {
  return (messageId, field, extra = {}) => ({ rule: rule.meta.id, messageId, field, ...extra });
}

export const redis = { provider: 'redis', address: 'redis:6379' };
export const withRateLimiting = (rateLimiting: Spec, extra: Spec = {}): Spec => ({ ...baseSpec(), sessionStorage: redis, ...extra, config: { rateLimiting } });
export const bucket = (maxTokens: unknown, refillPeriod: unknown): Spec => ({ maxTokens, refillPeriod });

/** A rule's check as the engine calls it: with its reporter bound for the context's mode. */
export function check(rule: Rule, ctx: RuleContext): ReturnType<NonNullable<Rule['check']>> {
  return rule.check!(ctx, bindReporter(rule.meta, ctx.mode));
}
