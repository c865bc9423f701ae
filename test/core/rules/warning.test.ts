// fittingWarning: the first text whose whole `<field>: <detail>` line fits 120 characters wins;
// otherwise the last (shortest) is cut with `...` to exactly fit; newlines become spaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fittingWarning } from '../../../src/core/rules/warning.js';

const path = ['spec', 'config', 'rateLimiting', 'shared', 'refillPeriod'];
const field = 'spec.config.rateLimiting.shared.refillPeriod';

void test('the longest text that fits wins, the line measured with its field', () => {
  const room = 120 - field.length - 2;
  const f = fittingWarning('lint-x', path, ['a'.repeat(room + 1), `{x}${'b'.repeat(room - 2)}`, 'short'], { x: 'xx' });
  assert.equal(f.detail, `xx${'b'.repeat(room - 2)}`);
  assert.equal(f.message, `${field}: ${f.detail}`);
  assert.equal(f.message.length, 120);
  assert.equal(fittingWarning('lint-x', path, ['one\ntwo {x}'], { x: 1 }).detail, 'one two 1');
});

void test('when nothing fits the shortest text is cut to exactly 120 characters with ...', () => {
  const f = fittingWarning('lint-x', path, ['z'.repeat(200), 'y'.repeat(150)], {});
  assert.equal(f.message.length, 120);
  assert.ok(f.detail.endsWith('y...'));
  assert.equal(fittingWarning('lint-x', [], ['q'.repeat(130)], {}).message.length, 120);
  assert.throws(() => fittingWarning('lint-x', path, [], {}), /no warning text/);
});
