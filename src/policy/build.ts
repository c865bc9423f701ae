// Builds the ValidatingAdmissionPolicy objects from the registry (pure): one policy with a Deny (or
// the chosen actions) binding for the strict errors CEL can express, one with a Warn binding for the
// lint warnings it can express, and the coverage of every strict rule (for --explain).
import type { SchemaNode } from '../core/schema/types.js';
import { registryRules, type RegistryRule } from './registry.js';
import { entryFor, type TableContext } from './rule-table.js';
import type { LabelSelector } from './selector.js';
import type { Coverage, PolicyValidation, PolicyVariable } from './types.js';

export const validationActions = ['Deny', 'Warn', 'Audit'] as const;
export type ValidationAction = (typeof validationActions)[number];
export const kubernetesVersions = ['1.28', '1.29', '1.30'] as const;
export type KubernetesVersion = (typeof kubernetesVersions)[number];

export interface PolicyOptions {
  readonly name: string;
  readonly namespaceSelector?: LabelSelector;
  readonly validationActions: readonly ValidationAction[];
  readonly warnings: boolean;
  readonly kubernetesVersion: KubernetesVersion;
}

export const DEFAULT_POLICY_NAME = 'vmcp-admission-strict.toolhive.stacklok.dev';
export const GROUP = 'toolhive.stacklok.dev';
export const SERVED_VERSIONS = ['v1beta1', 'v1alpha1'] as const;
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'vmcp-admission' };
export const RULES_ANNOTATION = 'vmcp-admission.toolhive.stacklok.dev/rules';

export interface BuiltPolicy {
  /** Policy, binding, then (unless warnings are off) the lint policy and its Warn binding. */
  readonly documents: readonly Record<string, unknown>[];
  /** Comment lines for the top of the YAML stream (the beta note for 1.28/1.29). */
  readonly notes: readonly string[];
  /** Every strict rule of the registry and what the policy does with it. */
  readonly coverage: readonly Coverage[];
}

interface Part {
  readonly rules: readonly string[];
  readonly variables: readonly PolicyVariable[];
  readonly validations: readonly PolicyValidation[];
}

/** The covered rules of one severity, their variables merged by name in first-use order. */
function part(rules: readonly RegistryRule[], severity: 'error' | 'warning', ctx: TableContext): Part {
  const variables = new Map<string, PolicyVariable>();
  const validations: PolicyValidation[] = [];
  const ids: string[] = [];
  for (const r of rules) {
    const e = entryFor(r);
    if (r.severity !== severity || e.build === undefined) continue;
    const out = e.build(ctx);
    for (const v of out.variables) if (!variables.has(v.name)) variables.set(v.name, v);
    validations.push(...out.validations);
    ids.push(r.id);
  }
  return { rules: ids, variables: [...variables.values()], validations };
}

/** `suffix` after the first DNS label: `vmcp-strict.example.com` → `vmcp-strict-binding.example.com`. */
export const withSuffix = (name: string, suffix: string): string => {
  const dot = name.indexOf('.');
  return dot < 0 ? `${name}${suffix}` : `${name.slice(0, dot)}${suffix}${name.slice(dot)}`;
};

const apiVersionFor = (k: KubernetesVersion): string => (k === '1.30' ? 'admissionregistration.k8s.io/v1' : 'admissionregistration.k8s.io/v1beta1');

function policyObject(name: string, p: Part, apiVersion: string): Record<string, unknown> {
  return {
    apiVersion,
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name, labels: MANAGED_BY, annotations: { [RULES_ANNOTATION]: p.rules.join(',') } },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        matchPolicy: 'Equivalent',
        resourceRules: [{ apiGroups: [GROUP], apiVersions: [...SERVED_VERSIONS], operations: ['CREATE', 'UPDATE'], resources: ['virtualmcpservers'] }],
      },
      matchConditions: [{ name: 'not-being-deleted', expression: '!has(object.metadata.deletionTimestamp)' }],
      variables: p.variables.map((v) => ({ name: v.name, expression: v.expression })),
      validations: p.validations.map((v) => ({
        expression: v.expression,
        // string(): statically a string for the API server's compile check, whatever dyn parts it has.
        ...(v.messageExpression === undefined ? {} : { messageExpression: `string(${v.messageExpression})` }),
        message: v.message,
        reason: 'Invalid',
      })),
    },
  };
}

function bindingObject(policy: string, actions: readonly ValidationAction[], o: PolicyOptions, apiVersion: string): Record<string, unknown> {
  return {
    apiVersion,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: withSuffix(policy, '-binding'), labels: MANAGED_BY },
    spec: {
      policyName: policy,
      validationActions: [...actions],
      ...(o.namespaceSelector === undefined ? {} : { matchResources: { namespaceSelector: o.namespaceSelector } }),
    },
  };
}

/** Whether a rule runs in strict mode (the mode the policy stands for). */
const isStrict = (r: RegistryRule): boolean => r.modes.includes('strict');

export function coverageOf(rules: readonly RegistryRule[] = registryRules()): Coverage[] {
  return rules.filter(isStrict).map((r) => {
    const e = entryFor(r);
    return { rule: r.id, severity: r.severity, status: e.status, note: e.note };
  });
}

export function buildPolicy(schema: SchemaNode, o: PolicyOptions): BuiltPolicy {
  const rules = registryRules().filter(isStrict);
  const ctx: TableContext = { schema };
  const apiVersion = apiVersionFor(o.kubernetesVersion);
  const errors = part(rules, 'error', ctx);
  const documents = [policyObject(o.name, errors, apiVersion), bindingObject(o.name, o.validationActions, o, apiVersion)];
  if (o.warnings) {
    const lint = part(rules, 'warning', ctx);
    const lintName = withSuffix(o.name, '-lint');
    documents.push(policyObject(lintName, lint, apiVersion), bindingObject(lintName, ['Warn'], o, apiVersion));
  }
  const notes =
    o.kubernetesVersion === '1.30'
      ? []
      : [
          `Kubernetes ${o.kubernetesVersion}: ValidatingAdmissionPolicy is beta (admissionregistration.k8s.io/v1beta1). Enable it on the API server with`,
          '--feature-gates=ValidatingAdmissionPolicy=true --runtime-config=admissionregistration.k8s.io/v1beta1=true (GA and on by default from 1.30).',
        ];
  return { documents, notes, coverage: coverageOf() };
}
