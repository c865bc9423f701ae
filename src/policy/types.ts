// The policy's own data: what one registry rule becomes in a ValidatingAdmissionPolicy.

export interface PolicyVariable {
  readonly name: string;
  readonly expression: string;
}

export interface PolicyValidation {
  /** The registry rule this validation enforces (kept in the output as a comment-free annotation list). */
  readonly rule: string;
  readonly expression: string;
  readonly message: string;
  readonly messageExpression?: string;
}

/** How the policy treats one registry rule. */
export type CoverageStatus =
  /** A validation of the Deny (errors) or Warn (lint) policy. */
  | 'covered'
  /** Covered, with a documented difference in the message (see note). */
  | 'covered-partly'
  /** The API server enforces it before any policy runs (CRD schema, CRD CEL rules, ObjectMeta). */
  | 'api-server'
  /** Not in the policy: the note says why. */
  | 'not-covered'
  /** Not a rule on a VirtualMCPServer (CLI input, documents, the renderer, internal errors). */
  | 'not-applicable';

export interface Coverage {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly status: CoverageStatus;
  readonly note: string;
}

/** What a table entry gives for a rule it covers. */
export interface RuleExport {
  readonly variables: readonly PolicyVariable[];
  readonly validations: readonly PolicyValidation[];
}

/**
 * The largest inputs the generated expressions judge (bounds.ts): beyond them a check is skipped,
 * never run into cel-go's cost limit, and the lint policy warns. Counts are found by the cost model;
 * lengths are chosen (docs/policy-cost.md says why each).
 */
export interface PolicyBounds {
  /** Entries of rateLimiting.tools, in the object and in oldObject. */
  readonly tools: number;
  /** Keys directly under spec.config, in the object and in oldObject. */
  readonly configKeys: number;
  /** Entries of a map the int32 check walks (spec.config.outgoingAuth.backends). */
  readonly mapEntries: number;
  /** Code points of a tool name. */
  readonly toolName: number;
  /** Code points of a refillPeriod. */
  readonly refillPeriod: number;
  /** Code points of healthCheckTimeout and healthCheckInterval. */
  readonly healthCheck: number;
  /** Code points of a key of spec.config or of a walked map. */
  readonly mapKey: number;
}
