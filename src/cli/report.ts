// The report every formatter renders: one entry per document (or unreadable input), findings with
// line:column, and the summary. Its shape IS the `--output json` contract (version 1).
import type { Origin, Severity } from '../core/finding.js';
import type { PathSegment } from '../core/field-path.js';
import type { Mode } from '../core/validate.js';
import { ExitCode } from './io.js';

export type Verdict = 'allowed' | 'denied' | 'skipped' | 'error';

/** A core Finding, or an input problem (origin `input`), plus the 1-based position in the source. */
export interface ReportFinding {
  readonly rule: string;
  readonly origin: Origin | 'input';
  readonly severity: Severity;
  readonly field: string | null;
  readonly path: readonly PathSegment[] | null;
  readonly type: string;
  readonly value?: string;
  readonly detail: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface DocumentReport {
  /** The file as named on the command line (or found under a directory), or `<stdin>`. */
  readonly source: string;
  /** 0-based position of the document in its YAML stream. */
  readonly index: number;
  /** For an object inside a List document: its 0-based position in `items`. */
  readonly item?: number;
  /** 1-based line where the document's content starts. */
  readonly line: number;
  readonly apiVersion: string | null;
  readonly kind: string | null;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly verdict: Verdict;
  readonly errors: readonly ReportFinding[];
  readonly warnings: readonly ReportFinding[];
}

export interface Summary {
  readonly documents: number;
  readonly allowed: number;
  readonly denied: number;
  readonly skipped: number;
  /** Error findings over all documents (input problems included). */
  readonly errors: number;
  /** Warning findings over all documents. */
  readonly warnings: number;
}

export interface Report {
  readonly version: 1;
  readonly mode: Mode;
  readonly documents: readonly DocumentReport[];
  readonly summary: Summary;
}

export function summarize(documents: readonly DocumentReport[]): Summary {
  const count = (v: Verdict): number => documents.filter((d) => d.verdict === v).length;
  const sum = (pick: (d: DocumentReport) => number): number => documents.reduce((n, d) => n + pick(d), 0);
  return {
    documents: documents.length,
    allowed: count('allowed'),
    denied: count('denied'),
    skipped: count('skipped'),
    errors: sum((d) => d.errors.length),
    warnings: sum((d) => d.warnings.length),
  };
}

export function makeReport(mode: Mode, documents: readonly DocumentReport[]): Report {
  return { version: 1, mode, documents, summary: summarize(documents) };
}

/** Documents the engine judged (allowed or denied): the VirtualMCPServers found. */
export const judgedCount = (report: Report): number => report.summary.allowed + report.summary.denied;

/**
 * 3 when the engine hit a bug, else 2 for unreadable input or no document, 1 for any denial (or, with
 * `failOn: 'warning'`, any warning), else 0.
 */
export function exitCodeOf(report: Report, failOn: 'error' | 'warning' = 'error'): ExitCode {
  const docs = report.documents;
  if (docs.some((d) => d.errors.some((f) => f.rule === 'internal-error'))) return ExitCode.internal;
  if (docs.length === 0 || docs.some((d) => d.verdict === 'error')) return ExitCode.usage;
  if (docs.some((d) => d.verdict === 'denied')) return ExitCode.findings;
  return failOn === 'warning' && report.summary.warnings > 0 ? ExitCode.findings : ExitCode.ok;
}
