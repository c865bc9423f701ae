// fittingWarning: the first message whose whole `<field>: <detail>` line fits 120 characters wins;
// otherwise the last (shortest) is cut with `...` to exactly fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fittingWarning } from '../../../src/core/rules/warning.js';
import { bindReporter } from '../../../src/core/finding.js';
import { defineRule } from '../../../src/core/rules/rule.js';

const path = ['spec', 'config', 'rateLimiting', 'shared', 'refillPeriod'];
const field = 'spec.config.rateLimiting.shared.refillPeriod';
const room = 120 - field.length - 2;
const rule = defineRule({
  id: 'lint-x',
  origin: 'lint',
  severity: 'warning',
  stage: 'rules',
  modes: ['crd', 'strict'],
  description: 'a warning with texts of chosen lengths',
  messages: { tooLong: 'a'.repeat(room + 1), fits: `{x}${'b'.repeat(room - 2)}`, short: 'short', z: 'z'.repeat(200), y: 'y'.repeat(150), q: 'q'.repeat(130) },
});
const report = bindReporter(rule.meta, 'strict');

void test('the longest text that fits wins, the line measured with its field', () => {
  const f = fittingWarning(report, path, ['tooLong', 'fits', 'short'], { x: 'xx' });
  assert.equal(f.messageId, 'fits');
  assert.equal(f.detail, `xx${'b'.repeat(room - 2)}`);
  assert.equal(f.message, `${field}: ${f.detail}`);
  assert.equal(f.message.length, 120);
  assert.equal(f.severity, 'warning');
  assert.equal(f.type, 'Warning');
});

void test('when nothing fits the shortest text is cut to exactly 120 characters with ...', () => {
  const f = fittingWarning(report, path, ['z', 'y'], {});
  assert.equal(f.message.length, 120);
  assert.equal(f.messageId, 'y');
  assert.ok(f.detail.endsWith('y...'));
  assert.equal(fittingWarning(report, [], ['q'], {}).message.length, 120);
  assert.throws(() => fittingWarning(report, path, [], {}), /no message ids/);
});
