// SARIF 2.1.0: one run, the rule registry (engine rules and input rules) as the driver's rules,
// one result per finding with a region. Columns are UTF-16 code units, as the yaml library counts.
import { rules } from '../../core/rules/index.js';
import { inputRules } from '../input-rules.js';
import type { DocumentReport, Report, ReportFinding } from '../report.js';

/** What SARIF needs of a rule; the registry's Rule and the CLI's input rules both fit. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly severity: 'error' | 'warning';
  readonly origin: string;
}

interface Descriptor {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
  readonly properties: { readonly origin: string };
}

/** The engine registry followed by the CLI's input rules. */
export function allRules(): RuleInfo[] {
  return [...rules, ...inputRules.map((r) => ({ ...r, severity: 'error' as const, origin: 'input' }))];
}

function descriptors(ruleInfos: readonly RuleInfo[]): Descriptor[] {
  const seen = new Set<string>();
  return ruleInfos
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({ id: r.id, shortDescription: { text: r.description }, defaultConfiguration: { level: r.severity }, properties: { origin: r.origin } }));
}

/** A relative path or `<stdin>` as a URI reference (forward slashes, percent-encoded). */
export function sourceUri(source: string): string {
  return encodeURI(source.replace(/\\/g, '/')).replace(/[?#]/g, encodeURIComponent);
}

function result(d: DocumentReport, f: ReportFinding, ruleIndex: Map<string, number>): Record<string, unknown> {
  const i = ruleIndex.get(f.rule);
  return {
    ruleId: f.rule,
    ...(i === undefined ? {} : { ruleIndex: i }),
    level: f.severity,
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: sourceUri(d.source) }, region: { startLine: f.line, startColumn: f.column } } }],
    properties: { field: f.field, documentIndex: d.index, ...(d.item === undefined ? {} : { itemIndex: d.item }), origin: f.origin },
  };
}

/** A SARIF formatter over the given rules (tests pass a fixed list; the CLI passes allRules()). */
export const sarifFormatter = (ruleInfos: readonly RuleInfo[]) => (report: Report): string => {
  const driverRules = descriptors(ruleInfos);
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  const results = report.documents.flatMap((d) => [...d.errors, ...d.warnings].map((f) => result(d, f, ruleIndex)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'vmcp-admission', rules: driverRules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export function formatSarif(report: Report): string {
  return sarifFormatter(allRules())(report);
}
