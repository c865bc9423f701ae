// JUnit XML: one testsuite per source, one testcase per document. Denied -> <failure>,
// unreadable/unparseable -> <error>, other kinds -> <skipped/>, warnings -> <system-out>.
import type { DocumentReport, Report, ReportFinding } from '../report.js';

// XML 1.0 cannot carry these characters even escaped; they become U+FFFD.
const notXmlChar = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// CR is a character reference so XML parsers do not normalise it to LF.
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

export function escapeXml(text: string): string {
  return text.replace(notXmlChar, '\uFFFD').replace(/[&<>"'\r]/g, (c) => entities[c] ?? c);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const findingLines = (fs: readonly ReportFinding[]): string => fs.map((f) => `${f.line}:${f.column}: ${f.message} [${f.rule}]`).join('\n');

function caseName(d: DocumentReport): string {
  const who = d.name === null ? '' : ` ${d.namespace === null ? '' : `${d.namespace}/`}${d.name}`;
  return `document ${d.index}${d.item === undefined ? '' : ` item ${d.item}`}${d.kind === null ? '' : ` ${d.kind}`}${who} (line ${d.line})`;
}

function outcome(d: DocumentReport): string {
  const text = escapeXml(findingLines(d.errors));
  const message = escapeXml(plural(d.errors.length, 'error'));
  if (d.verdict === 'denied') return `      <failure message="${message}" type="denied">${text}</failure>\n`;
  if (d.verdict === 'error') return `      <error message="${message}" type="unreadable">${text}</error>\n`;
  if (d.verdict === 'skipped') return '      <skipped message="not a VirtualMCPServer"/>\n';
  return '';
}

function testcase(d: DocumentReport): string {
  const out = d.warnings.length === 0 ? '' : `      <system-out>${escapeXml(findingLines(d.warnings.map((w) => ({ ...w, message: `warning: ${w.message}` }))))}</system-out>\n`;
  const body = outcome(d) + out;
  const open = `    <testcase classname="${escapeXml(d.source)}" name="${escapeXml(caseName(d))}"`;
  return body === '' ? `${open}/>\n` : `${open}>\n${body}    </testcase>\n`;
}

function counts(docs: readonly DocumentReport[]): string {
  const n = (v: DocumentReport['verdict']): number => docs.filter((d) => d.verdict === v).length;
  return `tests="${docs.length}" failures="${n('denied')}" errors="${n('error')}" skipped="${n('skipped')}"`;
}

function bySource(docs: readonly DocumentReport[]): Map<string, DocumentReport[]> {
  const groups = new Map<string, DocumentReport[]>();
  for (const d of docs) groups.set(d.source, [...(groups.get(d.source) ?? []), d]);
  return groups;
}

export function formatJunit(report: Report): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vmcp-admission validate" ${counts(report.documents)}>\n`;
  for (const [source, docs] of bySource(report.documents)) {
    out += `  <testsuite name="${escapeXml(source)}" ${counts(docs)}>\n${docs.map(testcase).join('')}  </testsuite>\n`;
  }
  return `${out}</testsuites>\n`;
}
