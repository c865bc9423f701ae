// The CEL text builders against the engine's Go-exact duration code (core/duration.ts): Go's
// Duration.String() and time.ParseDuration (value, overflow, which error) re-done in CEL, checked on
// edges and on a few thousand generated strings (a fixed-seed generator, so failures reproduce).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { celUint } from '@bufbuild/cel';
import { formatGoDuration, parseGoDuration } from '../../src/core/duration.js';
import { durationCel, fillCel, goDurationStringCel, goQuoteCel, lit, timeQuoteCel, UNIT_NANOS_CEL, unknownUnitCel } from '../../src/policy/cel-text.js';
import { quoteGo } from '../../src/core/finding.js';
import { evaluate } from './vap-eval.js';

const value = (expr: string, bindings: Record<string, unknown>): unknown => {
  const r = evaluate(expr, bindings);
  if ('error' in r) assert.fail(`${r.error} in ${expr.slice(0, 120)}`);
  return r.value;
};

void test("goDurationStringCel prints every magnitude as Go's Duration.String()", () => {
  const edges = [1n, 999n, 1000n, 1001n, 1500n, 999_999n, 1_000_000n, 1_500_000n, 999_999_999n, 1_000_000_000n, 1_500_000_000n, 59_999_999_999n, 60_000_000_000n, 90_000_000_000n, 3_599_999_999_999n, 3_600_000_000_000n, 5_400_000_000_000n, 86_400_000_000_000n, 9_223_372_036_854_775_807n, 9_223_372_036_854_775_808n];
  let seed = 7n;
  for (let i = 0; i < 300; i++) {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    edges.push((seed >> BigInt(i % 60)) + 1n);
  }
  const expr = goDurationStringCel('m');
  for (const n of edges) assert.equal(value(expr, { m: celUint(n) }), formatGoDuration(n), String(n));
});

/** Strings that look like durations more often than not: groups of digits, dots, units, signs and junk. */
function* generated(count: number): Generator<string> {
  const pieces = ['0', '1', '9', '12', '999999', '2562047', '9223372036854775807', '.', '.5', '5.', '0.000000001', 'h', 'm', 's', 'ms', 'us', '\u00b5s', '\u03bcs', 'ns', 'd', 'x', 'mx', '-', '+', ' ', 'e'];
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    const len = 1 + next(6);
    let s = '';
    for (let j = 0; j < len; j++) s += pieces[next(pieces.length)];
    yield s;
  }
}

void test('durationCel: parses, magnitude and the error code agree with time.ParseDuration on 3000 generated strings (POLICY_FUZZ=n for more)', () => {
  const d = durationCel('p', 'units');
  const units = value(UNIT_NANOS_CEL, {});
  const codes: Record<string, number> = {};
  for (const p of generated(Number(process.env.POLICY_FUZZ ?? 3000))) {
    const go = parseGoDuration(p);
    const b = { p, units };
    assert.equal(value(d.parses, b), go.ok, `parses ${JSON.stringify(p)}`);
    if (go.ok) {
      const mag = value(d.magnitude, b) as { value: bigint };
      assert.equal(mag.value, go.nanoseconds < 0n ? -go.nanoseconds : go.nanoseconds, `magnitude ${JSON.stringify(p)}`);
      continue;
    }
    const code = value(d.errorCode, b) as string;
    codes[code] = (codes[code] ?? 0) + 1;
    const text = code === 'missingUnit' ? `time: missing unit in duration ${value(timeQuoteCel('p'), b) as string}` : code === 'unknownUnit' ? `time: unknown unit ${value(timeQuoteCel(unknownUnitCel('p')), b) as string} in duration ${value(timeQuoteCel('p'), b) as string}` : `time: invalid duration ${value(timeQuoteCel('p'), b) as string}`;
    assert.equal(text, go.error, JSON.stringify(p));
  }
  assert.ok((codes.invalid ?? 0) > 100 && (codes.missingUnit ?? 0) > 100 && (codes.unknownUnit ?? 0) > 100, JSON.stringify(codes));
});

void test('goQuoteCel is strconv.Quote for printable text, tab, newline, return, quote and backslash', () => {
  for (const s of ['', 'one minute', 'a"b', 'a""b\\\\c', 'back\\slash', 'tab\there', 'nl\nx', 'cr\rx', '1\u00b5s', 'caf\u00e9']) assert.equal(value(goQuoteCel('s'), { s }), quoteGo(s), JSON.stringify(s));
});

void test('fillCel fills a registry template slot by slot and refuses a slot it has no value for', () => {
  assert.equal(value(fillCel('{bucket}: got {duration}', { bucket: "'shared bucket'", duration: 'd' }), { d: '0s' }), 'shared bucket: got 0s');
  assert.equal(value(fillCel('no slots', {}), {}), 'no slots');
  assert.throws(() => fillCel('{missing}', {}), /no CEL value for slot \{missing\}/);
  assert.equal(value(lit("it's \\ \u0001"), {}), "it's \\ \u0001");
});
