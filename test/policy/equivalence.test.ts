// The core claim of the policy: for every VirtualMCPServer of the corpus and every generated
// mutation the CRD admits, the emitted policy denies exactly when the engine's strict mode reports an
// error of a covered rule, its first message is the engine's first such finding, its warnings are the
// engine's covered lint warnings, and no expression ever ends in an evaluation error.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- manifests are arbitrary JSON, mutated in place */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { durationShapes, maxTokensShapes, typoKeys } from './shapes.js';
import { built, clone, corpus, engineVerdict, policyVerdict, storedOf, type EngineVerdict } from './harness.js';

const base = parse(readFileSync(new URL('fixtures/four-buckets.yaml', import.meta.url), 'utf8')) as Record<string, any>;

/** Where a bucket sits in the base manifest, as a setter. */
const bucketSites: Record<string, (o: any) => any> = {
  shared: (o) => o.spec.config.rateLimiting.shared,
  perUser: (o) => o.spec.config.rateLimiting.perUser,
  'tools[0].shared': (o) => o.spec.config.rateLimiting.tools[0].shared,
  'tools[1].perUser': (o) => o.spec.config.rateLimiting.tools[1].perUser,
};

interface Case {
  readonly name: string;
  readonly object: Record<string, unknown>;
  readonly oldObject?: Record<string, unknown>;
}

function mutations(): Case[] {
  const out: Case[] = [];
  for (const [site, at] of Object.entries(bucketSites)) {
    for (const d of durationShapes) {
      const o = clone(base);
      at(o).refillPeriod = d;
      out.push({ name: `${site}.refillPeriod=${JSON.stringify(d)}`, object: o });
    }
    for (const n of maxTokensShapes) {
      const o = clone(base);
      at(o).maxTokens = n;
      out.push({ name: `${site}.maxTokens=${n}`, object: o });
    }
  }
  for (const k of typoKeys) {
    const o = clone(base);
    o.spec.config[k] = { shared: { maxTokens: 1, refillPeriod: '1m' } };
    out.push({ name: `spec.config.${k}`, object: o });
  }
  const more: [string, (o: any) => void][] = [
    ['replicas over int32', (o) => (o.spec.replicas = 2147483648)],
    ['sessionStorage.db over int32', (o) => (o.spec.sessionStorage.db = 4294967296)],
    ['backend sessionDuration over int32', (o) => (o.spec.config.outgoingAuth = { source: 'inline', backends: { b: { type: 'aws_sts', awsSts: { region: 'eu-west-1', sessionDuration: 2147483648 } } } })],
    ['unhealthyThreshold negative', (o) => (o.spec.config.operational = { failureHandling: { unhealthyThreshold: -1 } })],
    ['health check: interval 5s, timeout defaulted', (o) => (o.spec.config.operational = { failureHandling: { healthCheckInterval: '5s' } })],
    ['health check: timeout 1m, interval defaulted (30s)', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '1m' } })],
    ['health check: timeout 30s = interval 30s', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '30s', healthCheckInterval: '30s' } })],
    ['health check: timeout 1.5m, interval 90s', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '1.5m', healthCheckInterval: '90s' } })],
    ['health check: timeout 5s, interval 0s (vMCP 30s)', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '5s', healthCheckInterval: '0s' } })],
    ['health check: timeout 45s, interval 0s (vMCP 30s)', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '45s', healthCheckInterval: '0s' } })],
    ['health check: timeout 5s, interval 10s', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '5s', healthCheckInterval: '10s' } })],
    ['health check: timeout 1500ms, interval 1.5s', (o) => (o.spec.config.operational = { failureHandling: { healthCheckTimeout: '1500ms', healthCheckInterval: '1.5s' } })],
    ['config.sessionStorage (lint)', (o) => (o.spec.config.sessionStorage = { provider: 'redis', address: 'r:6379' })],
    ['two errors: period and tokens', (o) => ((o.spec.config.rateLimiting.tools[0].shared.refillPeriod = '1d'), (o.spec.config.rateLimiting.shared.maxTokens = 2147483648))],
    ['no rate limiting', (o) => delete o.spec.config.rateLimiting],
    ['empty config', (o) => (o.spec.config = {})],
    ['unknown key with a null value', (o) => (o.spec.config.ratelimiting = null)],
    ['unknown keys with odd names', (o) => Object.assign(o.spec.config, { 'a.b': 1, 'with space': [], '"q"\\': {}, 'r\u00e4teLimiting': true })],
    ['rateLimiting null', (o) => (o.spec.config.rateLimiting = null)],
    ['a tool with only perUser and one with both, bad in the second', (o) => (o.spec.config.rateLimiting.tools = [{ name: 'a', perUser: { maxTokens: 1, refillPeriod: '1m' } }, { name: 'b', shared: { maxTokens: 1, refillPeriod: '1m' }, perUser: { maxTokens: 1, refillPeriod: '-5s' } }])],
    ['a tool name that needs quoting', (o) => (o.spec.config.rateLimiting.tools[0] = { name: 'say "hi"\\', shared: { maxTokens: 1, refillPeriod: '0s' } })],
    ['no config', (o) => delete o.spec.config],
  ];
  for (const [name, f] of more) {
    const o = clone(base);
    f(o);
    out.push({ name, object: o });
  }
  return out;
}

/** UPDATE pairs: an unchanged bad value ratchets; a changed one, or a new one, denies. */
function updates(cases: readonly Case[]): Case[] {
  const out: Case[] = [];
  for (const c of cases) {
    const relabelled = clone(c.object) as any;
    relabelled.metadata.labels = { touched: 'yes' };
    out.push({ name: `UPDATE label only: ${c.name}`, object: relabelled, oldObject: c.object });
    out.push({ name: `UPDATE from valid: ${c.name}`, object: c.object, oldObject: base });
    const renamedTool = clone(c.object) as any;
    if (renamedTool.spec?.config?.rateLimiting?.tools !== undefined) {
      renamedTool.spec.config.rateLimiting.tools.reverse();
      out.push({ name: `UPDATE tools reordered: ${c.name}`, object: renamedTool, oldObject: c.object });
    }
  }
  return out;
}

interface Tally {
  compared: number;
  denied: number;
  skippedByCrd: number;
  warned: number;
}

/** Differences the policy documents (README, --explain): the message of these may differ, the decision may not. */
const messageMayDiffer = (v: EngineVerdict): boolean => {
  const unknown = v.errors.filter((f) => f.rule === 'runtime-config-unknown-key');
  return unknown.length > 1;
};

function compare(c: Case, tally: Tally): void {
  const v = engineVerdict(c.object, c.oldObject);
  if (!v.crdAdmits) {
    tally.skippedByCrd++;
    return;
  }
  const p = policyVerdict(v.stored, c.oldObject === undefined ? undefined : storedOf(c.oldObject));
  tally.compared++;
  assert.deepEqual([...p.deny.errors, ...p.warn.errors], [], `${c.name}: evaluation errors`);
  assert.equal(p.deny.failures.length > 0, v.errors.length > 0, `${c.name}: policy denies ${JSON.stringify(p.deny.failures[0])}, engine ${JSON.stringify(v.errors[0]?.message)}`);
  if (v.errors.length > 0) {
    tally.denied++;
    if (messageMayDiffer(v)) assert.ok(v.errors.some((f) => f.message === p.deny.failures[0]), `${c.name}: ${p.deny.failures[0]} is none of the engine's`);
    else assert.equal(p.deny.failures[0], v.errors[0]!.message, c.name);
  }
  assert.deepEqual(p.warn.failures, v.warnings.map((f) => f.message), `${c.name}: warnings`);
  if (v.warnings.length > 0) tally.warned++;
}

void test('corpus: every VirtualMCPServer of the fixtures, examples and golden inputs, as CREATE and (for AdmissionReviews) UPDATE', () => {
  const items = corpus();
  assert.ok(items.length >= 40, `corpus has ${items.length} objects`);
  const tally: Tally = { compared: 0, denied: 0, skippedByCrd: 0, warned: 0 };
  for (const item of items) compare({ name: item.source, object: item.object, ...(item.oldObject === undefined ? {} : { oldObject: item.oldObject }) }, tally);
  assert.ok(tally.compared >= 30 && tally.denied >= 3, JSON.stringify(tally));
  console.log(`corpus: ${items.length} objects, ${JSON.stringify(tally)}`);
});

void test('mutations: duration shapes, maxTokens bounds, typo keys and int32 fields at every bucket site, CREATE', () => {
  const cases = mutations();
  const tally: Tally = { compared: 0, denied: 0, skippedByCrd: 0, warned: 0 };
  for (const c of cases) compare(c, tally);
  assert.ok(tally.denied >= 150, JSON.stringify(tally));
  console.log(`mutations: ${cases.length} cases, ${JSON.stringify(tally)}`);
});

void test('mutations as UPDATE: an unchanged bad value does not deny, a changed one does (ratcheting in CEL)', () => {
  const cases = updates(mutations());
  const tally: Tally = { compared: 0, denied: 0, skippedByCrd: 0, warned: 0 };
  for (const c of cases) compare(c, tally);
  assert.ok(tally.denied >= 100, JSON.stringify(tally));
  console.log(`updates: ${cases.length} cases, ${JSON.stringify(tally)}`);
});

void test('ratcheting: the label-only update of a bad refillPeriod is admitted, the same value newly written is denied', () => {
  const bad = clone(base);
  bad.spec.config.rateLimiting.tools[1].perUser.refillPeriod = '1d';
  const relabelled = clone(bad);
  relabelled.metadata.labels = { a: 'b' };
  assert.deepEqual(policyVerdict(storedOf(relabelled), storedOf(bad)).deny.failures, []);
  assert.match(policyVerdict(storedOf(relabelled), storedOf(base)).deny.failures[0] ?? '', /^spec\.config\.rateLimiting\.tools\[1\]\.perUser\.refillPeriod: Invalid value: "1d": time: unknown unit "d" in duration "1d"$/);
});

void test('a tools list at the bound (built.bounds.tools tools, every 7th bad in turn) is judged like the engine, CREATE and UPDATE, without evaluation errors', () => {
  const o = clone(base);
  const shapes = ['1m', '0s', '-90m', '1d', '1.5h', '', '1'];
  o.spec.config.rateLimiting.tools = Array.from({ length: built.bounds.tools }, (_, i) => ({ name: `tool-${i}`, shared: { maxTokens: 1, refillPeriod: i % 7 === 6 ? shapes[(i / 7) % 7 | 0] : '1m' }, perUser: { maxTokens: 1, refillPeriod: '30s' } }));
  const tally: Tally = { compared: 0, denied: 0, skippedByCrd: 0, warned: 0 };
  compare({ name: 'tools at the bound', object: o }, tally);
  const relabelled = clone(o);
  relabelled.metadata.labels = { x: 'y' };
  compare({ name: 'tools at the bound, label-only UPDATE', object: relabelled, oldObject: o }, tally);
  assert.deepEqual(tally, { compared: 2, denied: 1, skippedByCrd: 0, warned: 0 });
});
