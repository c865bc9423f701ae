// Writing one scalar in the style the emitter chose: plain, 'single', "double" (libyaml escapes)
// or |literal (with indentation and chomping indicators). Width is unlimited: nothing is folded.
import { isBreak, isPrintable } from './scalar-analysis.js';
import type { YamlWriter } from './yaml-writer.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escape(cp: number): string {
  const named = NAMED_ESCAPES[cp];
  if (named !== undefined) return `\\${named}`;
  const [mark, width]: [string, number] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${mark}${cp.toString(16).toUpperCase().padStart(width, '0')}`;
}

function writePlain(w: YamlWriter, value: string): void {
  if (value.length > 0 && !w.whitespace) w.put(' ');
  w.put(value);
  if (value.length > 0) w.whitespace = false;
  w.indention = false;
}

/** Printable ASCII: no breaks and nothing to escape except quotes, one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** The character loops below, in one write for printable ASCII (same text, same column). */
function writeQuotedAscii(w: YamlWriter, quote: string, body: string, columns: number): void {
  w.writeIndicator(quote, true, false, false);
  w.putColumns(body, columns);
  w.writeIndicator(quote, false, false, false);
  w.whitespace = false;
  w.indention = false;
}

function writeSingle(w: YamlWriter, value: string, indent: number): void {
  if (PRINTABLE_ASCII.test(value)) return writeQuotedAscii(w, "'", value.replaceAll("'", "''"), value.length);
  w.writeIndicator("'", true, false, false);
  let breaks = false;
  for (const ch of value) {
    if (isBreak(ch)) {
      if (!breaks && ch === '\n') w.putBreak();
      if (ch === '\n') w.putBreak();
      else w.writeRawBreak(ch);
      breaks = true;
      continue;
    }
    if (breaks) w.writeIndent(indent);
    w.putChar(ch === "'" ? "''" : ch);
    w.indention = false;
    breaks = false;
  }
  w.writeIndicator("'", false, false, false);
  w.whitespace = false;
  w.indention = false;
}

function writeDouble(w: YamlWriter, value: string): void {
  if (PRINTABLE_ASCII.test(value) && !value.includes('"') && !value.includes('\\')) return writeQuotedAscii(w, '"', value, value.length);
  w.writeIndicator('"', true, false, false);
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    const escaped = !isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\';
    if (escaped) w.put(escape(cp));
    else w.putChar(ch);
  }
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/** Chomping: '-' without a final break, '+' with two or more (or only one break), none for exactly one. */
function chompHint(chars: readonly string[]): string {
  const last = chars[chars.length - 1];
  if (last === undefined || !isBreak(last)) return '-';
  if (chars.length === 1) return '+';
  return isBreak(chars[chars.length - 2]!) ? '+' : '';
}

function writeLiteral(w: YamlWriter, value: string, indent: number, bestIndent: number): void {
  const chars = Array.from(value);
  w.writeIndicator('|', true, false, false);
  if (chars[0] === ' ' || (chars[0] !== undefined && isBreak(chars[0]))) w.writeIndicator(String(bestIndent), false, false, false);
  const chomp = chompHint(chars);
  if (chomp !== '') w.writeIndicator(chomp, false, false, false);
  w.whitespace = true;
  let breaks = true;
  for (const ch of chars) {
    if (isBreak(ch)) {
      if (ch === '\n') w.putBreak();
      else w.writeRawBreak(ch);
      breaks = true;
      continue;
    }
    if (breaks) w.writeIndent(indent);
    w.putChar(ch);
    w.indention = false;
    breaks = false;
  }
}

export function writeScalar(w: YamlWriter, value: string, style: ScalarStyle, indent: number): void {
  if (style === 'plain') writePlain(w, value);
  else if (style === 'single') writeSingle(w, value, indent);
  else if (style === 'double') writeDouble(w, value);
  else writeLiteral(w, value, indent, 4);
}
