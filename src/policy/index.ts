// Capability: export the strict rules as a ValidatingAdmissionPolicy (pure; imports only core).
export { buildPolicy, coverageOf, DEFAULT_POLICY_NAME, kubernetesVersions, validationActions, type BuiltPolicy, type KubernetesVersion, type PolicyOptions, type ValidationAction } from './build.js';
export { parseLabelSelector, type LabelSelector } from './selector.js';
export { printExplain, printYamlStream } from './print.js';
export type { Coverage, CoverageStatus } from './types.js';
