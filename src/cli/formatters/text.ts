// `file:line:col: <message>` per finding (warnings marked), then the summary line.
import type { Report, ReportFinding } from '../report.js';
import { summaryLine } from './summary-line.js';

const line = (source: string, f: ReportFinding): string =>
  `${source}:${f.line}:${f.column}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}\n`;

export function formatText(report: Report): string {
  let out = '';
  for (const doc of report.documents) {
    for (const f of doc.errors) out += line(doc.source, f);
    for (const f of doc.warnings) out += line(doc.source, f);
  }
  return `${out}${summaryLine(report.summary)}\n`;
}
