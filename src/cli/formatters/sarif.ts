// SARIF 2.1.0: one run, the rule registry (engine rules, then input rules) as the driver's rules,
// one result per finding with a region. Columns are UTF-16 code units, as the yaml library counts.
import { homepage, identity, toolVersion } from '../../build-info.js';
import { severityIn } from '../../core/finding.js';
import { rules } from '../../core/rules/index.js';
import type { RuleMeta } from '../../core/rules/rule.js';
import type { DocumentReport, Report, ReportFinding } from '../report.js';
import { helpText, ruleEntry } from '../rule-reference.js';

/** What SARIF needs of a rule (a registry entry's meta, flattened). */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly severity: 'error' | 'warning';
  readonly origin: string;
  /** The explanation and a failing example (`vmcp-admission rules ID`). */
  readonly help?: string;
  /** The rule's row in the README rules reference. */
  readonly helpUri?: string;
}

interface Descriptor {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly help?: { readonly text: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
  readonly properties: { readonly origin: string };
}

/**
 * A registry entry as SARIF lists it. The default level is the rule's mildest: a rule whose severity
 * differs by mode (schema-unknown-field: warning in crd, error in strict) is listed at its crd level.
 */
function ruleInfo(meta: RuleMeta): RuleInfo {
  const entry = ruleEntry(meta);
  return { id: meta.id, description: meta.description, severity: severityIn(meta, 'crd'), origin: meta.origin, help: helpText(entry), helpUri: entry.helpUri };
}

/** The registry: the engine's rules, then the input stage's (the order the driver has always listed). */
export function allRules(): RuleInfo[] {
  const metas: readonly RuleMeta[] = rules.map((r) => r.meta);
  return [...metas.filter((m) => m.stage !== 'input'), ...metas.filter((m) => m.stage === 'input')].map(ruleInfo);
}

function descriptors(ruleInfos: readonly RuleInfo[]): Descriptor[] {
  const seen = new Set<string>();
  return ruleInfos
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      ...(r.help === undefined ? {} : { help: { text: r.help } }),
      ...(r.helpUri === undefined ? {} : { helpUri: r.helpUri }),
      defaultConfiguration: { level: r.severity },
      properties: { origin: r.origin },
    }));
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
    runs: [{ tool: { driver: { name: 'vmcp-admission', version: identity.slice('vmcp-admission '.length), semanticVersion: toolVersion, informationUri: homepage, rules: driverRules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export function formatSarif(report: Report): string {
  return sarifFormatter(allRules())(report);
}
