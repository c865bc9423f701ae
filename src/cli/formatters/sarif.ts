// SARIF 2.1.0: one run, the rule registry (engine rules and input rules) as the driver's rules,
// one result per finding with a region. Columns are UTF-16 code units, as the yaml library counts.
import { rules } from '../../core/rules/index.js';
import { inputRules } from '../input-rules.js';
import type { Report, ReportFinding } from '../report.js';

interface Descriptor {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
  readonly properties: { readonly origin: string };
}

function descriptors(): Descriptor[] {
  const engine = rules.map((r) => ({ id: r.id, text: r.description, level: r.severity, origin: r.origin }));
  const input = inputRules.map((r) => ({ id: r.id, text: r.description, level: 'error' as const, origin: 'input' }));
  const seen = new Set<string>();
  return [...engine, ...input]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ id: r.id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level }, properties: { origin: r.origin } }));
}

/** A relative path or `<stdin>` as a URI reference (forward slashes, percent-encoded). */
export function sourceUri(source: string): string {
  return encodeURI(source.replace(/\\/g, '/')).replace(/[?#]/g, encodeURIComponent);
}

function result(source: string, index: number, f: ReportFinding, ruleIndex: Map<string, number>): Record<string, unknown> {
  const i = ruleIndex.get(f.rule);
  return {
    ruleId: f.rule,
    ...(i === undefined ? {} : { ruleIndex: i }),
    level: f.severity,
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: sourceUri(source) }, region: { startLine: f.line, startColumn: f.column } } }],
    properties: { field: f.field, documentIndex: index, origin: f.origin },
  };
}

export function formatSarif(report: Report): string {
  const driverRules = descriptors();
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  const results = report.documents.flatMap((d) => [...d.errors, ...d.warnings].map((f) => result(d.source, d.index, f, ruleIndex)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'vmcp-admission', rules: driverRules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
