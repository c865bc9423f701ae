// Inputs -> document reports: decodes every document, hands VirtualMCPServers to the engine,
// counts other kinds as skipped and places every finding at its line:column. A List document
// (`kubectl get -o yaml` of several objects) is judged item by item, never skipped as a whole.
import type { Finding } from '../core/finding.js';
import { validateObject, type Mode, type SchemaProvider } from '../core/validate.js';
import { didYouMean } from '../core/rules/did-you-mean.js';
import { parseSource, type ParsedSource, type SourceDocument } from './documents.js';
import { problemFinding, type InputRuleId, type ProblemOf } from './input-problem.js';
import type { Input, InputError } from './inputs.js';
import { documentObjects, pathInDocument, type DocumentObject } from './list-items.js';
import { locate, type Position } from './locate.js';
import type { DocumentReport, ReportFinding } from './report.js';
import { isRecord } from '../core/json.js';
import { applyRuleControl } from '../core/rules/control.js';
import type { RelationsCheck } from '../relations/index.js';

export interface CheckOptions {
  readonly mode: Mode;
  readonly schemas: SchemaProvider;
  /** Drop warnings from the report. */
  readonly quiet: boolean;
  /** Rules turned off with `--disable` (already checked to be disableable). */
  readonly disabled?: ReadonlySet<string>;
  /** Called after each document is judged (the progress line throttles it). */
  readonly onProgress?: (documents: number, source: string) => void;
  /** `--refs warn|deny`: relation findings of VirtualMCPServers, related objects judged against their own CRDs. */
  readonly relations?: RelationsCheck;
}

const noRules: ReadonlySet<string> = new Set();

const noIdentity = { apiVersion: null, kind: null, namespace: null, name: null } as const;

function located(f: Omit<ReportFinding, 'line' | 'column'>, pos: Position): ReportFinding {
  const { rule, origin, severity, field, path, type, value, detail, message } = f;
  return { rule, origin, severity, field, path, type, ...(value === undefined ? {} : { value }), detail, message, line: pos.line, column: pos.col };
}

/** An input problem's finding (report() through its input rule), printed bare: type `Invalid input`, the line is the text. */
function inputFinding<Id extends InputRuleId>(p: ProblemOf<Id>, pos: Position): ReportFinding {
  const f = problemFinding(p);
  return located({ ...f, type: 'Invalid input', message: f.detail }, pos);
}

function unreadable(input: InputError): DocumentReport {
  const errors = [inputFinding(input, { line: 1, col: 1 })];
  return { source: input.source, index: 0, line: 1, ...noIdentity, verdict: 'error', errors, warnings: [] };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function identityOf(value: unknown): Pick<DocumentReport, 'apiVersion' | 'kind' | 'namespace' | 'name'> {
  if (!isRecord(value)) return noIdentity;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return { apiVersion: str(value.apiVersion), kind: str(value.kind), namespace: str(metadata.namespace), name: str(metadata.name) };
}

/**
 * Documents of this kind go to the engine, whatever their apiVersion (another group or an unserved version is
 * reported as kubectl's "no matches for kind"), and so do near misses of the kind (`VirtualMcpServer`), which
 * kubectl would refuse too: a CI gate must not skip its own kind misspelt. Other kinds are skipped.
 */
function isJudged(value: unknown, schemas: SchemaProvider): boolean {
  if (!isRecord(value) || typeof value.kind !== 'string') return false;
  return value.kind === schemas.kind || didYouMean(value.kind, [schemas.kind]) !== undefined;
}

type Base = Omit<DocumentReport, 'verdict' | 'errors' | 'warnings'>;

function problemReport(parsed: ParsedSource, doc: SourceDocument, base: Base): DocumentReport {
  const errors = doc.problems.map((p) => inputFinding(p, parsed.lineCounter.linePos(p.offset)));
  return { ...base, verdict: 'error', errors, warnings: [] };
}

/** The engine's verdict on one object plus its relation findings; a related object against its own CRD (`crd` mode). */
function judgeObject(value: unknown, options: CheckOptions): { findings: readonly Finding[]; allowed: boolean } | undefined {
  const relations = options.relations;
  if (!isJudged(value, options.schemas)) {
    const own = relations?.schemasFor(value);
    return own === undefined ? undefined : validateObject(value, { mode: 'crd', schemas: own });
  }
  const result = validateObject(value, { mode: options.mode, schemas: options.schemas });
  if (relations === undefined || result.object === undefined) return result;
  const findings = [...result.findings, ...relations.findings(result.object)];
  return { findings, allowed: !findings.some((f) => f.severity === 'error') };
}

/** Judges one object of a document (the document itself, or a List item). */
function judgedReport(where: { parsed: ParsedSource; node: NonNullable<SourceDocument['node']> }, object: DocumentObject, base: Base, options: CheckOptions): DocumentReport {
  const { parsed, node } = where;
  const result = judgeObject(object.value, options);
  if (result === undefined) return { ...base, verdict: 'skipped', errors: [], warnings: [] };
  // --disable and the object's ignore annotation (warnings only): the same policy as the webhook's.
  const { findings } = applyRuleControl(result.findings, object.value, options.disabled ?? noRules);
  const place = (f: Finding): ReportFinding => located(f, locate(node, parsed.lineCounter, pathInDocument(object.at, f.path)));
  const errors = findings.filter((f) => f.severity === 'error').map(place);
  const warnings = options.quiet ? [] : findings.filter((f) => f.severity === 'warning').map(place);
  return { ...base, verdict: errors.length === 0 ? 'allowed' : 'denied', errors, warnings };
}

function documentReports(parsed: ParsedSource, doc: SourceDocument, options: CheckOptions): DocumentReport[] {
  const line = parsed.lineCounter.linePos(doc.offset).line;
  const base = { source: parsed.source, index: doc.index, line, ...identityOf(doc.value) };
  if (doc.problems.length > 0 || doc.node === undefined) return [problemReport(parsed, doc, base)];
  const where = { parsed, node: doc.node };
  return documentObjects(doc.value).map((object) => {
    if (object.item === undefined && object.problem === undefined) return judgedReport(where, object, base, options);
    // A list item (or a broken `items`) is reported at its own line, under its own identity.
    const pos = locate(where.node, parsed.lineCounter, object.at);
    const itemBase = { ...base, ...(object.item === undefined ? {} : { item: object.item }), line: pos.line, ...identityOf(object.value) };
    if (object.problem !== undefined) return { ...itemBase, verdict: 'error', errors: [inputFinding(object.problem, pos)], warnings: [] };
    return judgedReport(where, object, itemBase, options);
  });
}

/** Reports in input order, documents in stream order. */
export function checkInputs(inputs: readonly Input[], options: CheckOptions): DocumentReport[] {
  const reports: DocumentReport[] = [];
  for (const input of inputs) {
    if (input.kind === 'error') {
      reports.push(unreadable(input));
      continue;
    }
    const parsed = parseSource(input.source, input.text);
    for (const doc of parsed.documents) {
      reports.push(...documentReports(parsed, doc, options));
      options.onProgress?.(reports.length, input.source);
    }
  }
  return reports;
}
