// CEL source text builders for the policy (pure string work). Everything here produces expressions
// for the API server's VAP environment as it is on Kubernetes 1.28+: standard library, strings
// extension v0, the Kubernetes regex (`find`, `findAll`) and list (`sum`, `indexOf`, `min`)
// libraries. No optional types (`?.`, usable from 1.29) and no `duration()`: a conversion that can
// fail is an evaluation error in a VAP, and @bufbuild/cel's duration() differs from cel-go's on `""`
// and `1μs`, so durations are read with regexes and integer arithmetic instead.

/** A CEL string literal for any text (single-quoted; backslash, quote and control characters escaped). */
export function lit(text: string): string {
  let out = "'";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A CEL list literal of strings. */
export const litList = (items: readonly string[]): string => `[${items.map(lit).join(', ')}]`;

/**
 * A registry message template (`{slot}` marks) as a CEL string concatenation; each slot's CEL
 * expression must be of type string. Throws on a slot the caller does not fill (a registry change
 * the policy must follow).
 */
export function fillCel(template: string, slots: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const expr = slots[m[1]!];
    if (expr === undefined) throw new Error(`policy: no CEL value for slot {${m[1]}} in ${JSON.stringify(template)}`);
    if (m.index > last) parts.push(lit(template.slice(last, m.index)));
    parts.push(`(${expr})`);
    last = m.index + m[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(lit(template.slice(last)));
  return parts.join(' + ');
}

/** Chains `.replace(a, b)` calls on a CEL string expression. */
const replaceAll = (expr: string, pairs: readonly (readonly [string, string])[]): string =>
  pairs.reduce((acc, [from, to]) => `${acc}.replace(${lit(from)}, ${lit(to)})`, expr);

/**
 * Go's strconv.Quote (%q) for the echoed value, for the characters a manifest realistically holds:
 * backslash, double quote, tab, newline, carriage return. Other control and unprintable characters
 * print differently (a known limit, pinned by test/policy/quote.test.ts).
 */
export const goQuoteCel = (expr: string): string =>
  `'"' + ${replaceAll(expr, [['\\', '\\\\'], ['"', '\\"'], ['\n', '\\n'], ['\t', '\\t'], ['\r', '\\r']])} + '"'`;

/**
 * Go's time-package quote (used in ParseDuration's errors): non-ASCII bytes as `\xNN`. Covered: the
 * two micro signs Go accepts (U+00B5, U+03BC), backslash, quote, tab, newline, carriage return.
 */
export const timeQuoteCel = (expr: string): string =>
  `'"' + ${replaceAll(expr, [['\\', '\\\\'], ['"', '\\"'], ['\u00b5', '\\xc2\\xb5'], ['\u03bc', '\\xce\\xbc'], ['\n', '\\x0a'], ['\t', '\\x09'], ['\r', '\\x0d']])} + '"'`;

// --- Go durations (time.ParseDuration) as regexes ---

/** A number as ParseDuration reads it: digits, optional fraction, at least one digit. */
const NUMBER = '([0-9]+(\\.[0-9]*)?|\\.[0-9]+)';
const UNIT = '(ns|us|\u00b5s|\u03bcs|ms|s|m|h)';
const GROUP = `${NUMBER}${UNIT}`;
/** A maximal run of non-digit, non-dot characters that is not a unit (1 char: not s/m/h; 2: not ns/us/µs/μs/ms; 3+: any). */
const BAD_RUN = '([^0-9.]{3,}|[^0-9.nuµμm][^0-9.]|[nuµμm][^0-9.s]|[^0-9.smh])';

export const durationRegex = {
  /** Go's grammar exactly (VAP-FACTS §4); only the overflow bound is left to arithmetic. */
  ok: `^[-+]?(0|(${GROUP})+)$`,
  zero: '^[-+]?0$',
  /** The first failing group has a number but no unit (end of input or a second dot follows). */
  missingUnit: `^[-+]?(${GROUP})*(([0-9]+\\.[0-9]*|\\.[0-9]+)\\.|${NUMBER}$)`,
  /** The first failing group's unit is not a unit. */
  unknownUnit: `^[-+]?(${GROUP})*${NUMBER}${BAD_RUN}([0-9.]|$)`,
  /** Up to and including that unknown unit (leftmost-first, so the run is maximal). */
  unknownUnitPrefix: `^[-+]?(${GROUP})*${NUMBER}${BAD_RUN}`,
  group: GROUP,
  number: NUMBER,
} as const;

/** Nanoseconds per unit, a CEL map literal (uint). */
export const UNIT_NANOS_CEL = "{'ns': 1u, 'us': 1000u, '\u00b5s': 1000u, '\u03bcs': 1000u, 'ms': 1000000u, 's': 1000000000u, 'm': 60000000000u, 'h': 3600000000000u}";

/** `[value].map(name, body)[0]`: CEL's let (cel.bind is not in every VAP environment). */
export const bind = (name: string, value: string, body: string): string => `[${value}].map(${name}, ${body})[0]`;

/** One group's value in nanoseconds as a double (for the overflow pre-check; never errors). */
const groupDouble = (g: string, units: string): string =>
  bind('gn', `${g}.find(${lit(NUMBER)})`, `double(gn) * double(${units}[${g}.substring(size(gn))])`);

/**
 * One group's exact value as ParseDuration computes it (uint): integer part × unit plus
 * int(float64(fraction) × (unit / 10^digits)), fraction digits capped at 18. Only evaluated when the
 * double pre-check says the total is below 1e19, so the uint arithmetic cannot overflow.
 */
function groupExact(g: string, units: string): string {
  const int = "gn.find('^[0-9]*')";
  const frac = "(gn.contains('.') ? gn.find('[0-9]*$') : '')";
  const fracNs = `(gf == '' ? 0u : uint(int(double(gf) * (double(gu) / double('1e' + string(size(gf)))))))`;
  const body = bind('gu', `${units}[${g}.substring(size(gn))]`, bind('gf', `(size(${frac}) > 18 ? ${frac}.substring(0, 18) : ${frac})`, `(${int} == '' ? 0u : uint(${int})) * gu + ${fracNs}`));
  return bind('gn', `${g}.find(${lit(NUMBER)})`, body);
}

/** CEL expressions over a refillPeriod string expression `p` (groups via findAll, units from a variable). */
export interface DurationCel {
  /** Go's grammar and within int64 (true for what ParseDuration accepts). */
  readonly parses: string;
  /** The magnitude in nanoseconds (uint); meaningful only when `parses`. */
  readonly magnitude: string;
  /** Which of the registry's duration messages applies when it does not parse. */
  readonly errorCode: string;
  /** The pieces, for callers that compute the sums once: Go's grammar, the bare zero, the double and exact sums, the int64 limit. */
  readonly parts: { readonly grammar: string; readonly zero: string; readonly dbl: string; readonly exact: string; readonly limit: string };
}

const LIMIT_POSITIVE = '9223372036854775807u';
const LIMIT_NEGATIVE = '9223372036854775808u';

export function durationCel(p: string, units: string): DurationCel {
  const groups = `${p}.findAll(${lit(GROUP)})`;
  const dbl = `${groups}.map(g, ${groupDouble('g', units)}).sum()`;
  const exact = `${groups}.map(g, ${groupExact('g', units)}).sum()`;
  const grammar = `${p}.matches(${lit(durationRegex.ok)})`;
  const zero = `${p}.matches(${lit(durationRegex.zero)})`;
  const limit = `(${p}.startsWith('-') ? ${LIMIT_NEGATIVE} : ${LIMIT_POSITIVE})`;
  const inRange = `(${zero} || (${dbl} <= 1e19 && ${exact} <= ${limit}))`;
  const parses = `(${grammar} && ${inRange})`;
  const magnitude = `(${grammar} && !${zero} && ${dbl} <= 1e19 ? ${exact} : 0u)`;
  const missing = overflowsBefore(`${p}.find(${lit(`^[-+]?(${GROUP})*`)})`, p, units);
  const unknownTail = `${p}.find(${lit(durationRegex.unknownUnitPrefix)}).find(${lit(`${NUMBER}${BAD_RUN}$`)})`;
  const unknown = overflowsBefore(`${p}.find(${lit(durationRegex.unknownUnitPrefix)}).substring(0, size(${p}.find(${lit(durationRegex.unknownUnitPrefix)})) - size(${unknownTail}))`, p, units);
  const errorCode = `(${p}.matches(${lit(durationRegex.missingUnit)}) ? (${missing} ? 'invalid' : 'missingUnit') : ${p}.matches(${lit(durationRegex.unknownUnit)}) ? (${unknown} ? 'invalid' : 'unknownUnit') : 'invalid')`;
  return { parses, magnitude, errorCode, parts: { grammar, zero, dbl, exact, limit } };
}

/**
 * Whether ParseDuration stops with `invalid duration` (overflow) before it reaches the failing group:
 * the valid groups `prefix` (a CEL string, a prefix of `p`) already exceed 2^63, or the failing group's
 * integer part (the digits right after the prefix, leading zeros dropped) does.
 */
function overflowsBefore(prefix: string, p: string, units: string): string {
  const groups = `${prefix}.findAll(${lit(GROUP)})`;
  const dbl = `${groups}.map(g, ${groupDouble('g', units)}).sum()`;
  const exact = `${groups}.map(g, ${groupExact('g', units)}).sum()`;
  const intPart = `${p}.substring(size(${prefix})).find('^[0-9]*').find('[1-9][0-9]*')`;
  const bigInt = `(size(${intPart}) > 19 || (size(${intPart}) == 19 && ${intPart} > '9223372036854775808'))`;
  const bigPrefix = `(${prefix}.matches(${lit(GROUP)}) && (${dbl} > 1e19 || ${exact} > ${LIMIT_NEGATIVE}))`;
  return `(${bigInt} || ${bigPrefix})`;
}

/** The unknown unit of a string whose errorCode is `unknownUnit`. */
export const unknownUnitCel = (p: string): string => `${p}.find(${lit(durationRegex.unknownUnitPrefix)}).find('[^0-9.]+$')`;

// --- Go's time.Duration.String() for a uint magnitude ---

const pow10 = (n: number): string => `${10n ** BigInt(n)}u`;

/** `v / 10^prec` then `.fraction` without trailing zeros (Go's fmtFrac + fmtInt). */
function withFraction(v: string, prec: number): string {
  const whole = `string(${v} / ${pow10(prec)})`;
  const frac = `(${v} % ${pow10(prec)})`;
  const padded = `string(${pow10(prec)} + ${frac}).substring(1)`;
  let digits = `${padded}`;
  for (let keep = prec - 1; keep >= 1; keep--) digits = `${frac} % ${pow10(prec - keep)} == 0u ? ${padded}.substring(0, ${keep}) : (${digits})`;
  return `${whole} + (${frac} == 0u ? '' : '.' + (${digits}))`;
}

/** Go's Duration.String() of a positive magnitude `n` (uint CEL expression): `1m0s`, `1.5ms`, `1µs`. */
export function goDurationStringCel(n: string): string {
  const sec = 1_000_000_000n;
  const seconds = `${withFraction(`(${n} % ${60n * sec}u)`, 9)} + 's'`;
  const minutes = `string(${n} / ${60n * sec}u % 60u) + 'm'`;
  const hours = `string(${n} / ${3600n * sec}u) + 'h'`;
  return [
    `${n} < 1000u ? string(${n}) + 'ns'`,
    `${n} < 1000000u ? ${withFraction(n, 3)} + '\u00b5s'`,
    `${n} < ${sec}u ? ${withFraction(n, 6)} + 'ms'`,
    `${n} < ${60n * sec}u ? ${seconds}`,
    `${n} < ${3600n * sec}u ? ${minutes} + ${seconds}`,
    `${hours} + ${minutes} + ${seconds}`,
  ].join(' : ');
}
