// Duplicate mapping keys, found in one pass with a set per mapping. The yaml library's own check
// compares every key with every earlier one, which takes minutes for a mapping of 100,000 keys;
// this keeps its notion of equality (same scalar value) and its exception for `<<` merge keys.
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

export interface DuplicateKey {
  readonly key: string;
  /** Offset of the repeated (second) key. */
  readonly offset: number;
}

const isMergeKey = (v: unknown): boolean => v === '<<' || (typeof v === 'symbol' && v.description === '<<');

function duplicatesIn(items: readonly unknown[], out: DuplicateKey[]): void {
  const seen = new Set<string>();
  for (const pair of items) {
    if (!isPair(pair) || !isScalar(pair.key) || isMergeKey(pair.key.value)) continue;
    const value = pair.key.value;
    const id = `${typeof value}:${String(value)}`;
    if (seen.has(id)) out.push({ key: String(value), offset: pair.key.range?.[0] ?? 0 });
    else seen.add(id);
  }
}

/** Every repeated key of a document, in document order. Iterative: nesting is bounded elsewhere. */
export function findDuplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      duplicatesIn(node.items, out);
      for (const pair of node.items) stack.push(pair.value, pair.key);
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
