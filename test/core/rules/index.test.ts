// The registry: ordered, frozen, unique ids, documented, and complete with respect to the CRD and
// to the files in src/core/rules (one file per runtime/lint rule, file name = id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { rules, ruleById } from '../../../src/core/rules/index.js';
import { celRuleLocations, celRuleId } from '../../../src/core/rules/cel-rules.js';
import { committedVersion } from '../committed-schema.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';

void test('ids are unique, kebab-case, and the list is frozen', () => {
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.ok(Object.isFrozen(rules));
  assert.equal(ruleById('cel-ratelimit-requires-redis')?.origin, 'cel');
});

void test('every rule has a description; every checking rule has messages and a mode', () => {
  for (const r of rules) {
    assert.ok(r.description.length > 10, r.id);
    assert.ok(r.modes.length > 0, r.id);
    if (r.check !== undefined && r.id !== 'lint-deprecated-version') assert.ok(Object.keys(r.messages).length > 0, r.id);
    // Runtime parity checks run in strict mode only; the renderer's findings wherever a render runs.
    if (r.origin === 'runtime') assert.deepEqual(r.modes, r.id.startsWith('render-') ? ['crd', 'strict'] : ['strict'], r.id);
    if (r.origin === 'lint') assert.equal(r.severity, 'warning', r.id);
  }
});

void test('one file per runtime/lint rule, named after the id', () => {
  const files = readdirSync(new URL('../../../src/core/rules/', import.meta.url)).filter((f) => /^(runtime|lint)-/.test(f)).map((f) => f.replace(/\.ts$/, ''));
  const ids = rules.filter((r) => (r.origin === 'runtime' || r.origin === 'lint') && !r.id.startsWith('render-')).map((r) => r.id);
  assert.deepEqual([...files].sort(), [...ids].sort());
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

void test('the schema-stage ids are registered as documentation entries', () => {
  const schemaIds = ['schema-unknown-field', 'schema-required', 'schema-enum', 'schema-type', 'schema-range', 'schema-length', 'schema-items', 'schema-properties', 'schema-pattern', 'schema-format', 'schema-duplicate'];
  for (const id of schemaIds) assert.equal(ruleById(id)?.check, undefined, id);
  for (const id of ['cel-not-checked', 'cel-crd-rule', 'document-not-a-mapping', 'document-kind', 'document-unserved-version', 'internal-error']) assert.ok(ruleById(id), id);
});

void test('the renderer\'s finding ids are registered as documentation entries (runtime, error, no check)', () => {
  const ids = ['render-reference-not-found', 'render-operator-error', 'render-cluster-only', 'render-undecodable'];
  assert.deepEqual(rules.filter((r) => r.id.startsWith('render-')).map((r) => r.id), ids);
  for (const id of ids) {
    const r = ruleById(id);
    assert.ok(r !== undefined, id);
    assert.equal(r.origin, 'runtime', id);
    assert.equal(r.severity, 'error', id);
    assert.equal(r.check, undefined, id);
    assert.ok(Object.keys(r.messages).length > 0, id);
  }
});

void test('every rule id the renderer emits has a registry entry', () => {
  const dir = new URL('../../../src/render/', import.meta.url);
  const used = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/'(render-[a-z0-9-]+)'/g)) used.add(m[1]!);
  }
  assert.ok(used.size >= 4, [...used].join(', '));
  for (const id of used) assert.ok(ruleById(id) !== undefined, `${id} is emitted by src/render but not in the registry`);
});
