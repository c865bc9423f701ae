// The lexical layer of the RE2 translation: parser state, escapes (`\x{…}`, octal, Perl and
// Unicode classes, escaped punctuation) and bracket classes, shared by re2.ts.
import { type CharSet, type Range, complement, foldRanges, perlClasses, posixClasses, printSet } from './re2-class.js';

export class Re2SyntaxError extends Error {}

export interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

export interface Parser {
  readonly cps: string[];
  pos: number;
  flags: Flags;
  readonly stack: Flags[];
}

const CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));

export function peek(p: Parser, ahead = 0): string | undefined {
  return p.cps[p.pos + ahead];
}

export function next(p: Parser): string {
  const c = p.cps[p.pos++];
  if (c === undefined) throw new Re2SyntaxError('unexpected end of pattern');
  return c;
}

const SIMPLE: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** One escape after `\`: a code point, or a set for class escapes. Shared by classes and atoms. */
export function escape(p: Parser): number | CharSet {
  const c = next(p);
  if (SIMPLE[c] !== undefined) return SIMPLE[c];
  if (/^[0-7]$/.test(c)) return octal(p, c);
  if (c === 'x') return hex(p);
  if (c === 'p' || c === 'P') return unicodeClass(p, c === 'P');
  const lower = c.toLowerCase();
  const perl = perlClasses[lower];
  if (perl !== undefined) return { ranges: c === lower ? perl : complement(perl), props: [] };
  if (/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(c)) return c.codePointAt(0)!;
  throw new Re2SyntaxError(`invalid escape sequence \\${c}`);
}

function octal(p: Parser, first: string): number {
  const isOct = (s: string | undefined): boolean => s !== undefined && /^[0-7]$/.test(s);
  if (first !== '0' && !isOct(peek(p))) throw new Re2SyntaxError(`invalid escape sequence \\${first} (backreferences are not supported)`);
  let v = Number(first);
  for (let i = 0; i < 2 && isOct(peek(p)); i++) v = v * 8 + Number(next(p));
  return v;
}

function hex(p: Parser): number {
  const rest = p.cps.slice(p.pos, p.pos + 10).join('');
  const m = /^\{([0-9A-Fa-f]{1,8})\}/.exec(rest) ?? /^([0-9A-Fa-f]{2})/.exec(rest);
  if (m === null) throw new Re2SyntaxError('invalid \\x escape');
  p.pos += m[0].length;
  const v = parseInt(m[1]!, 16);
  if (v > 0x10ffff) throw new Re2SyntaxError('invalid \\x escape (beyond U+10FFFF)');
  return v;
}

function unicodeClass(p: Parser, negated: boolean): CharSet {
  let name = next(p);
  if (name === '{') {
    const end = p.cps.indexOf('}', p.pos);
    if (end < 0) throw new Re2SyntaxError('missing } in \\p{');
    name = p.cps.slice(p.pos, end).join('');
    p.pos = end + 1;
  }
  if (name.startsWith('^')) [name, negated] = [name.slice(1), !negated];
  if (name === 'Any') return { ranges: negated ? [] : [[0, 0x10ffff]], props: [] };
  const prop = CATEGORIES.has(name) ? name : `Script=${name}`;
  return { ranges: [], props: [`\\${negated ? 'P' : 'p'}{${prop}}`] };
}

export function printClass(p: Parser): string {
  const negated = peek(p) === '^';
  if (negated) p.pos++;
  const set: CharSet = { ranges: [], props: [] };
  let first = true;
  for (;;) {
    const c = peek(p);
    if (c === undefined) throw new Re2SyntaxError('missing closing ]');
    if (c === ']' && !first) break;
    classItem(p, set);
    first = false;
  }
  p.pos++;
  const ranges = p.flags.i ? foldRanges(set.ranges) : set.ranges;
  return printSet({ ranges, props: set.props }, negated);
}

function classItem(p: Parser, set: CharSet): void {
  const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.cps.slice(p.pos, p.pos + 12).join(''));
  if (posix !== null) {
    const ranges = posixClasses[posix[2]!];
    if (ranges === undefined) throw new Re2SyntaxError(`invalid character class range [:${posix[2]}:]`);
    p.pos += posix[0].length;
    set.ranges.push(...(posix[1] === '^' ? complement(ranges) : ranges));
    return;
  }
  const lo = classAtom(p);
  if (typeof lo !== 'number') return void (set.ranges.push(...lo.ranges), set.props.push(...lo.props));
  if (peek(p) === '-' && peek(p, 1) !== ']' && peek(p, 1) !== undefined) {
    p.pos++;
    const hi = classAtom(p);
    if (typeof hi !== 'number' || hi < lo) throw new Re2SyntaxError('invalid character class range');
    set.ranges.push([lo, hi] as Range);
    return;
  }
  set.ranges.push([lo, lo]);
}

function classAtom(p: Parser): number | CharSet {
  const c = next(p);
  return c === '\\' ? escape(p) : c.codePointAt(0)!;
}
