// Shared by the policy tests: the built policy, the corpus of VirtualMCPServers, and the engine's
// verdict on the rules the policy covers, so each test compares one with the other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { validateObject, type SchemaProvider } from '../../src/core/validate.js';
import type { Finding } from '../../src/core/finding.js';
import { buildPolicy, type BuiltPolicy, type PolicyOptions } from '../../src/policy/index.js';
import { ratchet } from '../../src/webhook/ratchet.js';
import { runPolicy, type Decision } from './vap-eval.js';

export const schemas: SchemaProvider = await loadBuiltinSchemas();
export const schema = schemas.get('v1beta1')!.meta.schema;

export const defaultOptions: PolicyOptions = { name: 'vmcp-strict.example.com', validationActions: ['Deny'], warnings: true, kubernetesVersion: '1.30' };
export const built: BuiltPolicy = buildPolicy(schema, defaultOptions);

type Spec = Parameters<typeof runPolicy>[0];
export const denySpec = (built.documents[0] as { spec: Spec }).spec;
export const warnSpec = (built.documents[2] as { spec: Spec }).spec;

const inPolicy = (severity: 'error' | 'warning'): Set<string> =>
  new Set(built.coverage.filter((c) => c.severity === severity && (c.status === 'covered' || c.status === 'covered-partly')).map((c) => c.rule));
export const coveredErrors = inPolicy('error');
export const coveredWarnings = inPolicy('warning');

const ROOT = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string, pick: (f: string) => boolean): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(filesUnder(p, pick));
    else if (pick(p)) out.push(p);
  }
  return out;
}

const isVmcp = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'VirtualMCPServer';

export interface CorpusItem {
  readonly source: string;
  readonly object: Record<string, unknown>;
  readonly oldObject?: Record<string, unknown>;
}

/** Every VirtualMCPServer in test fixtures, examples and golden inputs; AdmissionReviews give UPDATE pairs. */
export function corpus(): CorpusItem[] {
  const yamlFiles = filesUnder(join(ROOT, 'test'), (f) => /\/fixtures\/.*\.ya?ml$/.test(f) || /\/golden\/.*\.ya?ml$/.test(f)).concat(filesUnder(join(ROOT, 'examples'), (f) => /\.ya?ml$/.test(f)));
  const out: CorpusItem[] = [];
  for (const f of yamlFiles.sort()) {
    let docs: unknown[];
    try {
      docs = parseAllDocuments(readFileSync(f, 'utf8')).flatMap((d) => ('toJS' in d && d.errors.length === 0 ? [d.toJS({ maxAliasCount: 100 }) as unknown] : []));
    } catch {
      continue;
    }
    for (const [i, d] of docs.entries()) if (isVmcp(d)) out.push({ source: `${f.slice(ROOT.length)}#${i}`, object: d });
  }
  const reviews = filesUnder(join(ROOT, 'test'), (f) => /fixtures\/admissionreview-.*\.json$/.test(f)).concat(filesUnder(join(ROOT, 'examples'), (f) => /admissionreview-.*\.json$/.test(f)));
  for (const f of reviews.sort()) {
    const req = (JSON.parse(readFileSync(f, 'utf8')) as { request?: { object?: unknown; oldObject?: unknown } }).request;
    if (!isVmcp(req?.object)) continue;
    out.push({ source: f.slice(ROOT.length), object: req.object, ...(isVmcp(req.oldObject) ? { oldObject: req.oldObject } : {}) });
  }
  return out;
}

export interface EngineVerdict {
  /** The CRD alone admits the object (schema, CRD CEL rules, ObjectMeta). */
  readonly crdAdmits: boolean;
  /** The object as the API server stores it (pruned, defaulted): what the policy sees. */
  readonly stored: unknown;
  /** Strict errors of the covered rules, in the engine's order, after UPDATE ratcheting. */
  readonly errors: readonly Finding[];
  /** Warnings of the covered lint rules. */
  readonly warnings: readonly Finding[];
}

export function engineVerdict(object: unknown, oldObject?: unknown): EngineVerdict {
  const strict = validateObject(object, { mode: 'strict', schemas });
  const crd = validateObject(object, { mode: 'crd', schemas });
  let errors: readonly Finding[] = strict.findings.filter((f) => f.severity === 'error' && coveredErrors.has(f.rule));
  if (oldObject !== undefined) {
    const old = validateObject(oldObject, { mode: 'strict', schemas });
    const oldErrors = old.findings.filter((f) => f.severity === 'error');
    errors = ratchet({ errors, oldErrors, object: strict.object, oldObject: old.object, ...(strict.schema === undefined ? {} : { schema: strict.schema }) }).errors;
  }
  const warnings = strict.findings.filter((f) => f.severity === 'warning' && coveredWarnings.has(f.rule));
  return { crdAdmits: crd.allowed, stored: strict.object, errors, warnings };
}

export interface PolicyVerdict {
  readonly deny: Decision;
  readonly warn: Decision;
}

export function policyVerdict(stored: unknown, oldStored?: unknown): PolicyVerdict {
  return { deny: runPolicy(denySpec, stored, oldStored), warn: runPolicy(warnSpec, stored, oldStored) };
}

/** The stored (pruned, defaulted) form of an object, as oldObject in an UPDATE. */
export const storedOf = (object: unknown): unknown => validateObject(object, { mode: 'strict', schemas }).object;

export const clone = <T>(v: T): T => structuredClone(v);
