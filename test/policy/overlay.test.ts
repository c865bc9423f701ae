// manifests/overlays/policy-only: the committed policy is what `vmcp-admission policy` prints today,
// and real `kubectl kustomize` builds the overlay into the two policies and their bindings, without
// any part of the webhook.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { kubectlSkip, kustomize } from '../helpers/kubectl.js';
import { buildPolicy, DEFAULT_POLICY_NAME, printYamlStream } from '../../src/policy/index.js';
import { schema } from './harness.js';

const dir = fileURLToPath(new URL('../../manifests/overlays/policy-only/', import.meta.url));

const generated = buildPolicy(schema, { name: DEFAULT_POLICY_NAME, validationActions: ['Deny'], warnings: true, kubernetesVersion: '1.30' });

void test('the committed validatingadmissionpolicy.yaml is the current `vmcp-admission policy` output (regenerate it when this fails)', () => {
  assert.equal(readFileSync(`${dir}validatingadmissionpolicy.yaml`, 'utf8'), printYamlStream(generated.documents, generated.notes));
});

void test('kubectl kustomize builds the overlay: the policies and bindings, labelled, and nothing of the webhook', { skip: kubectlSkip }, () => {
  const text = kustomize(dir);
  const objects = parseAllDocuments(text).map((d) => d.toJS() as { kind: string; metadata: { name: string; labels: Record<string, string> }; spec: unknown });
  assert.deepEqual(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort(), [
    'ValidatingAdmissionPolicy/vmcp-admission-strict-lint.toolhive.stacklok.dev',
    'ValidatingAdmissionPolicy/vmcp-admission-strict.toolhive.stacklok.dev',
    'ValidatingAdmissionPolicyBinding/vmcp-admission-strict-binding.toolhive.stacklok.dev',
    'ValidatingAdmissionPolicyBinding/vmcp-admission-strict-lint-binding.toolhive.stacklok.dev',
  ]);
  for (const o of objects) assert.equal(o.metadata.labels['app.kubernetes.io/part-of'], 'vmcp-admission');
  const deny = objects.find((o) => o.metadata.name === DEFAULT_POLICY_NAME);
  assert.deepEqual(deny?.spec, generated.documents[0]!.spec);
});
