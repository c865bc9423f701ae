// The rules reference is complete: every registered rule has a failing example and a README anchor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rules } from '../../src/core/rules/index.js';
import { ruleDocs } from '../../src/cli/rule-docs.js';
import { helpText, helpUri, ruleAnchor, ruleEntry } from '../../src/cli/rule-reference.js';

void test('rule-docs has exactly the registered ids, each with a non-empty example', () => {
  const ids = rules.map((r) => r.meta.id).sort();
  assert.deepEqual(Object.keys(ruleDocs).sort(), ids);
  for (const [id, doc] of Object.entries(ruleDocs)) {
    assert.ok(doc.example.trim().length > 0, id);
    assert.ok(doc.why === undefined || doc.why.trim().length > 0, id);
  }
});

void test('every rule\'s helpUri anchor exists in the README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const { meta } of rules) {
    assert.ok(readme.includes(`<a id="${ruleAnchor(meta.id)}"></a>`), meta.id);
    assert.ok(helpUri(meta.id).endsWith(`#rule-${meta.id}`));
  }
});

void test('an entry joins the registry meta and the docs; help text holds the description, why and the example', () => {
  const entry = ruleEntry(rules.find((r) => r.meta.id === 'schema-unknown-field')!.meta);
  assert.deepEqual([entry.severity, entry.severityByMode, entry.disableable], ['error', { strict: 'error', crd: 'warning' }, false]);
  const text = helpText(entry);
  assert.ok(text.startsWith(`${entry.description}\n${ruleDocs['schema-unknown-field'].why}\n\nFailing example:\n    spec:\n`));
});
