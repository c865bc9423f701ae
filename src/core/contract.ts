// The engine's contract, in one leaf module that imports nothing of ours but leaf types: the modes,
// what a finding is, what a schema provider serves and what a judgement returns. Webhook, CLI,
// renderer and every capability speak these types; nothing here depends on how the engine works.
import type { PathSegment } from './field-path.js';
import type { CrdVersionSchema, SchemaNode } from './schema/types.js';

/** `crd`: exactly the API server's verdict; `strict`: also what the operator or vMCP would reject later. */
export const MODES = ['strict', 'crd'] as const;
export type Mode = (typeof MODES)[number];

export type Severity = 'error' | 'warning';
/**
 * input = the file or YAML could not be read as Kubernetes would read it, schema = OpenAPI/structural
 * checks and ObjectMeta, cel = CRD x-kubernetes-validations, runtime = operator/vMCP parity, lint = advice,
 * relations = what the object refers to (other objects of a manifest set or of the cluster).
 */
export type Origin = 'input' | 'schema' | 'cel' | 'runtime' | 'lint' | 'relations';

/** Where in the order of work a rule's findings arise (the API server's order, then ours). */
export type Stage = 'input' | 'document' | 'metadata' | 'schema' | 'cel' | 'rules' | 'relations' | 'render';

/** field.ErrorType strings as the API server prints them. */
export type ErrorType =
  | 'Required value'
  | 'Unsupported value'
  | 'Invalid value'
  | 'Duplicate value'
  | 'Not found'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Internal error'
  | 'Warning';

export interface Finding {
  /** Rule id from the registry (e.g. `cel-ratelimit-requires-redis`). */
  readonly rule: string;
  /** Which entry of the rule's `messages` table the detail was filled from. */
  readonly messageId: string;
  readonly origin: Origin;
  readonly severity: Severity;
  /** API-server field path, or null for object-level lines such as the CEL-blocking notice. */
  readonly field: string | null;
  /** The same path as segments, for locating the node in a source document. */
  readonly path: readonly PathSegment[] | null;
  readonly type: ErrorType;
  /** Already-rendered bad value (`"object"`, `0`, `"Redis"`), absent when the type prints none. */
  readonly value?: string;
  /** The message text alone. */
  readonly detail: string;
  /** The full API-server style line. */
  readonly message: string;
}

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
  /** The structural schema of the version the object was judged against (absent when it was not). */
  readonly schema?: SchemaNode;
}
