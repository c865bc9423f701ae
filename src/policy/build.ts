// Builds the ValidatingAdmissionPolicy objects from the registry (pure): one policy with a Deny (or
// the chosen actions) binding for the strict errors CEL can express, one with a Warn binding for the
// lint warnings it can express, and the coverage of every strict rule (for --explain).
import type { SchemaNode } from '../core/schema/types.js';
import { boundsWarnings, searchBounds, type PolicySpecText, type SpecBuilder } from './bounds.js';
import { parseCel } from './cel-parse.js';
import { registryRules, type RegistryRule } from './registry.js';
import { entryFor, type TableContext } from './rule-table.js';
import type { LabelSelector } from './selector.js';
import type { Coverage, PolicyBounds, PolicyValidation, PolicyVariable } from './types.js';

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
  /** The largest inputs the expressions judge (beyond them a check is skipped and the lint policy warns). */
  readonly bounds: PolicyBounds;
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

const NOT_BEING_DELETED = { name: 'not-being-deleted', expression: '!has(object.metadata.deletionTimestamp)' };

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
      ...specText(p),
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

/** The errors part and the lint part (its rules' validations, then the bounds warnings) for given bounds. */
function parts(schema: SchemaNode, bounds: PolicyBounds): { readonly errors: Part; readonly lint: Part } {
  const rules = registryRules().filter(isStrict);
  const ctx: TableContext = { schema, bounds };
  const lint = part(rules, 'warning', ctx);
  return { errors: part(rules, 'error', ctx), lint: { ...lint, validations: [...lint.validations, ...boundsWarnings(schema, bounds)] } };
}

/** A part's matchConditions, variables and validations as printed (and as the cost model prices them). */
function specText(p: Part): PolicySpecText & { readonly validations: readonly Record<string, string>[] } {
  return {
    matchConditions: [NOT_BEING_DELETED],
    variables: p.variables.map((v) => ({ name: v.name, expression: v.expression })),
    validations: p.validations.map((v) => ({
      expression: v.expression,
      // string(): statically a string for the API server's compile check, whatever dyn parts it has.
      ...(v.messageExpression === undefined ? {} : { messageExpression: `string(${v.messageExpression})` }),
      message: v.message,
      reason: 'Invalid',
    })),
  };
}

/** The specs of both policies for trial bounds (what the bounds search prices). */
export const specBuilder =
  (schema: SchemaNode): SpecBuilder =>
  (trial) =>
    Object.values(parts(schema, trial)).map(specText);

const searched = new WeakMap<SchemaNode, PolicyBounds>();

/** The bounds for a schema: the largest counts the cost model proves to fit (searched once per schema). */
export function boundsFor(schema: SchemaNode): PolicyBounds {
  let b = searched.get(schema);
  if (b === undefined) {
    b = searchBounds(specBuilder(schema), schema, parseCel);
    searched.set(schema, b);
  }
  return b;
}

/** The policy for a schema, with the bounds its expressions keep (test/policy prices the printed expressions at them). */
export function buildPolicy(schema: SchemaNode, o: PolicyOptions): BuiltPolicy {
  const bounds = boundsFor(schema);
  const { errors, lint } = parts(schema, bounds);
  const apiVersion = apiVersionFor(o.kubernetesVersion);
  const documents = [policyObject(o.name, errors, apiVersion), bindingObject(o.name, o.validationActions, o, apiVersion)];
  if (o.warnings) {
    const lintName = withSuffix(o.name, '-lint');
    documents.push(policyObject(lintName, lint, apiVersion), bindingObject(lintName, ['Warn'], o, apiVersion));
  }
  return { documents, notes: notesFor(o, bounds), coverage: coverageOf(), bounds };
}

function notesFor(o: PolicyOptions, b: PolicyBounds): string[] {
  const beta =
    o.kubernetesVersion === '1.30'
      ? []
      : [
          `Kubernetes ${o.kubernetesVersion}: ValidatingAdmissionPolicy is beta (admissionregistration.k8s.io/v1beta1). Enable it on the API server with`,
          '--feature-gates=ValidatingAdmissionPolicy=true --runtime-config=admissionregistration.k8s.io/v1beta1=true (GA and on by default from 1.30).',
        ];
  const silent = o.warnings
    ? []
    : [`--warnings off: an object beyond the policy's bounds (more than ${b.tools} tools, see --explain) has those checks skipped without a warning.`];
  return [...beta, ...silent];
}
