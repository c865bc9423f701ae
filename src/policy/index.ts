// Capability: export the strict rules as a ValidatingAdmissionPolicy (pure; imports only core).
export { boundsFor, buildPolicy, coverageOf, DEFAULT_POLICY_NAME, kubernetesVersions, validationActions, type BuiltPolicy, type KubernetesVersion, type PolicyOptions, type ValidationAction } from './build.js';
export { parseLabelSelector, type LabelSelector } from './selector.js';
export { printBounds, printExplain, printYamlStream } from './print.js';
export type { CelAst, CelParser } from './cel-ast.js';
export type { Coverage, CoverageStatus, PolicyBounds } from './types.js';
