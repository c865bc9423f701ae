// A rule is a small named unit: id, origin, severity, docs, messages, and a pure check.
import type { Finding, Origin, Severity } from '../finding.js';
import type { SchemaNode } from '../schema/types.js';
import type { Mode } from '../validate.js';

export interface RuleContext {
  /** The object after pruning and CRD defaulting (what the API server stores). */
  readonly object: Readonly<Record<string, unknown>>;
  /** The object as submitted, before pruning and defaulting (to tell defaulted values from written ones). */
  readonly input: Readonly<Record<string, unknown>>;
  /** Structural schema of the served version (known keys, types). */
  readonly schema: SchemaNode;
  /** Served CRD version of the object (`v1beta1`, `v1alpha1`). */
  readonly version: string;
  readonly mode: Mode;
  readonly deprecationWarning?: string;
}

export interface Rule {
  readonly id: string;
  readonly origin: Origin;
  readonly severity: Severity;
  /** One line for the README rule table. */
  readonly description: string;
  /**
   * Every message text this rule can produce, `{name}` marking a slot (exact upstream strings where
   * docs/upstream-behaviour.md gives one). Empty for CEL rules: their message is the CRD's, kept in schemas/ only.
   */
  readonly messages: Readonly<Record<string, string>>;
  /** Modes in which the rule runs; schema/cel rules are driven by the CRD and have no check. */
  readonly modes: readonly Mode[];
  /**
   * `metadata`: part of the API server's ObjectMeta validation, which runs before the OpenAPI check;
   * its findings come first and its Required / Too long errors stop CEL like schema errors do.
   * Absent: runs after CEL.
   */
  readonly stage?: 'metadata';
  readonly check?: (ctx: RuleContext) => Finding[];
}
