// The machine-readable contract (version 1). Keys are written in a fixed order and nothing else,
// so other tools can rely on the shape; see README "Output formats".
import type { DocumentReport, Report, ReportFinding } from '../report.js';

function finding(f: ReportFinding): Record<string, unknown> {
  const { rule, origin, severity, field, path, type, value, detail, message, line, column } = f;
  return { rule, origin, severity, field, path, type, ...(value === undefined ? {} : { value }), detail, message, line, column };
}

function document(d: DocumentReport): Record<string, unknown> {
  return {
    source: d.source,
    index: d.index,
    ...(d.item === undefined ? {} : { item: d.item }),
    line: d.line,
    apiVersion: d.apiVersion,
    kind: d.kind,
    namespace: d.namespace,
    name: d.name,
    verdict: d.verdict,
    errors: d.errors.map(finding),
    warnings: d.warnings.map(finding),
  };
}

export function formatJson(report: Report): string {
  const { documents, allowed, denied, skipped, errors, warnings } = report.summary;
  const out = {
    version: report.version,
    mode: report.mode,
    documents: report.documents.map(document),
    summary: { documents, allowed, denied, skipped, errors, warnings },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
