// Human-readable numbers for the text outputs: durations, rates, plain tables.

/** Up to 3 significant digits, no exponent, no trailing zeros; thousands kept whole. */
export function shortNumber(x: number): string {
  if (x >= 1000 || Number.isInteger(x)) return Math.round(x).toLocaleString('en-US');
  const text = x.toPrecision(3);
  return text.includes('e') ? x.toFixed(9).replace(/\.?0+$/, '') : text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** `42s`, `2.5s`, `59m57s`, `1h30m`, `3d4h`. */
export function humanSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  const hundredths = Math.round(seconds * 100) / 100;
  if (hundredths < 60) return `${shortNumber(hundredths)}s`;
  const whole = Math.round(seconds);
  const d = Math.floor(whole / 86400);
  const h = Math.floor((whole % 86400) / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (d > 0) return `${d}d${h > 0 ? `${h}h` : ''}`;
  if (h > 0) return `${h}h${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
  return `${m}m${s > 0 ? `${s}s` : ''}`;
}

const RATE_UNITS: readonly [string, number][] = [
  ['s', 1],
  ['min', 60],
  ['h', 3600],
  ['day', 86400],
];

/** A rate in tokens per second in the first unit where it is at least 1, and the next unit: `10/s = 600/min`. */
export function humanRate(perSecond: number): string {
  if (perSecond === 0) return '0 (never refills)';
  const i = RATE_UNITS.findIndex(([, factor]) => perSecond * factor >= 1 - 1e-9);
  const at = (k: number): string => `${shortNumber(perSecond * RATE_UNITS[k]![1])}/${RATE_UNITS[k]![0]}`;
  if (i < 0) return at(RATE_UNITS.length - 1);
  return i + 1 < RATE_UNITS.length ? `${at(i)} = ${at(i + 1)}` : at(i);
}

/** Left-aligned columns separated by two spaces; trailing spaces trimmed. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd() + '\n').join('');
}
