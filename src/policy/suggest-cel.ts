// "did you mean" (core/rules/did-you-mean) in CEL, as far as CEL can go without loops: a known key
// equal ignoring ASCII case, else one it begins (4+ characters), else the first known key one edit
// away. The engine also suggests keys two or three edits away; the policy then prints the plain text
// (a difference pinned by test/policy/suggest.test.ts).
import { lit, litList } from './cel-text.js';

const range = (n: number): string => `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;

/** Whether lower-cased key `l` (CEL) is exactly one edit from lower-case literal `w`. */
function oneEdit(l: string, w: string): string {
  const chars = [...w];
  const n = chars.length;
  const substitution = `(size(${l}) == ${n} && [${chars.map((c, i) => `${l}.charAt(${i}) != ${lit(c)}`).join(', ')}].filter(b, b).size() == 1)`;
  const deletions = chars.map((_, i) => [...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  const deletion = `(size(${l}) == ${n - 1} && ${l} in ${litList([...new Set(deletions)])})`;
  const insertion = `(size(${l}) == ${n + 1} && ${range(n + 1)}.exists(i, ${l}.substring(0, i) + ${l}.substring(i + 1) == ${lit(w)}))`;
  return `(${substitution} || ${deletion} || ${insertion})`;
}

/** The suggestion for key `k` (CEL string expression) among `known`, or '' (CEL string). */
export function suggestionCel(k: string, known: readonly string[]): string {
  const list = litList(known);
  const folded = `${list}.filter(w, w.lowerAscii() == l)`;
  const prefix = `${list}.filter(w, w.lowerAscii().startsWith(l))`;
  const edits = `[${known.map((w) => `${oneEdit('l', w.toLowerCase())} ? ${lit(w)} : ''`).join(', ')}].filter(w, w != '')`;
  const first = (list: string, rest: string): string => `[${list}].map(c, size(c) > 0 ? c[0] : ${rest})[0]`;
  return `[${k}.lowerAscii()].map(l, ${first(folded, `size(l) >= 4 ? ${first(prefix, first(edits, "''"))} : ${first(edits, "''")}`)})[0]`;
}
