// THE registry: every rule the engine (and the renderer, src/render) can report, in README order, ids unique (tested). Webhook, CLI
// and renderer read only this; the README rule table is generated from it.
import { celRules } from './cel-rules.js';
import { engineRules } from './engine-rules.js';
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
import type { Rule } from './types.js';

const byId = (id: string): Rule => {
  const r = engineRules.find((e) => e.id === id);
  if (r === undefined) throw new Error(`engine rule ${id} missing`);
  return r;
};

export const rules: readonly Rule[] = Object.freeze([
  byId('document-not-a-mapping'),
  byId('document-kind'),
  byId('document-unserved-version'),
  ...schemaRules,
  metadataName,
  metadataStringMaps,
  metadataLabelsAnnotations,
  byId('cel-not-checked'),
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
  ...renderRules,
  byId('internal-error'),
]);

const index = new Map(rules.map((r) => [r.id, r]));

/** The registry entry for an id (every finding's `rule` has one). */
export function ruleById(id: string): Rule | undefined {
  return index.get(id);
}
