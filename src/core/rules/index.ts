// THE registry: every rule any stage can report — CLI input, document, ObjectMeta, OpenAPI schema, CEL,
// runtime parity, lint, render — in the order of the rules reference; ids unique (tested). Webhook,
// CLI, renderer and the docs read only this.
import { inputRules } from './input-rules.js';
import { celNotChecked, documentKind, documentNotAMapping, documentUnservedVersion, internalError } from './engine-rules.js';
import { celRules } from './cel-rules.js';
import { schemaRules } from './schema-rules.js';
import { renderRules } from './render-rules.js';
import { metadataName } from './metadata-name.js';
import { metadataStringMaps } from './metadata-string-maps.js';
import { metadataLabelsAnnotations } from './metadata-labels-annotations.js';
import { runtimeRefillPeriodDuration } from './runtime-refill-period-duration.js';
import { runtimeRefillPeriodPositive } from './runtime-refill-period-positive.js';
import { runtimeMaxTokensInt32 } from './runtime-max-tokens-int32.js';
import { runtimeInt32Range } from './runtime-int32-range.js';
import { runtimeConfigUnknownKey } from './runtime-config-unknown-key.js';
import { runtimeHealthCheckTimeout } from './runtime-health-check-timeout.js';
import { runtimeUnhealthyThreshold } from './runtime-unhealthy-threshold.js';
import { lintDeprecatedVersion } from './lint-deprecated-version.js';
import { lintBucketNeverBinds } from './lint-bucket-never-binds.js';
import { lintRefillRateImplausible } from './lint-refill-rate-implausible.js';
import { lintConfigSessionStorageIgnored } from './lint-config-session-storage-ignored.js';
import { relationRules } from './relation-rules.js';
import type { Rule, RuleMeta } from './rule.js';

export const rules = [
  ...inputRules,
  documentNotAMapping,
  documentKind,
  documentUnservedVersion,
  ...schemaRules,
  metadataName,
  metadataStringMaps,
  metadataLabelsAnnotations,
  celNotChecked,
  ...celRules,
  runtimeRefillPeriodDuration,
  runtimeRefillPeriodPositive,
  runtimeMaxTokensInt32,
  runtimeInt32Range,
  runtimeConfigUnknownKey,
  runtimeHealthCheckTimeout,
  runtimeUnhealthyThreshold,
  lintDeprecatedVersion,
  lintBucketNeverBinds,
  lintRefillRateImplausible,
  lintConfigSessionStorageIgnored,
  ...relationRules,
  ...renderRules,
  internalError,
] as const;
Object.freeze(rules);

type Registered = (typeof rules)[number];
/** Every id a finding can carry: reporting any other does not type-check. */
export type RuleId = Registered['meta']['id'];
/** The message ids of one rule. */
export type MessageIdOf<Id extends RuleId> = Registered extends infer R ? (R extends Rule<infer I, infer M> ? (Id extends I ? M : never) : never) : never;

const index = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));

/** The registry entry for an id (every finding's `rule` has one). */
export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

/** The meta of a registered id. */
export function metaOf(id: string): RuleMeta | undefined {
  return index.get(id);
}
