// One input text -> its documents, each decoded to plain data or carrying the problems that stop
// decoding (syntax with position, duplicate keys, alias bombs, excessive nesting). Empty documents
// are dropped; `index` stays the document's position in the stream so users can count `---`s.
import { isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import { findDuplicateKeys } from './duplicate-keys.js';
import { maxAliasCount, maxDocuments } from './input-limits.js';
import type { InputProblem } from './input-problem.js';
import { maxNesting, type ShapeRule } from './nesting-guard.js';
import { readYamlStream, type StreamItem } from './yaml-stream.js';

export type DocumentProblemRule = 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit' | 'yaml-too-many-documents' | 'yaml-not-json' | ShapeRule;

/** A problem (rule, message id, slots; texts in core/rules/input-rules.ts) and where it is. */
export type DocumentProblem = InputProblem<DocumentProblemRule> & {
  /** Offset in the source text where the problem is. */
  readonly offset: number;
};

const at = (p: InputProblem<DocumentProblemRule>, offset: number): DocumentProblem => ({ ...p, offset });

export interface SourceDocument {
  /** 0-based position in the YAML stream (empty documents count). */
  readonly index: number;
  /** The composed document; undefined when reading stopped before it. */
  readonly node: Document.Parsed | undefined;
  /** Offset of the document's first content. */
  readonly offset: number;
  /** Decoded data; undefined when there are problems. */
  readonly value: unknown;
  readonly problems: readonly DocumentProblem[];
}

export interface ParsedSource {
  readonly source: string;
  /** Knows every position of a document by the time the document is yielded. */
  readonly lineCounter: LineCounter;
  /** Lazy and single-pass: iterate once. */
  readonly documents: Iterable<SourceDocument>;
}

function describeYamlError(error: YAMLError): DocumentProblem {
  return at({ rule: 'yaml-syntax', messageId: 'syntax', data: { error: error.message } }, error.pos[0]);
}

/** Syntax errors and duplicate keys, in source order. */
function problemsOf(doc: Document.Parsed): DocumentProblem[] {
  const duplicates = findDuplicateKeys(doc).map((d) => at({ rule: 'yaml-duplicate-key', messageId: 'duplicate', data: { key: JSON.stringify(d.key) } }, d.offset));
  const problems = [...doc.errors.map(describeYamlError), ...duplicates];
  return duplicates.length === 0 || doc.errors.length === 0 ? problems : problems.sort((a, b) => a.offset - b.offset);
}

/** Iterative depth check, only needed when aliases could have multiplied the text's depth. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

type Decoded = { value: unknown; problem?: undefined } | { value?: undefined; problem: DocumentProblem };

function decode(doc: Document.Parsed, offset: number, checkDepth: boolean): Decoded {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (err) {
    const isAliasBomb = err instanceof ReferenceError && /alias/i.test(err.message);
    const p: InputProblem<'yaml-alias-limit' | 'yaml-syntax'> = isAliasBomb
      ? { rule: 'yaml-alias-limit', messageId: 'aliases', data: { limit: maxAliasCount } }
      : { rule: 'yaml-syntax', messageId: 'syntax', data: { error: err instanceof Error ? err.message : String(err) } };
    return { problem: at(p, offset) };
  }
  if (checkDepth && deeperThan(value, 2 * maxNesting)) {
    return { problem: at({ rule: 'yaml-too-deep', messageId: 'aliasDepth', data: { limit: 2 * maxNesting } }, offset) };
  }
  return { value };
}

/** Could the document's text hold a number JSON cannot carry (.inf, .nan, 1e400)? A cheap guard before a walk. */
const mayHoldNonFinite = (text: string): boolean => /\.(?:inf|nan)\b|\d[eE]\+?\d{3}/i.test(text);

/** Numbers JSON cannot carry: kubectl converts YAML to JSON first and fails on them (json: unsupported value). */
function nonFiniteNumbers(doc: Document.Parsed): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
        out.push(at({ rule: 'yaml-not-json', messageId: 'notJson', data: { value: String(node.source ?? node.value) } }, node.range?.[0] ?? 0));
      }
    },
  });
  return out;
}

function toSourceDocument(doc: Document.Parsed, index: number, checkDepth: boolean, text: string): SourceDocument | undefined {
  const offset = doc.contents?.range[0] ?? doc.range[0];
  const problems = problemsOf(doc);
  if (problems.length === 0 && mayHoldNonFinite(text.slice(doc.range[0], doc.range[2]))) problems.push(...nonFiniteNumbers(doc));
  if (problems.length > 0) return { index, node: doc, offset, value: undefined, problems };
  const decoded = decode(doc, offset, checkDepth);
  if (decoded.problem !== undefined) return { index, node: doc, offset, value: undefined, problems: [decoded.problem] };
  if (decoded.value === null || decoded.value === undefined) return undefined;
  return { index, node: doc, offset, value: decoded.value, problems: [] };
}

function* sourceDocuments(items: Iterable<StreamItem>, text: string): Generator<SourceDocument> {
  let index = 0;
  for (const item of items) {
    if ('stopped' in item) {
      const { problem: p, offset } = item.stopped;
      yield { index, node: undefined, offset, value: undefined, problems: [at(p, offset)] };
      return;
    }
    if (index === maxDocuments) {
      const offset = item.doc.contents?.range[0] ?? item.doc.range[0];
      yield { index, node: undefined, offset, value: undefined, problems: [at({ rule: 'yaml-too-many-documents', messageId: 'tooMany', data: { limit: maxDocuments } }, offset)] };
      return;
    }
    const parsed = toSourceDocument(item.doc, index++, item.sawAlias, text);
    if (parsed !== undefined) yield parsed;
  }
}

/** Parses the documents of one source lazily. Never throws for bad input. */
export function parseSource(source: string, text: string): ParsedSource {
  const stream = readYamlStream(text);
  return { source, lineCounter: stream.lineCounter, documents: sourceDocuments(stream.items, text) };
}
