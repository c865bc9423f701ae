// The engine's entry point: judges one decoded object the way a Kubernetes API server with the
// ToolHive CRD installed would (mode `crd`), plus operator/vMCP runtime parity (mode `strict`).
// The types it speaks are in contract.ts.
import type { CompiledVersion, Finding, Mode, SchemaProvider, ValidateOptions, ValidationResult } from './contract.js';

export type { AjvLikeError, AjvLikeValidate, CompiledVersion, Mode, SchemaProvider, ValidateOptions, ValidationResult } from './contract.js';

import { pruneAndDefault } from './schema/prune-default.js';
import { checkOpenApi, blocksCel } from './schema/openapi-check.js';
import { checkListTypes } from './schema/list-types.js';
import { evaluateCelRules } from './cel/evaluate.js';
import { rules } from './rules/index.js';
import { celNotCheckedFinding, internalErrorFinding, notAMappingFinding, unservedVersionFinding, wrongKindFinding } from './rules/document-findings.js';
import { bindReporter } from './finding.js';
import type { Reporter, RuleContext, RuleMeta } from './rules/rule.js';
import { isRecord, type JsonRecord } from './spec.js';

/** A finding that denies the object (every error; warnings never do). */
export function isBlocking(f: Finding): boolean {
  return f.severity === 'error';
}

const result = (object: unknown, findings: readonly Finding[]): ValidationResult => ({
  object,
  findings,
  allowed: !findings.some(isBlocking),
});

/** Which served version an object claims; undefined for other groups or kinds. */
export function servedVersionOf(object: unknown, schemas: SchemaProvider): string | undefined {
  if (!isRecord(object) || object.kind !== schemas.kind || typeof object.apiVersion !== 'string') return undefined;
  const [group, version] = object.apiVersion.split('/');
  return group === schemas.group && version !== undefined && schemas.versions.includes(version) ? version : undefined;
}

/** Why a document cannot be judged against these schemas: not a mapping, another kind, an unserved version. */
function documentProblem(input: unknown, schemas: SchemaProvider): Finding | undefined {
  if (!isRecord(input)) return notAMappingFinding(input);
  if (input.kind !== schemas.kind) return wrongKindFinding(input.kind, schemas.group);
  if (servedVersionOf(input, schemas) === undefined) return unservedVersionFinding(input.apiVersion, schemas.group, schemas.versions);
  return undefined;
}

/** A rule the engine runs, with its reporter bound once. */
interface Checking {
  readonly meta: RuleMeta;
  readonly check: (ctx: RuleContext, report: Reporter<string>) => Finding[];
  readonly report: Reporter<string>;
}

/** The registry's checking rules for a mode and stage (ObjectMeta before the OpenAPI check, the rest after CEL). */
function checking(mode: Mode, metadata: boolean): readonly Checking[] {
  const out: Checking[] = [];
  for (const r of rules as readonly { meta: RuleMeta; check?: (ctx: RuleContext, report: Reporter<string>) => Finding[] }[]) {
    if (r.check === undefined || !r.meta.modes.includes(mode) || (r.meta.stage === 'metadata') !== metadata) continue;
    const meta = r.meta;
    out.push({ meta, check: r.check, report: bindReporter(meta, mode) });
  }
  return out;
}
const rulesByMode: Readonly<Record<Mode, { readonly metadata: readonly Checking[]; readonly later: readonly Checking[] }>> = {
  strict: { metadata: checking('strict', true), later: checking('strict', false) },
  crd: { metadata: checking('crd', true), later: checking('crd', false) },
};

/** Runs each rule into `out`; a rule that throws becomes an internal-error finding naming it. */
function runRules(ctx: RuleContext, list: readonly Checking[], out: Finding[]): void {
  for (const r of list) {
    try {
      for (const f of r.check(ctx, r.report)) out.push(f);
    } catch (e) {
      out.push(internalErrorFinding(`rule ${r.meta.id}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
}

function judge(input: JsonRecord, version: string, compiled: CompiledVersion, mode: Mode): ValidationResult {
  const schema = compiled.meta.schema;
  const pruned = pruneAndDefault(input, schema, { mode, dropStatus: compiled.meta.statusSubresource === true });
  const object = pruned.object as Record<string, unknown>;
  const ctx: RuleContext = { object, input, schema, version, mode, ...(compiled.meta.deprecationWarning === undefined ? {} : { deprecationWarning: compiled.meta.deprecationWarning }) };
  const findings = pruned.findings.slice();
  const stages = rulesByMode[mode];
  runRules(ctx, stages.metadata, findings);
  for (const f of checkOpenApi(object, compiled)) findings.push(f);
  for (const f of checkListTypes(object, schema)) findings.push(f);
  if (findings.some(blocksCel)) findings.push(celNotCheckedFinding());
  else for (const f of evaluateCelRules(object, schema)) findings.push(f);
  runRules(ctx, stages.later, findings);
  return { object, findings, allowed: !findings.some(isBlocking), schema }; // no spread: this runs per review
}

/**
 * Same order of work as the API server (upstream-behaviour §b.1): prune -> (status dropped under a status
 * subresource) -> defaults -> ObjectMeta -> OpenAPI -> list types ->
 * CEL (unless blocked, then the API server's notice) -> runtime parity (strict) -> lint.
 * Never throws: bad input becomes findings, an internal exception an `internal-error` finding.
 */
export function validateObject(input: unknown, options: ValidateOptions): ValidationResult {
  try {
    const problem = documentProblem(input, options.schemas);
    if (problem !== undefined) return result(undefined, [problem]);
    const record = input as JsonRecord;
    const version = servedVersionOf(record, options.schemas)!;
    const compiled = options.schemas.get(version);
    if (compiled === undefined) return result(undefined, [unservedVersionFinding(record.apiVersion, options.schemas.group, options.schemas.versions)]);
    return judge(record, version, compiled, options.mode);
  } catch (e) {
    return result(undefined, [internalErrorFinding(e)]);
  }
}
