// Warnings as the API server and kubectl need them: one printable line, <= 120 characters,
// unique, no own "Warning:" prefix, bounded in total.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanWarning, sanitizeWarnings, truncate, warningBudget } from '../../src/webhook/warnings.js';

void describe('warnings', () => {
  const table: Array<[string, string, string]> = [
    ['newlines and tabs', 'line one\nline\ttwo\r\n', 'line one line two'],
    ['control and C1 characters', 'a\u0000b\u001bc\u0085d\u2028e', 'a b c d e'],
    ['own prefix', 'Warning: spec.x: deprecated', 'spec.x: deprecated'],
    ['already clean', 'spec.config.ratelimiting: unknown field', 'spec.config.ratelimiting: unknown field'],
  ];
  for (const [what, input, expected] of table) {
    void it(`cleans ${what}`, () => assert.equal(cleanWarning(input), expected));
  }

  void it('truncates to 120 characters at a word boundary with an ellipsis', () => {
    const long = `spec.config.rateLimiting.tools[0].name: ${'word '.repeat(40)}`;
    const cut = cleanWarning(long);
    assert.ok(cut.length <= 120);
    assert.ok(cut.endsWith('word...'), cut);
    assert.equal(truncate('x'.repeat(200)).length, 120);
  });

  void it('deduplicates after cleaning', () => {
    assert.deepEqual(sanitizeWarnings(['a  b', 'a b', 'Warning: a b', '']), ['a b']);
  });

  void it('keeps the total within the budget and says how many were left out', () => {
    const many = Array.from({ length: 100 }, (_, i) => `spec.config.rateLimiting.tools[${i}].perUser: ${'x'.repeat(80)}`);
    const out = sanitizeWarnings(many);
    const total = out.reduce((n, w) => n + w.length, 0);
    assert.ok(total <= warningBudget, `total ${total}`);
    assert.match(out.at(-1)!, /^\d+ more warning\(s\) not shown/);
    assert.ok(out.every((w) => w.length <= 120));
  });
});
