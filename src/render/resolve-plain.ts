// Would yaml.v3 read this text back as something other than a string if written plain?
// Mirrors its resolver (YAML 1.2 core + timestamps + 1.1 octals/binary) plus the two YAML 1.1
// extras it still quotes on output: old booleans (yes/no/on/off/y/n) and base-60 floats.
import { isGoInt, isGoUint } from './go-int.js';
import { isTimestamp } from './timestamp.js';

const RESOLVED = new Set([
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const OLD_BOOL = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** The resolver's first-byte hint table: S sign, D digit, M map lookup, . float. */
const HINTS: ReadonlyMap<number, string> = new Map([
  ...[...'+-'].map((c) => [c.charCodeAt(0), 'S'] as const),
  ...[...'0123456789'].map((c) => [c.charCodeAt(0), 'D'] as const),
  ...[...'yYnNtTfFoO~'].map((c) => [c.charCodeAt(0), 'M'] as const),
  ['.'.charCodeAt(0), '.'],
]);

/** undefined = the resolver takes the text as a string without looking further. */
const hintOf = (s: string): string | undefined => (s === '' ? 'N' : HINTS.get(s.charCodeAt(0)));

/** Characters that can occur in an int, float, base-prefixed int or timestamp; anything else is a string. */
const NUMERIC_CHARS = /^[0-9a-fA-FoOxX_.+\-:tTzZ ,]*$/;

/** ParseFloat succeeds (Go rejects overflow to ±Inf with ErrRange). */
const finiteFloat = (s: string): boolean => Number.isFinite(Number(s));

/** The 0b/0o fallbacks after ParseInt(base 0): Go re-parses the remainder in base 2/8 (sign allowed). */
function prefixedInt(plain: string): boolean {
  const m = /^(-?)0([bo])(.*)$/.exec(plain);
  if (m === null) return false;
  const digits = m[2] === 'b' ? '[01]+' : '[0-7]+';
  const body = m[3]!;
  if (!new RegExp(m[1] === '-' ? `^${digits}$` : `^[-+]?${digits}$`).test(body)) return false;
  const base = BigInt(m[2] === 'b' ? 2 : 8);
  const magnitude = [...body.replace(/^[-+]/, '')].reduce((n, d) => n * base + BigInt(d), 0n);
  if (m[1] === '-' || body.startsWith('-')) return magnitude <= 1n << 63n;
  return magnitude < (body.startsWith('+') ? 1n << 63n : 1n << 64n);
}

function resolvesNumeric(s: string): boolean {
  if (!NUMERIC_CHARS.test(s)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll('_', '');
  if (isGoInt(plain) || isGoUint(plain)) return true;
  if (YAML_FLOAT.test(plain) && finiteFloat(plain)) return true;
  return prefixedInt(plain);
}

/** True when yaml.v3 resolves the unquoted text to a non-string tag. */
export function resolvesToNonString(s: string): boolean {
  const hint = hintOf(s);
  if (hint === undefined) return false;
  if (RESOLVED.has(s)) return true;
  if (hint === '.') return DOT_FLOAT.test(s) && finiteFloat(s);
  return hint === 'D' || hint === 'S' ? resolvesNumeric(s) : false;
}

/** yaml.v3 stringv's canUsePlain for an untagged string. */
export function canUsePlain(s: string): boolean {
  if (resolvesToNonString(s) || OLD_BOOL.has(s)) return false;
  const c = s[0];
  const base60 = c !== undefined && (c === '+' || c === '-' || (c >= '0' && c <= '9')) && s.includes(':') && BASE60.test(s);
  return !base60;
}
