// Rule control shared by the CLI and the webhook: what --disable may turn off, and the ignore
// annotation that silences warnings only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../../src/core/rules/index.js';
import { report } from '../../../src/core/rules/report.js';
import { applyRuleControl, canDisable, checkDisable, ignoreAnnotation, ignoredIds } from '../../../src/core/rules/control.js';

void test('only runtime, lint and render rules can be disabled; every schema, CEL, metadata, document and input rule cannot', () => {
  for (const { meta } of rules) {
    const enforced = ['schema', 'cel', 'input'].includes(meta.origin) || ['input', 'document', 'metadata', 'schema', 'cel'].includes(meta.stage);
    assert.equal(canDisable(meta), !enforced, meta.id);
  }
  assert.ok(rules.some((r) => canDisable(r.meta)) && rules.some((r) => !canDisable(r.meta)));
});

void test('checkDisable: unknown ids and enforced rules are refused with the reason; repeats collapse', () => {
  assert.deepEqual(checkDisable(['lint-deprecated-version', 'lint-deprecated-version', 'render-cluster-only']), { ok: true, ids: ['lint-deprecated-version', 'render-cluster-only'] });
  assert.deepEqual(checkDisable(['nope']), { ok: false, error: "--disable nope: no such rule (see 'vmcp-admission rules')" });
  const refused = checkDisable(['schema-unknown-field']);
  assert.ok(!refused.ok && refused.error.endsWith('cannot be disabled (the API server would deny anyway)'));
});

const object = (value: unknown): unknown => ({ metadata: { annotations: { [ignoreAnnotation]: value } } });

void test('the annotation: comma-separated ids, spaces trimmed; anything but a string ignores nothing', () => {
  assert.deepEqual([...ignoredIds(object(' a, b ,,c '))], ['a', 'b', 'c']);
  for (const v of [1, null, ['a']]) assert.equal(ignoredIds(object(v)).size, 0);
  assert.equal(ignoredIds({ metadata: null }).size, 0);
  assert.equal(ignoredIds('text').size, 0);
});

const warning = report('lint-deprecated-version', 'crdWarning', { warning: 'old' }, { path: null, type: 'Warning' });
const error = report('runtime-refill-period-duration', 'invalid', { duration: '"x"' }, { path: ['spec'], type: 'Invalid value' });

void test('applyRuleControl: the annotation drops named warnings (returned as ignored), never an error; --disable drops both', () => {
  const annotated = object('lint-deprecated-version,runtime-refill-period-duration');
  const controlled = applyRuleControl([warning, error], annotated, new Set());
  assert.deepEqual(controlled.findings, [error]);
  assert.deepEqual(controlled.ignored, [warning]);
  assert.deepEqual(applyRuleControl([warning, error], {}, new Set(['runtime-refill-period-duration'])), { findings: [warning], ignored: [] });
  const untouched = [warning, error];
  assert.equal(applyRuleControl(untouched, {}, new Set()).findings, untouched, 'no copy when nothing applies');
});
