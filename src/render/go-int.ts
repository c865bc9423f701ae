// Go's strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64) acceptance (underscores already removed):
// optional sign (ParseInt only), base prefixes 0x/0o/0b, a leading 0 means octal, range-checked.

const PREFIX_BASE: Readonly<Record<string, number>> = { b: 2, o: 8, x: 16 };

/** Base and digits after Go's base-0 prefix detection. */
function splitPrefix(s: string): { base: number; body: string } {
  if (s[0] !== '0') return { base: 10, body: s };
  const prefixed = s.length >= 3 ? PREFIX_BASE[s[1]!.toLowerCase()] : undefined;
  return prefixed === undefined ? { base: 8, body: s.slice(1) } : { base: prefixed, body: s.slice(2) };
}

function parseUintBase0(s: string): bigint | undefined {
  if (s === '') return undefined;
  const { base, body } = splitPrefix(s);
  let n = 0n;
  for (const ch of body) {
    const d = /^[0-9a-zA-Z]$/.test(ch) ? parseInt(ch, 36) : NaN;
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  return n;
}

export function isGoUint(s: string): boolean {
  const n = parseUintBase0(s);
  return n !== undefined && n < 1n << 64n;
}

export function isGoInt(s: string): boolean {
  const signed = s.startsWith('-') || s.startsWith('+');
  const n = parseUintBase0(signed ? s.slice(1) : s);
  if (n === undefined) return false;
  return s.startsWith('-') ? n <= 1n << 63n : n < 1n << 63n;
}
