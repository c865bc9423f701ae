// Inputs -> decodable objects (documents and List items) with their source positions, and findings
// as `file:line:col: message` lines. Shared by `render` and the rate-limit commands.
import type { Finding } from '../core/finding.js';
import { parseSource, type ParsedSource, type SourceDocument } from './documents.js';
import { printable } from './formatters/text.js';
import { problemText } from './input-problem.js';
import { readInputs } from './inputs.js';
import type { CliIo } from './io.js';
import { documentObjects, pathInDocument, type DocumentObject } from './list-items.js';
import { locate } from './locate.js';

/** One object: a document, or an item of a List document. */
export interface Loaded {
  readonly parsed: ParsedSource;
  readonly doc: SourceDocument;
  readonly object: DocumentObject;
}

/** Every decodable document, or the first-found problems as stderr lines. */
export async function loadObjects(inputs: readonly string[], io: CliIo): Promise<{ docs: Loaded[]; problems: string[] }> {
  const docs: Loaded[] = [];
  const problems: string[] = [];
  for (const input of await readInputs(inputs, io)) {
    if (input.kind === 'error') {
      problems.push(`${input.source}: ${problemText(input)}`);
      continue;
    }
    const parsed = parseSource(input.source, input.text);
    for (const doc of parsed.documents) {
      for (const p of doc.problems) {
        const pos = parsed.lineCounter.linePos(p.offset);
        problems.push(`${input.source}:${pos.line}:${pos.col}: ${problemText(p)}`);
      }
      if (doc.problems.length === 0) docs.push(...documentObjects(doc.value).map((object) => ({ parsed, doc, object })));
    }
  }
  return { docs: docs.filter((d) => d.object.problem === undefined), problems: [...problems, ...docs.flatMap(listProblem)] };
}

/** A List item that cannot be judged, as an input problem line. */
function listProblem({ parsed, doc, object }: Loaded): string[] {
  if (object.problem === undefined || doc.node === undefined) return [];
  const pos = locate(doc.node, parsed.lineCounter, object.at);
  return [`${parsed.source}:${pos.line}:${pos.col}: ${problemText(object.problem)}`];
}

/** Each finding as a `file:line:col: [label]message` line. */
export function findingLines(loaded: Loaded, findings: readonly Finding[], label = ''): string[] {
  const { parsed, doc, object } = loaded;
  return findings.map((f: Finding) => {
    const pos = doc.node === undefined ? { line: 1, col: 1 } : locate(doc.node, parsed.lineCounter, pathInDocument(object.at, f.path));
    return `${printable(`${parsed.source}:${pos.line}:${pos.col}: ${label}${f.message}`)}\n`;
  });
}
