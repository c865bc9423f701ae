// PURE: a finding's field path -> line:column in the source document, via yaml node ranges.
// A present scalar points at its value, a present collection at its key (`spec:`), a missing field
// at its nearest present parent, and a null path at the document start. Follows aliases and `<<` merges.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { PathSegment } from '../core/field-path.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

type Doc = Document.Parsed;

function resolve(node: unknown, doc: Doc): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyMatches(pair: Pair, segment: PathSegment): boolean {
  return isScalar(pair.key) && String(pair.key.value) === String(segment);
}

/** `<<` keys resolve to Symbol('<<') under the YAML 1.1 merge tag. */
function isMergeKey(pair: Pair): boolean {
  const v = isScalar(pair.key) ? pair.key.value : undefined;
  return v === '<<' || (typeof v === 'symbol' && v.description === '<<');
}

function mergeSources(value: unknown, doc: Doc): unknown[] {
  const v = resolve(value, doc);
  return isSeq(v) ? v.items.map((i) => resolve(i, doc)) : [v];
}

/** The pair for `segment` in a map, looking into `<<` merge sources when it is not written directly. */
function findPair(map: unknown, segment: PathSegment, doc: Doc, depth = 0): Pair | undefined {
  if (!isMap(map) || depth > 8) return undefined;
  const direct = map.items.find((p) => keyMatches(p, segment));
  if (direct !== undefined) return direct;
  for (const merge of map.items.filter(isMergeKey)) {
    const found = mergeSources(merge.value, doc)
      .map((source) => findPair(source, segment, doc, depth + 1))
      .find((p) => p !== undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

const startOf = (node: unknown): number | undefined => (node as Node | null)?.range?.[0];

interface Step {
  readonly node: unknown;
  readonly offset: number | undefined;
}

function step(node: unknown, segment: PathSegment, doc: Doc): Step | undefined {
  const current = resolve(node, doc);
  if (isSeq(current) && typeof segment === 'number') {
    const item: unknown = current.items[segment];
    return item === undefined ? undefined : { node: item, offset: startOf(item) };
  }
  const pair = findPair(current, segment, doc);
  if (pair === undefined) return undefined;
  const value = resolve(pair.value, doc);
  const pointAtValue = isScalar(value) && value.value !== null;
  return { node: pair.value, offset: pointAtValue ? startOf(value) : startOf(pair.key) };
}

/** Offset of the node a path addresses, or of its nearest present parent. */
export function locateOffset(doc: Doc, path: readonly PathSegment[] | null): number {
  const documentStart = startOf(doc.contents) ?? doc.range[0];
  if (path === null) return documentStart;
  let offset = documentStart;
  let node: unknown = doc.contents;
  for (const segment of path) {
    const next = step(node, segment, doc);
    if (next === undefined) break;
    node = next.node;
    offset = next.offset ?? offset;
  }
  return offset;
}

/** 1-based line and column of the node a path addresses (see locateOffset). */
export function locate(doc: Doc, lineCounter: LineCounter, path: readonly PathSegment[] | null): Position {
  return lineCounter.linePos(locateOffset(doc, path));
}
