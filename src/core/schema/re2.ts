// Translates a Go RE2 pattern (regexp.MatchString, i.e. regexp/syntax with Perl flags) into the
// source of a JavaScript RegExp used with the `u` flag, preserving what it matches:
// `.` excludes only \n, `\s`/`\d`/`\w`/POSIX classes are ASCII, `\A`/`\z`, `\Q…\E`, octal and
// `\x{…}` escapes, Unicode classes, and the inline flags i, m, s, U (as a prefix or a group).
// Known limits (documented, not silently wrong on ASCII): (?i) folds ASCII plus k/s specials and
// simple non-ASCII case pairs; `\pC` and friends use the engine's Unicode tables.
import { escapeCodePoint, foldRanges, printSet } from './re2-class.js';
import { type Flags, type Parser, Re2SyntaxError, escape, next, peek, printClass } from './re2-escape.js';

export { Re2SyntaxError };

const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

export function translateRe2(pattern: string): string {
  const p: Parser = { cps: [...pattern], pos: 0, flags: { i: false, m: false, s: false, U: false }, stack: [] };
  let out = '';
  while (p.pos < p.cps.length) out += atom(p);
  if (p.stack.length > 0) throw new Re2SyntaxError('missing closing )');
  return out;
}

const ATOMS: Readonly<Record<string, (p: Parser, c: string) => string>> = {
  '\\': escapeOutside,
  '[': printClass,
  '(': openGroup,
  ')': closeGroup,
  '.': (p) => (p.flags.s ? '[^]' : '[^\\n]'),
  '^': (p) => (p.flags.m ? '(?<![^\\n])' : '^'),
  '$': (p) => (p.flags.m ? '(?![^\\n])' : '$'),
  '*': (p, c) => c + lazy(p),
  '+': (p, c) => c + lazy(p),
  '?': (p, c) => c + lazy(p),
  '{': repeat,
  '|': () => '|',
};

function atom(p: Parser): string {
  const c = next(p);
  const handler = ATOMS[c];
  return handler !== undefined ? handler(p, c) : literal(c, p.flags.i);
}

/** `?` after a quantifier makes it lazy; (?U) swaps the meaning. */
function lazy(p: Parser): string {
  const q = peek(p) === '?';
  if (q) p.pos++;
  return q !== p.flags.U ? '?' : '';
}

/** `{n}`, `{n,}`, `{n,m}`; anything else is a literal brace in RE2. */
function repeat(p: Parser): string {
  const rest = p.cps.slice(p.pos, p.pos + 12).join('');
  const m = /^(\d{1,4})(,(\d{0,4}))?\}/.exec(rest);
  if (m === null) return '\\{';
  p.pos += [...m[0]].length;
  return `{${m[1]}${m[2] ?? ''}}${lazy(p)}`;
}

function literal(c: string, fold: boolean): string {
  const cp = c.codePointAt(0)!;
  if (fold) {
    const set = foldRanges([[cp, cp]]);
    if (set.length > 1 || set[0]![0] !== set[0]![1]) return printSet({ ranges: set, props: [] }, false);
  }
  if (JS_SYNTAX.has(c)) return `\\${c}`;
  return cp < 0x20 || cp === 0x7f ? escapeCodePoint(cp) : c;
}

function openGroup(p: Parser): string {
  p.stack.push({ ...p.flags });
  if (peek(p) !== '?') return '(';
  p.pos++;
  const rest = p.cps.slice(p.pos).join('');
  const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
  if (named !== null) {
    p.pos += named[0].length;
    return '(';
  }
  const fl = /^([imsU]*)(-([imsU]*))?([:)])/.exec(rest);
  if (fl === null) throw new Re2SyntaxError(`invalid or unsupported group syntax at (?${rest.slice(0, 8)}`);
  p.pos += fl[0].length;
  const flags = { ...p.flags };
  for (const f of fl[1]!) flags[f as keyof Flags] = true;
  for (const f of fl[3] ?? '') flags[f as keyof Flags] = false;
  if (fl[4] === ':') {
    p.flags = flags;
    return '(?:';
  }
  // `(?flags)` changes the flags of the enclosing group until it closes.
  p.stack.pop();
  p.flags = flags;
  return '';
}

function closeGroup(p: Parser): string {
  const saved = p.stack.pop();
  if (saved === undefined) throw new Re2SyntaxError('unexpected )');
  p.flags = saved;
  return ')';
}

function escapeOutside(p: Parser): string {
  const c = peek(p);
  if (c === 'A') return (p.pos++, '^');
  if (c === 'z') return (p.pos++, '$');
  if (c === 'b' || c === 'B') return (p.pos++, `\\${c}`);
  if (c === 'Q') return (p.pos++, quoted(p));
  const e = escape(p);
  if (typeof e === 'number') return literal(String.fromCodePoint(e), p.flags.i);
  return printSet(p.flags.i ? { ranges: foldRanges(e.ranges), props: e.props } : e, false);
}

function quoted(p: Parser): string {
  let out = '';
  while (p.pos < p.cps.length && !(peek(p) === '\\' && peek(p, 1) === 'E')) out += literal(next(p), p.flags.i);
  if (p.pos < p.cps.length) p.pos += 2;
  return out;
}

