import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFinding, quoteGo } from '../../src/core/finding.js';

void test("quoteGo is Go's %q: printable runes as they are, everything else escaped the way strconv.Quote does", () => {
  const cases: [string, string][] = [
    ['team-tools', '"team-tools"'],
    ['', '""'],
    ['say "hi" \\ o/', '"say \\"hi\\" \\\\ o/"'],
    ['tab\there\nnl\r\v\f\b\u0007', '"tab\\there\\nnl\\r\\v\\f\\b\\a"'],
    ['nul\u0000 esc\u001b del\u007f', '"nul\\x00 esc\\x1b del\\x7f"'],
    ['no\u00a0break', '"no\\u00a0break"'],
    ['line\u2028sep', '"line\\u2028sep"'],
    ['zero\u200bwidth', '"zero\\u200bwidth"'],
    ['ümlaut é 日本 😀 ‐', '"ümlaut é 日本 😀 ‐"'],
    ['private\u{f0000}', '"private\\U000f0000"'],
    ['lone\ud800', '"lone\ufffd"'],
  ];
  for (const [input, expected] of cases) assert.equal(quoteGo(input), expected, JSON.stringify(input));
});

void test('formatFinding renders field.Error lines', () => {
  assert.equal(formatFinding({ field: 'metadata.labels', type: 'Invalid value', value: quoteGo('a\u00a0b'), detail: 'x' }), 'metadata.labels: Invalid value: "a\\u00a0b": x');
  assert.equal(formatFinding({ field: 'metadata.annotations', type: 'Too long', detail: 'may not be more than 262144 bytes' }), 'metadata.annotations: Too long: may not be more than 262144 bytes');
  assert.equal(formatFinding({ field: null, type: 'Warning', detail: 'w' }), 'w');
});
