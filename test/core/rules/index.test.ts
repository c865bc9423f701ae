// The registry: ordered, frozen, unique ids, documented, complete with respect to the CRD and to the
// files in src/core/rules (one file per runtime/lint/metadata rule, file name = id), and it IS the
// implementation: every entry has a producer (its own check, or a `report('<id>'` call somewhere in
// src/) and every producer's id and message id is an entry's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules, ruleById, metaOf } from '../../../src/core/rules/index.js';
import { celRuleLocations, celRuleId } from '../../../src/core/rules/cel-rules.js';
import { committedVersion } from '../committed-schema.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';

const metas = rules.map((r) => r.meta);
const src = fileURLToPath(new URL('../../../src/', import.meta.url));

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [{ file: path.slice(src.length), text: readFileSync(path, 'utf8') }] : [];
  });
}

void test('ids are unique, kebab-case, and the list is frozen', () => {
  const ids = metas.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.ok(Object.isFrozen(rules));
  assert.equal(metaOf('cel-ratelimit-requires-redis')?.origin, 'cel');
});

void test('every rule has a description, a mode, a stage and at least one message', () => {
  for (const r of metas) {
    assert.ok(r.description.length > 10, r.id);
    assert.ok(r.modes.length > 0, r.id);
    assert.ok(Object.keys(r.messages).length > 0, r.id);
    // Runtime parity checks run in strict mode only; the renderer's findings wherever a render runs.
    if (r.origin === 'runtime') assert.deepEqual(r.modes, r.stage === 'render' ? ['crd', 'strict'] : ['strict'], r.id);
    if (r.origin === 'lint') assert.equal(r.severity, 'warning', r.id);
    if (r.origin === 'input') assert.equal(r.stage, 'input', r.id);
  }
});

void test('one file per rule module (runtime, lint, metadata), named after the id', () => {
  const files = readdirSync(new URL('../../../src/core/rules/', import.meta.url)).filter((f) => /^(runtime|lint|metadata)-/.test(f)).map((f) => f.replace(/\.ts$/, ''));
  const ids = rules.filter((r) => r.check !== undefined).map((r) => r.meta.id);
  assert.deepEqual([...files].sort(), [...ids].sort());
});

void test('both directions: every entry has a producer, every reported id and message id has an entry', () => {
  const all = sources(src);
  const reported = new Map<string, Set<string>>();
  // `report('<id>', '<messageId>'` calls, and `rule: '<id>', messageId: '<messageId>'` tables handed to report.
  const producers = /\breport\(\s*'([a-z0-9]+-[a-z0-9-]+)',\s*(?:'([A-Za-z0-9]+)')?|\brule: '([a-z0-9]+-[a-z0-9-]+)',\s*messageId: (?:'([A-Za-z0-9]+)')?/g;
  for (const { text } of all) {
    for (const m0 of text.matchAll(producers)) {
      const m = [m0[0], m0[1] ?? m0[3], m0[2] ?? m0[4]];
      const set = reported.get(m[1]!) ?? new Set<string>();
      if (m[2] !== undefined) set.add(m[2]); // a computed message id is checked by the compiler
      reported.set(m[1]!, set);
    }
  }
  for (const [id, messageIds] of reported) {
    const meta = metaOf(id);
    assert.ok(meta !== undefined, `report('${id}') has no registry entry`);
    for (const m of messageIds) assert.ok(m in meta.messages, `${id}: message ${m} is not in its table`);
  }
  // Entries produced by a stage rather than their own check: found by id in a report call, or
  // (CEL rules, reported by the id the CRD rule maps to) through celRuleId.
  const cel = new Set<string>([...celRuleLocations.map((l) => l.id), 'cel-crd-rule']);
  for (const r of rules) {
    if (r.check !== undefined || cel.has(r.meta.id)) continue;
    const produced = reported.has(r.meta.id);
    assert.ok(produced, `${r.meta.id} is registered but nothing reports it`);
  }
});

void test('no finding is made outside the one constructor: makeFinding is called only by report and the rule reporter', () => {
  const callers = sources(src).filter((f) => /\bmakeFinding\(/.test(f.text)).map((f) => f.file).sort();
  assert.deepEqual(callers, ['core/finding.ts', 'core/rules/report.ts']);
});

function crdRules(node: SchemaNode, path: string, out: { path: string; rule: string }[]): void {
  for (const v of node['x-kubernetes-validations'] ?? []) out.push({ path, rule: v.rule });
  for (const [k, child] of Object.entries(node.properties ?? {})) crdRules(child, path === '' ? k : `${path}.${k}`, out);
  if (typeof node.additionalProperties === 'object') crdRules(node.additionalProperties, `${path}{*}`, out);
  if (node.items !== undefined) crdRules(node.items, `${path}[*]`, out);
}

void test('every CEL rule of both served versions maps to its own registry id, and back', () => {
  for (const version of ['v1beta1', 'v1alpha1'] as const) {
    const found: { path: string; rule: string }[] = [];
    crdRules(committedVersion(version).schema, '', found);
    assert.equal(found.length, 32, version);
    const ids = found.map((f) => celRuleId(f.path, f.rule));
    assert.ok(!ids.includes('cel-crd-rule'), `${version}: ${JSON.stringify(found.filter((f) => celRuleId(f.path, f.rule) === 'cel-crd-rule'))}`);
    assert.equal(new Set(ids).size, 32);
    assert.deepEqual([...ids].sort(), celRuleLocations.map((l) => l.id).sort());
  }
  assert.equal(celRuleId('spec', 'self.x == 1'), 'cel-crd-rule');
  for (const l of celRuleLocations) assert.ok(ruleById(l.id) !== undefined, l.id);
});

void test('stage-reported entries have no check; the renderer\'s are runtime errors of stage render', () => {
  for (const id of ['schema-unknown-field', 'schema-required', 'schema-enum', 'schema-type', 'schema-range', 'schema-length', 'schema-items', 'schema-properties', 'schema-pattern', 'schema-format', 'schema-duplicate']) {
    assert.equal(ruleById(id)?.check, undefined, id);
    assert.equal(metaOf(id)?.stage, 'schema', id);
  }
  const render = metas.filter((m) => m.stage === 'render');
  assert.deepEqual(render.map((m) => m.id), ['render-reference-not-found', 'render-operator-error', 'render-cluster-only', 'render-undecodable']);
  for (const m of render) {
    assert.equal(m.origin, 'runtime', m.id);
    assert.equal(m.severity, 'error', m.id);
    assert.equal(ruleById(m.id)?.check, undefined, m.id);
  }
});
