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
