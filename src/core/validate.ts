// The engine's entry point: judges one decoded object the way a Kubernetes API server with the
// ToolHive CRD installed would (mode `crd`), plus operator/vMCP runtime parity (mode `strict`).
// CONTRACT (shared by webhook, CLI and renderer). Implementation owned by the core engine work.
import type { Finding } from './finding.js';
import type { CrdVersionSchema } from './schema/types.js';

export type Mode = 'strict' | 'crd';

/** A served CRD version ready to validate against (structural metadata + compiled OpenAPI check). */
export interface CompiledVersion {
  readonly meta: CrdVersionSchema;
  /** ajv-style validate function for the OpenAPI part (x-kubernetes-* removed, patterns translated). */
  readonly validate: AjvLikeValidate;
}

export interface AjvLikeError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
  readonly schemaPath: string;
}

export interface AjvLikeValidate {
  (data: unknown): boolean;
  errors?: readonly AjvLikeError[] | null;
}

export interface SchemaProvider {
  readonly group: string;
  readonly kind: string;
  /** Served versions, e.g. ['v1beta1', 'v1alpha1']. */
  readonly versions: readonly string[];
  get(version: string): CompiledVersion | undefined;
}

export interface ValidateOptions {
  readonly mode: Mode;
  readonly schemas: SchemaProvider;
}

export interface ValidationResult {
  /** The object as the API server would store it: pruned and defaulted. Undefined when not decodable. */
  readonly object: unknown;
  /** Errors and warnings, deterministic order. */
  readonly findings: readonly Finding[];
  /** True when no finding has severity `error`. */
  readonly allowed: boolean;
}

import { makeFinding } from './finding.js';
import { pruneUnknownFields } from './schema/prune.js';
import { applyDefaults } from './schema/defaults.js';
import { checkOpenApi, blocksCel } from './schema/openapi-check.js';
import { checkListTypes } from './schema/list-types.js';
import { evaluateCelRules } from './cel/evaluate.js';
import { rules } from './rules/index.js';
import type { RuleContext } from './rules/types.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function notAnObject(): ValidationResult {
  const f = makeFinding({ rule: 'schema-type', origin: 'schema', severity: 'error', path: null, type: 'Invalid value', detail: 'object must be a mapping' });
  return { object: undefined, findings: [f], allowed: false };
}

/** Which served version an object claims; undefined for other groups or kinds. */
export function servedVersionOf(object: unknown, schemas: SchemaProvider): string | undefined {
  if (!isRecord(object) || object.kind !== schemas.kind || typeof object.apiVersion !== 'string') return undefined;
  const [group, version] = object.apiVersion.split('/');
  return group === schemas.group && version !== undefined && schemas.versions.includes(version) ? version : undefined;
}

const celBlockedNotice = (): ReturnType<typeof makeFinding> =>
  makeFinding({
    rule: 'cel-not-checked',
    origin: 'cel',
    severity: 'error',
    path: null,
    type: 'Invalid value',
    value: '"null"',
    detail: 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
  });

/** Same order of work as the API server (FACTS b.1), then runtime parity and lint rules. Never throws on user input. */
export function validateObject(input: unknown, options: ValidateOptions): ValidationResult {
  if (!isRecord(input)) return notAnObject();
  const version = servedVersionOf(input, options.schemas);
  const compiled = version === undefined ? undefined : options.schemas.get(version);
  if (version === undefined || compiled === undefined) return notAnObject();
  const schema = compiled.meta.schema;
  const pruned = pruneUnknownFields(input, schema, options.mode === 'strict' ? 'error' : 'warning');
  const object = applyDefaults(pruned.object, schema) as Record<string, unknown>;
  const schemaFindings = [...checkOpenApi(object, compiled), ...checkListTypes(object, schema)];
  const cel = schemaFindings.some(blocksCel) ? [celBlockedNotice()] : evaluateCelRules(object, schema);
  const ctx: RuleContext = { object, version, mode: options.mode, deprecationWarning: compiled.meta.deprecationWarning };
  const ruled = rules.filter((r) => r.check !== undefined && r.modes.includes(options.mode)).flatMap((r) => r.check!(ctx));
  const findings = [...pruned.findings, ...schemaFindings, ...cel, ...ruled];
  return { object, findings, allowed: !findings.some((f) => f.severity === 'error') };
}
