// The cost guarantee of the emitted policies: every expression's worst case at the bounds is within
// cel-go's per-call limit and every policy within its budget (priced by the cost model from the
// printed YAML), the bounds are the largest the model allows, and objects at a bound and one past it
// evaluate (with @bufbuild/cel, as the API server would) without errors: at the bound the policy
// judges like the engine, past it it skips that check and the lint policy says so.
/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are arbitrary JSON, mutated in place */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CHOSEN_LENGTHS, fits, policyCost, readsOf, resourceShape, trialMemo } from '../../src/policy/bounds.js';
import { specBuilder } from '../../src/policy/build.js';
import { COST } from '../../src/policy/cost-model.js';
import { built, clone, engineVerdict, policyVerdict, schema, storedOf } from './harness.js';
import { parseCel, runPolicy } from './vap-eval.js';

const b = built.bounds;
const base = parse(readFileSync(new URL('fixtures/four-buckets.yaml', import.meta.url), 'utf8')) as Record<string, any>;
const policies = built.documents.filter((d) => d.kind === 'ValidatingAdmissionPolicy') as { metadata: { name: string }; spec: Parameters<typeof policyCost>[0] }[];
const object = resourceShape(schema);

void test('every printed expression, priced from the YAML, is within the per-call limit at the bounds, and each policy within its budget', () => {
  assert.equal(policies.length, 2);
  for (const p of policies) {
    const c = policyCost(p.spec, { parse: parseCel, object });
    for (const e of c.expressions) assert.ok(e.cost <= COST.perCallLimit, `${p.metadata.name} ${e.where}: ${e.cost}`);
    assert.ok(c.total <= COST.runtimeBudget, `${p.metadata.name}: ${c.total}`);
    assert.ok(fits(c));
    console.log(`${p.metadata.name}: total ${c.total}; largest ${[...c.expressions].sort((x, y) => y.cost - x.cost).slice(0, 3).map((e) => `${e.where} ${e.cost}`).join(', ')}`);
  }
});

void test('every printed expression costs the same whether the second pass over a loop step reuses estimates of the first or not', () => {
  for (const p of policies) assert.deepStrictEqual(policyCost(p.spec, { parse: parseCel, object }), policyCost(p.spec, { parse: parseCel, object, reuseSteps: false }), p.metadata.name);
});

void test('readsOf: the integer literals and the variables an expression reads; undefined where it reads `variables` as a whole', () => {
  const reads = (t: string): unknown => readsOf(parseCel(t));
  assert.deepEqual(reads('size(variables.tools) <= 61 && variables.rl.all(x, x.n < 9000000003) && 61 > 0'), { ints: [61n, 9000000003n, 0n], variables: ['tools', 'rl'] });
  assert.deepEqual(reads("object.spec.config.all(k, k in ['a', 'b'])"), { ints: [], variables: [] });
  assert.equal(reads('size(variables) > 0'), undefined);
  assert.equal(reads('variables.tools.exists(t, dyn(variables)[t] == 1)'), undefined);
});

void test('a memo over the trials of a search gives the estimates of pricing every trial afresh, and serves only its own object', () => {
  const symbol = { tools: 9_000_000_103, configKeys: 9_000_000_101, mapEntries: 9_000_000_102 } as const;
  const specs = specBuilder(schema)({ ...b, ...symbol });
  const memo = trialMemo(object);
  const trials = [
    [0, 0, 0],
    [0, 3, 0],
    [0, 127, 0],
    [0, 127, 9],
    [5, 127, 9],
    [0, 0, 0],
    [b.tools, b.configKeys, b.mapEntries],
    [b.tools + 1, b.configKeys, b.mapEntries],
    [b.tools, b.configKeys, b.mapEntries],
  ] as const;
  for (const [tools, configKeys, mapEntries] of trials) {
    const symbols = new Map([
      [BigInt(symbol.tools), tools],
      [BigInt(symbol.configKeys), configKeys],
      [BigInt(symbol.mapEntries), mapEntries],
    ]);
    for (const spec of specs) assert.deepStrictEqual(policyCost(spec, { parse: parseCel, object, symbols, memo }), policyCost(spec, { parse: parseCel, object, symbols }), `${tools} ${configKeys} ${mapEntries}`);
  }
  const fewTools = resourceShape({ ...schema, properties: { ...schema.properties, spec: { type: 'object', properties: {} } } });
  const symbols = new Map([[BigInt(symbol.tools), 1]]);
  for (const spec of specs) assert.deepStrictEqual(policyCost(spec, { parse: parseCel, object: fewTools, symbols, memo }), policyCost(spec, { parse: parseCel, object: fewTools, symbols }));
});

void test('the bounds are the largest that fit: one more tool, key or map entry and some expression exceeds a limit', () => {
  const build = specBuilder(schema);
  const over = (bounds: typeof b): boolean => build(bounds).some((spec) => !fits(policyCost(spec, { parse: parseCel, object })));
  assert.equal(over(b), false);
  assert.equal(over({ ...b, tools: b.tools + 1 }), true);
  assert.equal(over({ ...b, configKeys: b.configKeys + 1 }), true);
  assert.equal(over({ ...b, mapEntries: b.mapEntries + 1 }), true);
  assert.deepEqual(Object.fromEntries(Object.keys(CHOSEN_LENGTHS).map((k) => [k, b[k as keyof typeof b]])), CHOSEN_LENGTHS);
});

void test('the bounds are what keeps the cost finite: with guards that never bind the cost is far beyond the limit', () => {
  const loose = specBuilder(schema)({ ...b, tools: 1e9, configKeys: 1e9, mapEntries: 1e9, refillPeriod: 1e9 });
  const costs = loose.map((spec) => policyCost(spec, { parse: parseCel, object }));
  for (const where of ['variables.periods', 'variables.unknownKeys', 'validations[5].expression']) assert.ok(costs[0]!.expressions.find((e) => e.where === where)!.cost > 1000 * COST.perCallLimit, where);
});

const tools = (n: number, bad: string): any[] => Array.from({ length: n }, (_, i) => ({ name: `tool-${i}`, shared: { maxTokens: 1, refillPeriod: i === n - 1 ? bad : '1m' } }));

function judged(o: any, old?: any): { deny: readonly string[]; warn: readonly string[]; engine: readonly string[] } {
  const v = engineVerdict(o, old);
  assert.ok(v.crdAdmits);
  const p = policyVerdict(v.stored, old === undefined ? undefined : storedOf(old));
  assert.deepEqual([...p.deny.errors, ...p.warn.errors], [], 'no evaluation errors');
  return { deny: p.deny.failures, warn: p.warn.failures, engine: v.errors.map((f) => f.message) };
}

const warnsAbout = (warn: readonly string[], re: RegExp): boolean => warn.some((w) => re.test(w));

void test(`tools: at the bound (${b.tools}) a bad last tool is denied like the engine; one more tool and the per-tool checks are skipped, with a warning`, () => {
  const at = clone(base);
  at.spec.config.rateLimiting.tools = tools(b.tools, '1d');
  const r = judged(at);
  assert.equal(r.deny[0], r.engine[0]);
  assert.match(r.deny[0] ?? '', new RegExp(`^spec\\.config\\.rateLimiting\\.tools\\[${b.tools - 1}\\]\\.shared\\.refillPeriod: Invalid value: "1d"`));
  assert.equal(warnsAbout(r.warn, /tools has more than/), false);
  const beyond = clone(base);
  beyond.spec.config.rateLimiting.tools = tools(b.tools + 1, '1d');
  const s = judged(beyond);
  assert.equal(s.engine.length, 1);
  assert.deepEqual(s.deny, []);
  assert.ok(warnsAbout(s.warn, new RegExp(`^spec\\.config\\.rateLimiting\\.tools has more than ${b.tools} tools`)), s.warn.join('\n'));
  beyond.spec.config.rateLimiting.shared.refillPeriod = '0s';
  assert.match(judged(beyond).deny[0] ?? '', /^spec\.config\.rateLimiting\.shared\.refillPeriod: /, 'the server-level buckets are still judged');
});

void test('tools: an UPDATE from a stored object beyond the bound skips the per-tool checks too (no ratcheting lookup over it)', () => {
  const old = clone(base);
  old.spec.config.rateLimiting.tools = tools(b.tools + 1, '1m');
  const next = clone(base);
  next.spec.config.rateLimiting.tools = tools(b.tools, '1d');
  const r = judged(next, old);
  assert.deepEqual(r.deny, []);
  assert.ok(warnsAbout(r.warn, /in this object or the stored one/));
});

void test(`tools: a name of ${b.toolName} characters is judged, one longer skips the per-tool checks with a warning`, () => {
  const at = clone(base);
  at.spec.config.rateLimiting.tools = [{ name: 'n'.repeat(b.toolName), shared: { maxTokens: 1, refillPeriod: '1d' } }];
  assert.equal(judged(at).deny.length, 1);
  const beyond = clone(base);
  beyond.spec.config.rateLimiting.tools = [{ name: 'n'.repeat(b.toolName + 1), shared: { maxTokens: 1, refillPeriod: '1d' } }];
  const r = judged(beyond);
  assert.deepEqual(r.deny, []);
  assert.ok(warnsAbout(r.warn, /tool name longer than/));
});

void test(`refillPeriod: ${b.refillPeriod} characters are judged, one more is not (with a warning); maxTokens is still checked`, () => {
  const at = clone(base);
  at.spec.config.rateLimiting.shared.refillPeriod = `${'0'.repeat(b.refillPeriod - 2)}1d`;
  const r = judged(at);
  assert.equal(r.deny[0], r.engine[0]);
  assert.equal(warnsAbout(r.warn, /refillPeriod is longer/), false);
  const beyond = clone(base);
  beyond.spec.config.rateLimiting.shared.refillPeriod = `${'0'.repeat(b.refillPeriod - 1)}1d`;
  const s = judged(beyond);
  assert.equal(s.engine.length, 1);
  assert.deepEqual(s.deny, []);
  assert.ok(warnsAbout(s.warn, new RegExp(`refillPeriod is longer than ${b.refillPeriod} characters`)));
  beyond.spec.config.rateLimiting.shared.maxTokens = 2147483648;
  assert.match(judged(beyond).deny[0] ?? '', /^spec\.config\.rateLimiting\.shared\.maxTokens: Invalid value: 2147483648: /);
});

const filler = (n: number): Record<string, number> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, i]));

void test(`spec.config keys: with ${b.configKeys} keys an unknown key is denied; one more key and there is no unknown-key check, with a warning`, () => {
  const known = Object.keys(base.spec.config).length;
  const at = clone(base);
  Object.assign(at.spec.config, filler(b.configKeys - known));
  const r = judged(at);
  assert.match(r.deny[0] ?? '', /^spec\.config\.x0: Forbidden: unknown field "x0"/);
  const beyond = clone(base);
  Object.assign(beyond.spec.config, filler(b.configKeys - known + 1));
  const s = judged(beyond);
  assert.ok(s.engine.length > 0);
  assert.deepEqual(s.deny, []);
  assert.ok(warnsAbout(s.warn, new RegExp(`^spec\\.config has more than ${b.configKeys} keys`)));
});

/**
 * The backends bound is in the thousands, and @bufbuild/cel walks a map that large slowly (about 40 s
 * per object): the guard is the same text for any bound, so this one runs the policies generated for
 * a bound of 40 (the cost test above covers the real bound).
 */
void test('outgoingAuth.backends: entries up to the bound are checked, one more is not (with a warning); shown at a bound of 40', () => {
  const small = { ...b, mapEntries: 40 };
  const [deny, lint] = specBuilder(schema)(small) as Parameters<typeof runPolicy>[0][];
  const backends = (n: number): Record<string, unknown> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`b${i}`, i === n - 1 ? { type: 'aws_sts', awsSts: { region: 'eu-west-1', sessionDuration: 2147483648 } } : { type: 'discovered' }]));
  const run = (n: number): { deny: readonly string[]; warn: readonly string[] } => {
    const o = clone(base);
    o.spec.config.outgoingAuth = { source: 'inline', backends: backends(n) };
    const v = engineVerdict(o);
    assert.ok(v.crdAdmits);
    const [d, w] = [runPolicy(deny!, v.stored, undefined), runPolicy(lint!, v.stored, undefined)];
    assert.deepEqual([...d.errors, ...w.errors], []);
    return { deny: d.failures, warn: w.failures };
  };
  const at = run(small.mapEntries);
  assert.match(at.deny[0] ?? '', /^spec\.config\.outgoingAuth\.backends\.b39\.awsSts\.sessionDuration: Invalid value: 2147483648/);
  const beyond = run(small.mapEntries + 1);
  assert.deepEqual(beyond.deny, []);
  assert.ok(warnsAbout(beyond.warn, /^spec\.config\.outgoingAuth\.backends has more than 40 entries/));
});

void test(`health check durations: ${b.healthCheck} characters are compared, longer ones are not (with a warning)`, () => {
  const at = clone(base);
  at.spec.config.operational = { failureHandling: { healthCheckTimeout: `${'0'.repeat(b.healthCheck - 2)}1m`, healthCheckInterval: '5s' } };
  const r = judged(at);
  assert.equal(r.deny[0], r.engine[0]);
  const beyond = clone(base);
  beyond.spec.config.operational = { failureHandling: { healthCheckTimeout: `${'0'.repeat(b.healthCheck - 1)}1m`, healthCheckInterval: '5s' } };
  const s = judged(beyond);
  assert.equal(s.engine.length, 1);
  assert.deepEqual(s.deny, []);
  assert.ok(warnsAbout(s.warn, /healthCheckTimeout or healthCheckInterval is longer/));
});

void test('the largest object etcd stores by default (1.5 MiB) holds far more tools than the bound: the bound is real, hence the warning', () => {
  const smallest = JSON.stringify({ name: 'a', shared: { maxTokens: 1, refillPeriod: '1m' } }).length + 1;
  assert.ok(Math.floor((1.5 * 1024 * 1024) / smallest) > 100 * b.tools);
});

void test('the README policy section and docs/policy-cost.md state the current bounds', () => {
  const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('<!-- BEGIN policy -->'), readme.indexOf('<!-- END policy -->'));
  for (const text of [`at most ${b.tools} tools`, `names of up to ${b.toolName} characters`, `up to ${b.refillPeriod} characters`, `${b.configKeys} keys under`, `${b.mapEntries} \`outgoingAuth.backends\``]) {
    assert.ok(section.includes(text), `README: ${text}`);
  }
  const doc = read('docs/policy-cost.md');
  for (const [what, n] of [['entries, object and stored object', b.tools], ['tool name length', b.toolName], ['`refillPeriod` length', b.refillPeriod], ['keys, object and stored object', b.configKeys], ['backends` entries', b.mapEntries]] as const) {
    assert.ok(new RegExp(`${what.replace(/[|`]/g, (c) => `\\${c}`)} \\| ${n} \\|`).test(doc), `docs/policy-cost.md: ${what} ${n}`);
  }
});
