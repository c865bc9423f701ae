// Go's time.ParseDuration and time.Duration.String(), reproduced exactly: the operator decodes
// refillPeriod with the former and vMCP prints durations with the latter, so the engine must agree
// with both byte for byte (units, decimals, sign, bare `0`, overflow, error texts).

import { fill } from './rules/template.js';

/** time.ParseDuration's error texts (one copy; runtime-refill-period-duration reports them by key). */
export const goDurationMessages = {
  invalid: 'time: invalid duration {duration}',
  missingUnit: 'time: missing unit in duration {duration}',
  unknownUnit: 'time: unknown unit {unit} in duration {duration}',
} as const;

export interface GoDurationError {
  readonly ok: false;
  readonly code: keyof typeof goDurationMessages;
  readonly data: Readonly<Record<string, string>>;
  /** The text Go prints. */
  readonly error: string;
}

export type GoDurationResult = { ok: true; nanoseconds: bigint } | GoDurationError;

function failure(code: keyof typeof goDurationMessages, data: Readonly<Record<string, string>>): GoDurationError {
  return { ok: false, code, data, error: fill(goDurationMessages[code], data) };
}

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1000n,
  '\u00b5s': 1000n, // µ MICRO SIGN
  '\u03bcs': 1000n, // μ GREEK SMALL LETTER MU
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const LIMIT = 1n << 63n;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Go's time.quote: ASCII printable kept (with `"` and `\` escaped), every other byte as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

interface Scan { value: bigint; digits: number; rest: string; overflow: boolean }

/** Consumes [0-9]*; like Go's leadingInt, overflow past 2^63 is an error. */
function leadingInt(s: string): Scan {
  let i = 0;
  let x = 0n;
  for (; isDigit(s[i]); i++) {
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > LIMIT) return { value: 0n, digits: i, rest: s, overflow: true };
  }
  return { value: x, digits: i, rest: s.slice(i), overflow: false };
}

/** Consumes [0-9]* after the point; like Go's leadingFraction, stops accumulating precision on overflow. */
function leadingFraction(s: string): { value: bigint; scale: number; digits: number; rest: string } {
  let i = 0;
  let x = 0n;
  let scale = 1;
  let overflow = false;
  for (; isDigit(s[i]); i++) {
    if (overflow) continue;
    const y = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > (LIMIT - 1n) / 10n || y > LIMIT) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  return { value: x, scale, digits: i, rest: s.slice(i) };
}

type Step = { ok: true; nanoseconds: bigint; rest: string } | GoDurationError;

/** The number part `[0-9]*(\.[0-9]*)?` of a group; null when it has no digit at all. */
function leadingNumber(s: string): { int: bigint; frac: bigint; scale: number; rest: string } | null | 'overflow' {
  const int = leadingInt(s);
  if (int.overflow) return 'overflow';
  if (int.rest[0] !== '.') return int.digits === 0 ? null : { int: int.value, frac: 0n, scale: 1, rest: int.rest };
  const f = leadingFraction(int.rest.slice(1));
  if (int.digits === 0 && f.digits === 0) return null;
  return { int: int.value, frac: f.value, scale: f.scale, rest: f.rest };
}

/** Length of the unit text: everything up to the next digit or point. */
function unitLength(s: string): number {
  let i = 0;
  while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
  return i;
}

/** Go computes the fraction in float64 (nanosecond accurate up to hours) and truncates. */
const fractionNs = (frac: bigint, unit: bigint, scale: number): bigint =>
  frac > 0n ? BigInt(Math.trunc(Number(frac) * (Number(unit) / scale))) : 0n;

/** One `[0-9]*(\.[0-9]*)?unit` group. */
function parseGroup(s: string, invalid: GoDurationError, orig: string): Step {
  const num = s[0] === '.' || isDigit(s[0]) ? leadingNumber(s) : null;
  if (num === null || num === 'overflow') return invalid;
  const i = unitLength(num.rest);
  if (i === 0) return failure('missingUnit', { duration: goTimeQuote(orig) });
  const name = num.rest.slice(0, i);
  const unit = Object.prototype.hasOwnProperty.call(UNITS, name) ? UNITS[name] : undefined; // `1constructor` is an unknown unit
  if (unit === undefined) return failure('unknownUnit', { unit: goTimeQuote(name), duration: goTimeQuote(orig) });
  if (num.int > LIMIT / unit) return invalid;
  const v = num.int * unit + fractionNs(num.frac, unit, num.scale);
  if (v > LIMIT) return invalid;
  return { ok: true, nanoseconds: v, rest: num.rest.slice(i) };
}

// Manifests repeat a handful of period texts; parsed results are immutable, so a small memo helps.
const memo = new Map<string, GoDurationResult>();
const MEMO_LIMIT = 1024;

/** time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or a bare (signed) `0`. */
export function parseGoDuration(text: string): GoDurationResult {
  let r = memo.get(text);
  if (r === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    r = Object.freeze(parseUncached(text));
    memo.set(text, r);
  }
  return r;
}

function parseUncached(text: string): GoDurationResult {
  const invalid = failure('invalid', { duration: goTimeQuote(text) });
  let s = text;
  const neg = s[0] === '-';
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    const step = parseGroup(s, invalid, text);
    if (!step.ok) return step;
    total += step.nanoseconds;
    if (total > LIMIT) return invalid;
    s = step.rest;
  }
  if (neg) return { ok: true, nanoseconds: -total };
  if (total > LIMIT - 1n) return invalid;
  return { ok: true, nanoseconds: total };
}

/** `v / 10^prec` printed with the fraction's trailing zeros (and a bare point) dropped. */
function withFraction(v: bigint, prec: number): string {
  const div = 10n ** BigInt(prec);
  const frac = (v % div).toString().padStart(prec, '0').replace(/0+$/, '');
  return `${v / div}${frac === '' ? '' : `.${frac}`}`;
}

/** time.Duration.String(): `0s`, `1.5µs`, `500ms`, `1m0s`, `1h30m0s`, `-1m0s`. */
export function formatGoDuration(ns: bigint): string {
  const neg = ns < 0n;
  const u = neg ? -ns : ns;
  const sign = neg ? '-' : '';
  if (u === 0n) return '0s';
  if (u < 1_000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${withFraction(u, 3)}\u00b5s`;
  if (u < 1_000_000_000n) return `${sign}${withFraction(u, 6)}ms`;
  const seconds = withFraction(u % 60_000_000_000n, 9);
  const minutes = u / 60_000_000_000n;
  if (minutes === 0n) return `${sign}${seconds}s`;
  const hours = minutes / 60n;
  const head = hours === 0n ? '' : `${hours}h`;
  return `${sign}${head}${minutes % 60n}m${seconds}s`;
}

/** Whole-number-or-fraction seconds of a duration, as a JS number (for rates and comparisons). */
export function durationSeconds(ns: bigint): number {
  return Number(ns) / 1e9;
}
