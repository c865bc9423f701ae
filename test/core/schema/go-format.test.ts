// Go fmt renderings used in field errors: %q, %v of int64/float64, %#v of maps and slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goBadValue, goFloat, goQuote, goSharpV } from '../../../src/core/schema/go-format.js';

void test('strconv.Quote', () => {
  const cases: [string, string][] = [
    ['Redis', '"Redis"'],
    ['', '""'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\t\n\r\x07\b\f\v', '"\\t\\n\\r\\a\\b\\f\\v"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['µs λ 日本', '"µs λ 日本"'],
    ['\u00a0\u2028', '"\\u00a0\\u2028"'],
    ['😀', '"😀"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['\ud800', '"\ufffd"'],
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
  for (const [input, want] of cases) assert.equal(goQuote(input), want, JSON.stringify(input));
});

void test('float64 %v switches to exponent form like Go', () => {
  const cases: [number, string][] = [[1.5, '1.5'], [0.0001, '0.0001'], [0.00001, '1e-05'], [123456.5, '123456.5'], [1234567.5, '1.2345675e+06'], [1e21, '1e+21'], [-2.5e-7, '-2.5e-07']];
  for (const [n, want] of cases) assert.equal(goFloat(n), want, String(n));
});

void test('bad values render as field.Error prints them', () => {
  assert.equal(goBadValue(0), '0');
  assert.equal(goBadValue(-5), '-5');
  assert.equal(goBadValue(2.5), '2.5');
  assert.equal(goBadValue(true), 'true');
  assert.equal(goBadValue(null), '"null"');
  assert.equal(goBadValue('x'), '"x"');
  assert.equal(goBadValue({ name: 'search' }), 'map[string]interface {}{"name":"search"}');
});

void test('%#v sorts map keys and nests', () => {
  assert.equal(goSharpV({ b: [1, 'x', null], a: { c: false } }), 'map[string]interface {}{"a":map[string]interface {}{"c":false}, "b":[]interface {}{1, "x", interface {}(nil)}}');
});
