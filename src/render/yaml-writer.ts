// The emitter's output cursor: column, "last char was whitespace" and "only indentation so far on
// this line" flags, with libyaml's rules for indicators, indentation and line breaks.
/** Indentation runs, made once: a render writes one per line. */
const SPACES: string[] = Array.from({ length: 33 }, (_, n) => ' '.repeat(n));
const spaces = (n: number): string => SPACES[n] ?? ' '.repeat(n);

export class YamlWriter {
  private out = '';
  column = 0;
  whitespace = true;
  indention = true;

  put(text: string): void {
    this.out += text;
    this.column += text.length;
  }

  /** Writes text that counts as `columns` columns (a run of putChar calls in one append). */
  putColumns(text: string, columns: number): void {
    this.out += text;
    this.column += columns;
  }

  /** Writes one character that counts as one column whatever its UTF-16 length. */
  putChar(ch: string): void {
    this.out += ch;
    this.column += 1;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.indention = true;
  }

  /** A non-\n line break character written verbatim (U+2028/U+2029 in literal or single-quoted text). */
  writeRawBreak(ch: string): void {
    this.out += ch;
    this.column = 0;
    this.indention = true;
  }

  writeIndent(indent: number): void {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || (this.column === target && !this.whitespace)) this.putBreak();
    if (this.column < target) this.put(spaces(target - this.column));
    this.whitespace = true;
  }

  writeIndicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  toString(): string {
    return this.out;
  }
}
