// yaml.v3's key order for Go maps with string keys (its keyList.Less): runes compared one by
// one; a run of digits compares by numeric value; letters by code point; a non-letter sorts
// before a letter, except right after a digit run, where the letter comes first.

const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;
const isLetter = (c: string): boolean => letter.test(c);
const isDigit = (c: string): boolean => digit.test(c);

/** Go int64 arithmetic on the digit run (wraps like Go on absurdly long runs). */
function digitRun(runes: readonly string[], from: number, seed: bigint): { value: bigint; end: number } {
  let value = seed;
  let i = from;
  for (; i < runes.length && isDigit(runes[i]!); i++) {
    value = BigInt.asIntN(64, value * 10n + BigInt(runes[i]!.codePointAt(0)! - 48));
  }
  return { value, end: i };
}

/** Whether a non-zero digit precedes position i within the same digit run of `runes`. */
function nonZeroBefore(runes: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && isDigit(runes[j]!); j--) {
    if (runes[j] !== '0') return true;
  }
  return false;
}

/** Compares two digit runs (or non-letter, non-digit runes) starting at position i. */
function compareNumeric(ar: readonly string[], br: readonly string[], i: number): boolean {
  const a = ar[i]!;
  const b = br[i]!;
  const seed = (a === '0' || b === '0') && nonZeroBefore(ar, i) ? 1n : 0n;
  const an = digitRun(ar, i, seed);
  const bn = digitRun(br, i, seed);
  if (an.value !== bn.value) return an.value < bn.value;
  if (an.end !== bn.end) return an.end < bn.end;
  return a.codePointAt(0)! < b.codePointAt(0)!;
}

function compareAt(ar: readonly string[], br: readonly string[], i: number, digits: boolean): boolean {
  const al = isLetter(ar[i]!);
  const bl = isLetter(br[i]!);
  if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  if (al || bl) return digits ? al : bl;
  return compareNumeric(ar, br, i);
}

/** True when key a sorts before key b. */
export function naturalLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]!);
      continue;
    }
    return compareAt(ar, br, i, digits);
  }
  return ar.length < br.length;
}
