// Go's len(string): UTF-8 bytes. A surrogate pair is one 4-byte code point; a lone surrogate counts
// as U+FFFD (3 bytes), which is what Go decodes it to.
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 never takes more than 3 bytes per UTF-16 unit: a cheap bound before counting exactly. */
export const utf8MaxLength = (s: string): number => 3 * s.length;
