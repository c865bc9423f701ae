// The API server evaluates every messageExpression of a policy on every request, after the
// validations, whether its validation failed or not (k8s.io/apiserver validating/validator.go;
// docs/policy-cost.md). An error there is only logged, but it is still an evaluation error: none of
// the emitted messageExpressions may fail, on passing objects or failing ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { built, clone, corpus, denySpec, engineVerdict, storedOf, warnSpec } from './harness.js';
import { evaluate, jsonToCel } from './vap-eval.js';

type Spec = typeof denySpec;

/** The messageExpressions of `spec` that end in an error for object/oldObject (variables as the API server binds them). */
function failingMessages(spec: Spec, object: unknown, oldObject?: unknown): string[] {
  const base = { object: jsonToCel(object), oldObject: oldObject === undefined ? null : jsonToCel(oldObject) };
  const variables: Record<string, unknown> = {};
  for (const v of spec.variables ?? []) {
    const r = evaluate(v.expression, { ...base, variables });
    if ('value' in r) variables[v.name] = r.value;
  }
  return spec.validations.flatMap((v, i) => {
    if (v.messageExpression === undefined) return [];
    const r = evaluate(v.messageExpression, { ...base, variables });
    return 'error' in r ? [`validations[${i}]: ${r.error}`] : [];
  });
}

void test('every messageExpression evaluates without error on every corpus object (CREATE and UPDATE)', () => {
  let n = 0;
  for (const item of corpus()) {
    const v = engineVerdict(item.object, item.oldObject);
    if (!v.crdAdmits) continue;
    const old = item.oldObject === undefined ? undefined : storedOf(item.oldObject);
    for (const spec of [denySpec, warnSpec]) assert.deepEqual(failingMessages(spec, v.stored, old), [], item.source);
    n++;
  }
  assert.ok(n >= 30);
});

void test('every messageExpression evaluates without error on a minimal object and on one beyond every bound', () => {
  const base = parse(readFileSync(new URL('fixtures/four-buckets.yaml', import.meta.url), 'utf8')) as { spec: Record<string, unknown> & { config: Record<string, unknown> } };
  const minimal = clone(base);
  minimal.spec.config = {};
  const large = clone(base);
  (large.spec.config.rateLimiting as { tools: unknown[] }).tools = Array.from({ length: built.bounds.tools + 1 }, (_, i) => ({ name: `t${i}`, shared: { maxTokens: 1, refillPeriod: '1d' } }));
  for (const o of [minimal, large]) {
    const v = engineVerdict(o);
    for (const spec of [denySpec, warnSpec]) assert.deepEqual(failingMessages(spec, v.stored), []);
  }
});
