// Where the test evaluator (@bufbuild/cel) differs from the API server's cel-go, and where the
// policy's text differs from the engine's by design: each difference pinned, and shown not to reach
// the policy's decisions.
/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are arbitrary JSON, mutated in place */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { parse as parseYaml } from 'yaml';
import { durationRegex, lit } from '../../src/policy/cel-text.js';
import { parseGoDuration } from '../../src/core/duration.js';
import { clone, engineVerdict, policyVerdict, storedOf } from './harness.js';
import { durationShapes } from './shapes.js';
import { evaluate } from './vap-eval.js';
import { built } from './harness.js';

const printedPolicies = (): unknown[] => built.documents.filter((d) => d.kind === 'ValidatingAdmissionPolicy');

const bufbuild = celEnv();
const raw = (e: string): unknown => {
  const out = plan(bufbuild, parse(e))({});
  return isCelError(out) ? 'error' : out;
};

void test('@bufbuild/cel duration() differs from cel-go (Go time.ParseDuration): "" is accepted, 1μs (U+03BC) rejected, int() gives seconds', () => {
  assert.equal(parseGoDuration('').ok, false);
  assert.notEqual(raw("duration('')"), 'error');
  assert.equal(parseGoDuration('1\u03bcs').ok, true);
  assert.equal(raw("duration('1\u03bcs')"), 'error');
  assert.equal(raw("int(duration('1s'))"), 1n); // cel-go: 1000000000 (nanoseconds)
});

void test('@bufbuild/cel says a key with a null value is not `in` a map (cel-go: it is), so the policy iterates keys instead', () => {
  const m = { a: null, b: 1 };
  assert.deepEqual(evaluate("'a' in m", { m }), { value: false });
  assert.deepEqual(evaluate("m.exists(j, j == 'a')", { m }), { value: true });
  assert.deepEqual(evaluate("m['a'] == null", { m }), { value: true });
  for (const d of printedPolicies()) assert.doesNotMatch(JSON.stringify(d), / in variables\.old/);
});

void test('so the policy never calls duration(): its grammar regex accepts what Go accepts and rejects the rest but overflow', () => {
  for (const d of durationShapes) {
    const go = parseGoDuration(d);
    const grammar = evaluate(`p.matches(${lit(durationRegex.ok)})`, { p: d });
    assert.ok('value' in grammar, d);
    if (go.ok) assert.equal(grammar.value, true, JSON.stringify(d));
    else if (grammar.value === true) assert.match(go.error, /^time: invalid duration /, `${JSON.stringify(d)}: only an overflow passes the grammar`);
  }
});

void test('the evaluator\'s find/findAll (JS RegExp) and matches (RE2) agree on the policy regexes for every shape', () => {
  for (const d of durationShapes) {
    for (const re of [durationRegex.ok, durationRegex.missingUnit, durationRegex.unknownUnit, durationRegex.unknownUnitPrefix, durationRegex.group]) {
      const viaRe2 = evaluate(`p.matches(${lit(re)})`, { p: d });
      assert.ok('value' in viaRe2, d);
      assert.equal(new RegExp(re, 'u').test(d), viaRe2.value, `${re} on ${JSON.stringify(d)}`);
    }
  }
});

const base = parseYaml(readFileSync(new URL('fixtures/four-buckets.yaml', import.meta.url), 'utf8')) as Record<string, any>;

function verdicts(mutate: (o: any) => void): { engine: readonly string[]; policy: readonly string[] } {
  const o = clone(base);
  mutate(o);
  const v = engineVerdict(o);
  assert.ok(v.crdAdmits);
  return { engine: v.errors.map((f) => f.message), policy: policyVerdict(v.stored).deny.failures };
}

void test('difference: "did you mean" two edits away is the engine\'s only; the policy denies with the plain text', () => {
  const r = verdicts((o) => (o.spec.config.ratLimitng = {}));
  assert.equal(r.engine[0], 'spec.config.ratLimitng: Forbidden: unknown field "ratLimitng": the operator drops it silently; did you mean "rateLimiting"?');
  assert.equal(r.policy[0], 'spec.config.ratLimitng: Forbidden: unknown field "ratLimitng": the operator drops it silently');
});

void test('difference: with several unknown keys the policy names the alphabetically first (CEL map order is not document order)', () => {
  const r = verdicts((o) => ((o.spec.config.zeta = 1), (o.spec.config.alpha = 2)));
  assert.deepEqual(r.engine.map((m) => m.split(':')[0]), ['spec.config.zeta', 'spec.config.alpha']);
  assert.match(r.policy[0]!, /^spec\.config\.alpha: Forbidden: /);
});

void test('difference: control characters other than tab, newline and return are echoed raw, not Go-escaped (the decision is the same)', () => {
  const r = verdicts((o) => (o.spec.config.rateLimiting.shared.refillPeriod = '1\u0001m'));
  assert.equal(r.engine[0], 'spec.config.rateLimiting.shared.refillPeriod: Invalid value: "1\\x01m": time: unknown unit "\\x01m" in duration "1\\x01m"');
  assert.equal(r.policy[0], 'spec.config.rateLimiting.shared.refillPeriod: Invalid value: "1\u0001m": time: unknown unit "\u0001m" in duration "1\u0001m"');
});

void test('UPDATE on an unchanged object with an unknown key ratchets it; a changed value under the key denies again', () => {
  const old = clone(base);
  old.spec.config.ratelimiting = { a: 1 };
  const same = clone(old);
  same.metadata.labels = { x: 'y' };
  assert.deepEqual(policyVerdict(storedOf(same), storedOf(old)).deny.failures, []);
  const changed = clone(old);
  changed.spec.config.ratelimiting = { a: 2 };
  assert.match(policyVerdict(storedOf(changed), storedOf(old)).deny.failures[0] ?? '', /did you mean "rateLimiting"\?$/);
});

void test('difference: a written healthCheckTimeout of 10s gets the "not set" note in the policy (it sees only the defaulted object)', () => {
  const r = verdicts((o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '10s', healthCheckInterval: '5s' } }));
  const line = 'spec.config.operational.failureHandling.healthCheckTimeout: Invalid value: "10s": healthCheckTimeout (10s) must be less than healthCheckInterval (5s) to prevent checks from queuing up';
  assert.equal(r.engine[0], line);
  assert.equal(r.policy[0], `${line} (healthCheckTimeout is not set, so the CRD default 10s applies)`);
});
