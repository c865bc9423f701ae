// The emitted objects against the admissionregistration.k8s.io/v1 shape (field names, required
// fields, enums), as a small JSON Schema of the parts the policy uses, checked with ajv; plus the
// API server's create-time checks the schema cannot say (k/k validation.go, VAP-FACTS §1).
/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are arbitrary JSON, mutated in place */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { parse as parseCel } from '@bufbuild/cel';
import { parseAllDocuments } from 'yaml';
import { buildPolicy, printYamlStream, type PolicyOptions } from '../../src/policy/index.js';
import * as harness from './harness.js';
import { defaultOptions, schema } from './harness.js';

const name = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 };
const strings = { type: 'array', items: { type: 'string' } };
const metadata = { type: 'object', required: ['name'], properties: { name, labels: { type: 'object', additionalProperties: { type: 'string' } }, annotations: { type: 'object', additionalProperties: { type: 'string' } } }, additionalProperties: false };
const selector = {
  type: 'object',
  additionalProperties: false,
  properties: {
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
    matchExpressions: { type: 'array', items: { type: 'object', required: ['key', 'operator'], additionalProperties: false, properties: { key: { type: 'string' }, operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }, values: strings } } },
  },
};
const apiVersion = { enum: ['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1'] };
const expression = { type: 'string', minLength: 1 };

const policySchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion,
    kind: { const: 'ValidatingAdmissionPolicy' },
    metadata,
    spec: {
      type: 'object',
      required: ['matchConstraints', 'validations'],
      additionalProperties: false,
      properties: {
        failurePolicy: { enum: ['Fail', 'Ignore'] },
        matchConstraints: {
          type: 'object',
          required: ['resourceRules'],
          additionalProperties: false,
          properties: {
            matchPolicy: { enum: ['Exact', 'Equivalent'] },
            namespaceSelector: selector,
            objectSelector: selector,
            resourceRules: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                properties: { apiGroups: strings, apiVersions: strings, resources: strings, operations: { type: 'array', items: { enum: ['*', 'CREATE', 'UPDATE', 'DELETE', 'CONNECT'] } }, scope: { enum: ['*', 'Cluster', 'Namespaced'] }, resourceNames: strings },
              },
            },
          },
        },
        matchConditions: { type: 'array', maxItems: 64, items: { type: 'object', required: ['name', 'expression'], additionalProperties: false, properties: { name: { type: 'string', pattern: '^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$' }, expression } } },
        variables: { type: 'array', items: { type: 'object', required: ['name', 'expression'], additionalProperties: false, properties: { name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, expression } } },
        validations: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['expression'],
            additionalProperties: false,
            properties: { expression, message: { type: 'string', pattern: '^[^\\n\\r]*$' }, messageExpression: { type: 'string', pattern: '\\S' }, reason: { enum: ['Unauthorized', 'Forbidden', 'Invalid', 'RequestEntityTooLarge'] } },
          },
        },
      },
    },
  },
};

const bindingSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion,
    kind: { const: 'ValidatingAdmissionPolicyBinding' },
    metadata,
    spec: {
      type: 'object',
      required: ['policyName', 'validationActions'],
      additionalProperties: false,
      properties: {
        policyName: name,
        validationActions: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['Deny', 'Warn', 'Audit'] }, not: { allOf: [{ contains: { const: 'Deny' } }, { contains: { const: 'Warn' } }] } },
        matchResources: { type: 'object', additionalProperties: false, properties: { namespaceSelector: selector, objectSelector: selector } },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: true });
const checkPolicy = ajv.compile(policySchema);
const checkBinding = ajv.compile(bindingSchema);

const variants: PolicyOptions[] = [
  defaultOptions,
  { ...defaultOptions, warnings: false },
  { ...defaultOptions, kubernetesVersion: '1.28', validationActions: ['Warn', 'Audit'] },
  { ...defaultOptions, namespaceSelector: { matchLabels: { team: 'a' }, matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] } },
];

/** The objects as kubectl reads them back from the printed stream. */
const printed = (o: PolicyOptions): Record<string, any>[] => {
  const b = buildPolicy(schema, o);
  return parseAllDocuments(printYamlStream(b.documents, b.notes)).map((d) => d.toJS() as Record<string, any>);
};

void test('every emitted policy and binding has the admissionregistration.k8s.io/v1 shape', () => {
  for (const o of variants) {
    const docs = printed(o);
    assert.equal(docs.length, o.warnings ? 4 : 2);
    for (const d of docs) {
      const check = d.kind === 'ValidatingAdmissionPolicy' ? checkPolicy : checkBinding;
      assert.ok(check(d), `${d.kind} ${d.metadata?.name}: ${ajv.errorsText(check.errors)}`);
    }
  }
});

void test('the schema rejects what the API server rejects (so the check above can fail)', () => {
  const [policy, binding] = printed(defaultOptions);
  assert.equal(checkBinding({ ...binding, spec: { ...binding!.spec, validationActions: ['Deny', 'Warn'] } }), false);
  assert.equal(checkPolicy({ ...policy, spec: { ...policy!.spec, validations: [] } }), false);
  assert.equal(checkPolicy({ ...policy, spec: { ...policy!.spec, validations: [{ expression: 'true', message: 'two\nlines' }] } }), false);
  assert.equal(checkPolicy({ ...policy, spec: { ...policy!.spec, failurePolicy: 'Deny' } }), false);
});

void test('bindings name their policy; apiVersion follows --kubernetes-version; the 1.28/1.29 stream starts with the feature-gate note', () => {
  const docs = printed(defaultOptions);
  assert.equal(docs[1]!.spec.policyName, docs[0]!.metadata.name);
  assert.equal(docs[3]!.spec.policyName, docs[2]!.metadata.name);
  assert.deepEqual(docs[3]!.spec.validationActions, ['Warn']);
  assert.ok(docs.every((d) => d.apiVersion === 'admissionregistration.k8s.io/v1'));
  const beta = buildPolicy(schema, { ...defaultOptions, kubernetesVersion: '1.29' });
  assert.ok(beta.documents.every((d) => d.apiVersion === 'admissionregistration.k8s.io/v1beta1'));
  assert.match(printYamlStream(beta.documents, beta.notes), /^# Kubernetes 1\.29: .*v1beta1.*\n# --feature-gates=ValidatingAdmissionPolicy=true --runtime-config=admissionregistration\.k8s\.io\/v1beta1=true/);
});

void test('every expression compiles, reads only earlier variables, and uses no optional types (1.28) and no duration() (evaluation errors, engine differences)', () => {
  for (const d of printed(defaultOptions).filter((x) => x.kind === 'ValidatingAdmissionPolicy')) {
    const names: string[] = (d.spec.variables ?? []).map((v: { name: string }) => v.name);
    const all: { where: string; text: string }[] = [
      ...(d.spec.matchConditions ?? []).map((c: any) => ({ where: `matchCondition ${c.name}`, text: c.expression })),
      ...(d.spec.variables ?? []).map((v: any) => ({ where: `variable ${v.name}`, text: v.expression })),
      ...d.spec.validations.flatMap((v: any, i: number) => [{ where: `validation ${i}`, text: v.expression }, ...(v.messageExpression === undefined ? [] : [{ where: `messageExpression ${i}`, text: v.messageExpression }])]),
    ];
    for (const e of all) {
      assert.doesNotThrow(() => parseCel(e.text), e.where);
      assert.doesNotMatch(e.text, /\.\?|\?\.|orValue|duration\(/, e.where);
      if (e.where.startsWith('messageExpression')) assert.match(e.text, /^string\(.*\)$/, `${e.where} is statically a string`);
      for (const m of e.text.matchAll(/variables\.(\w+)/g)) {
        const at = e.where.startsWith('variable ') ? names.indexOf(e.where.slice(9)) : names.length;
        assert.ok(names.indexOf(m[1]!) >= 0 && names.indexOf(m[1]!) < at, `${e.where} reads variables.${m[1]} before it is defined`);
      }
    }
  }
});

void test('the policy matches v1beta1 and v1alpha1 alike, so both served versions must give the same validations', () => {
  const { schemas } = harness;
  const of = (v: string): unknown => buildPolicy(schemas.get(v)!.meta.schema, defaultOptions).documents;
  assert.deepEqual(schemas.versions.slice().sort(), ['v1alpha1', 'v1beta1']);
  assert.deepEqual(of('v1alpha1'), of('v1beta1'));
});
