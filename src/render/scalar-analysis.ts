// What the emitter may do with a scalar's text (libyaml's analyze step, as in yaml.v3 with
// unicode output on): which of plain / single-quoted / literal styles can represent it.

export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlain: boolean;
  readonly singleQuoted: boolean;
  readonly block: boolean;
}

const FIRST_INDICATORS = '#,[]{}&*!|>\'"%@`';

export const isBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** libyaml is_printable on a whole code point. */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

interface Flags {
  indicators: boolean;
  lineBreaks: boolean;
  special: boolean;
  tabs: boolean;
  leadingOrTrailing: boolean;
  trailingSpace: boolean;
  breakSpace: boolean;
  spaceBreak: boolean;
}

/** Block indicators: the ones that make a plain scalar unreadable outside flow context. */
type Chars = ArrayLike<string>;

function indicatorAt(chars: Chars, i: number, precededByWs: boolean): boolean {
  const c = chars[i]!;
  const followedByWs = i + 1 >= chars.length || isBlank(chars[i + 1]);
  if (i === 0) {
    if (FIRST_INDICATORS.includes(c)) return true;
    return (c === '?' || c === ':' || c === '-') && followedByWs;
  }
  return (c === ':' && followedByWs) || (c === '#' && precededByWs);
}

function noteSpaceOrBreak(f: Flags, chars: Chars, i: number, prevBreak: boolean): void {
  const c = chars[i]!;
  const edge = i === 0 || i === chars.length - 1;
  if (c === ' ') {
    if (edge) f.leadingOrTrailing = true;
    if (i === chars.length - 1) f.trailingSpace = true;
    if (prevBreak) f.breakSpace = true;
  } else if (isBreak(c)) {
    f.lineBreaks = true;
    if (edge) f.leadingOrTrailing = true;
    if (i > 0 && chars[i - 1] === ' ') f.spaceBreak = true;
  }
}

/** `chars` holds one code point per index (the string itself when it has no surrogate pairs). */
function scan(chars: Chars, head: string): Flags {
  const f: Flags = { indicators: false, lineBreaks: false, special: false, tabs: false, leadingOrTrailing: false, trailingSpace: false, breakSpace: false, spaceBreak: false };
  if (head === '---' || head === '...') f.indicators = true;
  let precededByWs = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (indicatorAt(chars, i, precededByWs)) f.indicators = true;
    if (c === '\t') f.tabs = true;
    else if (!isPrintable(c.codePointAt(0)!)) f.special = true;
    noteSpaceOrBreak(f, chars, i, i > 0 && isBreak(chars[i - 1]!));
    precededByWs = isBlank(c) || isBreak(c) || c === '\0';
  }
  return f;
}

const SURROGATE = /[\uD800-\uDFFF]/;

const EMPTY: ScalarAnalysis = Object.freeze({ multiline: false, blockPlain: true, singleQuoted: true, block: false });
const SIMPLE: ScalarAnalysis = Object.freeze({ multiline: false, blockPlain: true, singleQuoted: true, block: true });
/** Fast path for the common case (keys, names, URLs-free words): no indicator, space, colon or special character. */
const SIMPLE_TEXT = /^[A-Za-z0-9_][A-Za-z0-9_./=+-]*$/;

/** Printable ASCII without tabs: no line breaks, specials or tabs, so only spaces and indicators matter. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** scan()'s indicator rules restricted to that alphabet (the only blank is a space). */
const ASCII_INDICATOR = /^(?:---|\.\.\.|[#,[\]{}&*!|>'"%@`]|[?:-](?: |$))|:(?: |$)| #/;
const ASCII_ANALYSES: readonly ScalarAnalysis[] = [false, true].flatMap((indicators) =>
  [false, true].flatMap((edgeSpace) =>
    [false, true].map((trailingSpace) =>
      Object.freeze({ multiline: false, blockPlain: !(indicators || edgeSpace), singleQuoted: true, block: !trailingSpace }),
    ),
  ),
);

/** Same answer as the character scan for printable ASCII (URLs, sentences), with three regex tests. */
function analyzeAscii(value: string): ScalarAnalysis {
  const trailingSpace = value.endsWith(' ');
  const edgeSpace = trailingSpace || value.startsWith(' ');
  return ASCII_ANALYSES[(ASCII_INDICATOR.test(value) ? 4 : 0) + (edgeSpace ? 2 : 0) + (trailingSpace ? 1 : 0)]!;
}

/** The general path: libyaml's analysis character by character (code points). */
export function analyzeByScan(value: string): ScalarAnalysis {
  return value === '' ? EMPTY : fromFlags(scan(SURROGATE.test(value) ? Array.from(value) : value, value.slice(0, 3)));
}

export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') return EMPTY;
  if (SIMPLE_TEXT.test(value)) return SIMPLE;
  return PRINTABLE_ASCII.test(value) ? analyzeAscii(value) : analyzeByScan(value);
}

function fromFlags(f: Flags): ScalarAnalysis {
  const noSingle = f.breakSpace || f.spaceBreak || f.tabs || f.special;
  return {
    multiline: f.lineBreaks,
    blockPlain: !(f.leadingOrTrailing || noSingle || f.lineBreaks || f.indicators),
    singleQuoted: !noSingle,
    block: !(f.trailingSpace || f.spaceBreak || f.special),
  };
}
