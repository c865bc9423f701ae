// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` per finding,
// with the runner's escaping (data: % CR LF; properties additionally `:` and `,`).
import type { Report, ReportFinding } from '../report.js';
import { summaryLine } from './summary-line.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(source: string, f: ReportFinding): string {
  const props = [`file=${escapeProperty(source)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`vmcp-admission ${f.rule}`)}`];
  return `::${f.severity} ${props.join(',')}::${escapeData(f.message)}\n`;
}

export function formatGithub(report: Report): string {
  let out = '';
  for (const doc of report.documents) {
    for (const f of [...doc.errors, ...doc.warnings]) out += command(doc.source, f);
  }
  return `${out}${summaryLine(report.summary)}\n`;
}
