// What a rule is (ESLint's rule-module shape): `meta` — id, origin, severity, stage, modes, a one-line
// description and the `messages` table that holds the one copy of each text — and, for rules the
// engine runs itself, a pure `check` that reports by message id. Stages that are not a rule module
// (schema, CEL, render, CLI input) report through `report()` with an id of the registry.
import type { ErrorType, Finding, Mode, Origin, Severity, Stage } from '../contract.js';
import type { PathSegment } from '../field-path.js';
import type { SchemaNode } from '../schema/types.js';

export type MessageData = Readonly<Record<string, string | number>>;

/** Where a finding sits and how the API server types it. */
export interface At {
  readonly path: readonly PathSegment[] | null;
  readonly type: ErrorType;
  /** The rendered bad value (`"object"`, `0`), absent when the type prints none. */
  readonly value?: string;
  /** Overrides the field text derived from `path` (an entry's map, a composite `<nil>` error). */
  readonly field?: string | null;
  /** The mode, for rules whose severity differs between modes. */
  readonly mode?: Mode;
  /** Overrides the registry severity (relation rules under `--refs deny`). */
  readonly severity?: Severity;
  /** A detail that is not filled from the template: a cut warning, a text the CRD itself carries. */
  readonly detail?: string;
}

export interface RuleMeta<Id extends string = string, M extends string = string> {
  readonly id: Id;
  readonly origin: Origin;
  /** One severity, or one per mode. */
  readonly severity: Severity | Readonly<Record<Mode, Severity>>;
  readonly stage: Stage;
  /** Modes in which the rule runs. */
  readonly modes: readonly Mode[];
  /** One line for the rules reference. */
  readonly description: string;
  /** Every text the rule can produce, `{name}` marking a slot (exact upstream strings where known). */
  readonly messages: Readonly<Record<M, string>>;
}

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

/** A rule's own reporter: message ids are its `messages` keys, checked by the compiler. */
export type Reporter<M extends string> = (messageId: M, data: MessageData, at: At) => Finding;

export interface Rule<Id extends string = string, M extends string = string> {
  readonly meta: RuleMeta<Id, M>;
  /** Pure: never throws on user input, no I/O, no clock. Absent for rules another stage reports. */
  readonly check?: (ctx: RuleContext, report: Reporter<M>) => Finding[];
}

/** Keeps the literal id and message ids of a rule for the registry's types. */
export function defineRule<const Id extends string, M extends string>(meta: RuleMeta<Id, M>, check?: (ctx: RuleContext, report: Reporter<M>) => Finding[]): Rule<Id, M> {
  return check === undefined ? { meta } : { meta, check };
}
