// `file:line:col: <message> [rule-id]` per finding (warnings marked), then the summary line;
// coloured only when asked (a terminal; NO_COLOR / FORCE_COLOR decide in terminal.ts).
import type { Report, ReportFinding } from '../report.js';
import { paint, type Paint } from '../terminal.js';
import { summaryLine } from './summary-line.js';

// One finding per line, and nothing from a manifest may move the terminal's cursor or colours.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/g;
const escapeControl = (c: string): string =>
  c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export const printable = (text: string): string => text.replace(controls, escapeControl);

const line = (source: string, f: ReportFinding, p: Paint): string => {
  const where = p('bold', printable(`${source}:${f.line}:${f.column}:`));
  const level = f.severity === 'warning' ? `${p('yellow', 'warning:')} ` : '';
  return `${where} ${level}${printable(f.message)} ${p('dim', `[${f.rule}]`)}\n`;
};

export interface TextOptions {
  readonly color?: boolean;
}

export function formatText(report: Report, options: TextOptions = {}): string {
  const p = paint(options.color === true);
  let out = '';
  for (const doc of report.documents) {
    for (const f of doc.errors) out += line(doc.source, f, p);
    for (const f of doc.warnings) out += line(doc.source, f, p);
  }
  const s = report.summary;
  const summary = summaryLine(s);
  return `${out}${s.denied > 0 || s.errors > 0 ? p('red', summary) : p('green', summary)}\n`;
}
