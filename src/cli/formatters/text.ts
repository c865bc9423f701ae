// `file:line:col: <message>` per finding (warnings marked), then the summary line.
import type { Report, ReportFinding } from '../report.js';
import { summaryLine } from './summary-line.js';

// One finding per line, and nothing from a manifest may move the terminal's cursor or colours.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/g;
const escapeControl = (c: string): string =>
  c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export const printable = (text: string): string => text.replace(controls, escapeControl);

const line = (source: string, f: ReportFinding): string =>
  printable(`${source}:${f.line}:${f.column}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`) + '\n';

export function formatText(report: Report): string {
  let out = '';
  for (const doc of report.documents) {
    for (const f of doc.errors) out += line(doc.source, f);
    for (const f of doc.warnings) out += line(doc.source, f);
  }
  return `${out}${summaryLine(report.summary)}\n`;
}
