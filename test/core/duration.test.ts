import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration, formatGoDuration, goTimeQuote } from '../../src/core/duration.js';

const ok: readonly [string, bigint][] = [
  ['0', 0n],
  ['+0', 0n],
  ['-0', 0n],
  ['0s', 0n],
  ['1ns', 1n],
  ['1us', 1000n],
  ['1\u00b5s', 1000n],
  ['1\u03bcs', 1000n],
  ['1ms', 1_000_000n],
  ['1s', 1_000_000_000n],
  ['1m', 60_000_000_000n],
  ['1h', 3_600_000_000_000n],
  ['.5s', 500_000_000n],
  ['1.s', 1_000_000_000n],
  ['1.5s', 1_500_000_000n],
  ['1.0s', 1_000_000_000n],
  ['-1m', -60_000_000_000n],
  ['+1m', 60_000_000_000n],
  ['1m1m', 120_000_000_000n],
  ['1h30m', 5_400_000_000_000n],
  ['2h45m30.5s', 9_930_500_000_000n],
  ['0.000000001s', 1n],
  ['0.0000000001s', 0n],
  ['1.5h', 5_400_000_000_000n],
  ['9223372036854775807ns', 9_223_372_036_854_775_807n],
  ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
  ['2562047h', 9_223_369_200_000_000_000n],
];

const bad: readonly [string, string][] = [
  ['', 'time: invalid duration ""'],
  ['one minute', 'time: invalid duration "one minute"'],
  ['1', 'time: missing unit in duration "1"'],
  ['10', 'time: missing unit in duration "10"'],
  ['1d', 'time: unknown unit "d" in duration "1d"'],
  ['1M', 'time: unknown unit "M" in duration "1M"'],
  ['1S', 'time: unknown unit "S" in duration "1S"'],
  ['1constructor', 'time: unknown unit "constructor" in duration "1constructor"'],
  ['1__proto__', 'time: unknown unit "__proto__" in duration "1__proto__"'],
  ['2toString', 'time: unknown unit "toString" in duration "2toString"'],
  ['1 s', 'time: unknown unit " s" in duration "1 s"'],
  [' 1s', 'time: invalid duration " 1s"'],
  ['1s ', 'time: unknown unit "s " in duration "1s "'],
  ['.s', 'time: invalid duration ".s"'],
  ['-.s', 'time: invalid duration "-.s"'],
  ['-', 'time: invalid duration "-"'],
  ['+', 'time: invalid duration "+"'],
  ['s', 'time: invalid duration "s"'],
  ['1m-1s', 'time: unknown unit "m-" in duration "1m-1s"'],
  ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
  ['2562048h', 'time: invalid duration "2562048h"'],
  ['99999999999999999999s', 'time: invalid duration "99999999999999999999s"'],
  ['1\u00e9s', 'time: unknown unit "\\xc3\\xa9s" in duration "1\\xc3\\xa9s"'],
  ['1"s', 'time: unknown unit "\\"s" in duration "1\\"s"'],
  ['1\ts', 'time: unknown unit "\\x09s" in duration "1\\x09s"'],
];

void test('parseGoDuration accepts the Go grammar', () => {
  for (const [text, ns] of ok) assert.deepEqual(parseGoDuration(text), { ok: true, nanoseconds: ns }, text);
});

void test('parseGoDuration rejects with the exact Go error text', () => {
  for (const [text, error] of bad) {
    const r = parseGoDuration(text);
    assert.deepEqual({ ok: r.ok, error: r.ok ? undefined : r.error }, { ok: false, error }, JSON.stringify(text));
  }
});

const formatted: readonly [bigint, string][] = [
  [0n, '0s'],
  [1n, '1ns'],
  [999n, '999ns'],
  [1000n, '1\u00b5s'],
  [1500n, '1.5\u00b5s'],
  [1_500_000n, '1.5ms'],
  [500_000_000n, '500ms'],
  [1_000_000_000n, '1s'],
  [1_500_000_000n, '1.5s'],
  [30_000_000_000n, '30s'],
  [60_000_000_000n, '1m0s'],
  [90_000_000_000n, '1m30s'],
  [3_600_000_000_000n, '1h0m0s'],
  [5_400_000_000_000n, '1h30m0s'],
  [86_400_000_000_000n, '24h0m0s'],
  [360_000_000_000_000n, '100h0m0s'],
  [9_930_500_000_000n, '2h45m30.5s'],
  [-60_000_000_000n, '-1m0s'],
  [-1n, '-1ns'],
  [-9_223_372_036_854_775_808n, '-2562047h47m16.854775808s'],
  [9_223_372_036_854_775_807n, '2562047h47m16.854775807s'],
];

void test('formatGoDuration matches time.Duration.String()', () => {
  for (const [ns, text] of formatted) assert.equal(formatGoDuration(ns), text, String(ns));
});

void test('canonicalisation examples round-trip through parse and format', () => {
  const pairs: [string, string][] = [['60s', '1m0s'], ['90m', '1h30m0s'], ['1h30m', '1h30m0s'], ['0.5s', '500ms'], ['3600s', '1h0m0s'], ['1.0s', '1s'], ['1m1m', '2m0s']];
  for (const [input, canonical] of pairs) {
    const r = parseGoDuration(input);
    assert.ok(r.ok, input);
    assert.equal(formatGoDuration(r.nanoseconds), canonical);
  }
});

void test('goTimeQuote escapes like Go time.quote', () => {
  assert.equal(goTimeQuote('a\\b'), '"a\\\\b"');
  assert.equal(goTimeQuote('\u00b5'), '"\\xc2\\xb5"');
});
