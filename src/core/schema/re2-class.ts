// Character sets of Go's regexp/syntax (Perl flags) as code-point ranges, so classes can be
// unioned, complemented and case-folded, then printed for a JavaScript `u`-flag RegExp.

export type Range = readonly [number, number];
/** A set of code points plus JS Unicode property escapes (`\p{L}`) kept verbatim. */
export interface CharSet {
  ranges: Range[];
  props: string[];
}

const MAX = 0x10ffff;
const r = (lo: string, hi = lo): Range => [lo.codePointAt(0)!, hi.codePointAt(0)!];

/** RE2's Perl classes are ASCII-only; note `\s` is [\t\n\f\r ] (no \v), unlike JavaScript's Unicode `\s`. */
export const perlClasses: Readonly<Record<string, Range[]>> = {
  d: [r('0', '9')],
  s: [r('\t', '\n'), r('\f', '\r'), r(' ')],
  w: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')],
};

/** POSIX classes `[[:name:]]` as RE2 defines them (ASCII). */
export const posixClasses: Readonly<Record<string, Range[]>> = {
  alnum: [r('0', '9'), r('A', 'Z'), r('a', 'z')],
  alpha: [r('A', 'Z'), r('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [r('\t'), r(' ')],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [r('0', '9')],
  graph: [r('!', '~')],
  lower: [r('a', 'z')],
  print: [r(' ', '~')],
  punct: [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')],
  space: [r('\t', '\r'), r(' ')],
  upper: [r('A', 'Z')],
  word: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')],
  xdigit: [r('0', '9'), r('A', 'F'), r('a', 'f')],
};

export function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

/** Simple case folding as Go's (?i) applies it: ASCII letters, plus k/K/KELVIN SIGN and s/S/LONG S. */
export function foldRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    out.push(...shifted([lo, hi], [0x41, 0x5a], 32), ...shifted([lo, hi], [0x61, 0x7a], -32));
    if (covers(lo, hi, 'k') || covers(lo, hi, 'K')) out.push([0x212a, 0x212a], r('k'), r('K'));
    if (covers(lo, hi, 's') || covers(lo, hi, 'S')) out.push([0x17f, 0x17f], r('s'), r('S'));
    if (hi - lo < 512) out.push(...nonAsciiFolds(Math.max(lo, 0x80), hi));
  }
  return normalize(out);
}

/** The part of `range` inside `letters`, moved by `by` (upper <-> lower case). */
function shifted(range: Range, letters: Range, by: number): Range[] {
  const a = Math.max(range[0], letters[0]);
  const b = Math.min(range[1], letters[1]);
  return a <= b ? [[a + by, b + by]] : [];
}

function covers(lo: number, hi: number, ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return lo <= c && c <= hi;
}

function nonAsciiFolds(lo: number, hi: number): Range[] {
  const out: Range[] = [];
  for (let c = lo; c <= hi; c++) {
    for (const v of [String.fromCodePoint(c).toLowerCase(), String.fromCodePoint(c).toUpperCase()]) {
      const cp = v.codePointAt(0)!;
      if ([...v].length === 1 && cp !== c) out.push([cp, cp]);
    }
  }
  return out;
}

/** One code point written so it is literal inside or outside a `u`-flag class. */
export function escapeCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return /^[0-9A-Za-z]$/.test(ch) ? ch : `\\u{${cp.toString(16).toUpperCase()}}`;
}

export function printSet(set: CharSet, negated: boolean): string {
  const body = normalize(set.ranges)
    .map(([lo, hi]) => (lo === hi ? escapeCodePoint(lo) : `${escapeCodePoint(lo)}-${escapeCodePoint(hi)}`))
    .join('');
  return `[${negated ? '^' : ''}${body}${set.props.join('')}]`;
}
