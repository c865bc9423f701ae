// The README's kube section shows what a user will see: the kubectl output there is derived here
// from the webhook's real answer (parseReview -> judge -> toResponse) for the example file, passed
// through the API server's and kubectl's formatting (kubectl-output.ts), and the names it uses
// match the manifests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { validateObject } from '../../src/core/validate.js';
import { isReviewError, parseReview, toResponse } from '../../src/webhook/admission.js';
import { judge } from '../../src/webhook/judge.js';
import { kubectlDenial, type WebhookStatus } from './kubectl-output.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const section = readme.slice(readme.indexOf('<!-- BEGIN kube -->'), readme.indexOf('<!-- END kube -->'));
const config = parse(read('manifests/base/validatingwebhookconfiguration.yaml')) as { metadata: { name: string }; webhooks: { name: string }[] };
const webhookName = config.webhooks[0]!.name;

async function webhookStatus(file: string): Promise<WebhookStatus | undefined> {
  const schemas = await loadBuiltinSchemas();
  const object = parse(read(file)) as { metadata: { name: string; namespace: string } };
  const gvk = { group: 'toolhive.stacklok.dev', version: 'v1beta1', kind: 'VirtualMCPServer' };
  const review = parseReview({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: '0d4d8a62-3f1e-4c4b-9a39-0b1c7f1f8e21',
      kind: gvk,
      resource: { group: gvk.group, version: gvk.version, resource: 'virtualmcpservers' },
      requestKind: gvk,
      requestResource: { group: gvk.group, version: gvk.version, resource: 'virtualmcpservers' },
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      operation: 'CREATE',
      userInfo: { username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
      object,
      oldObject: null,
      dryRun: true,
      options: { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1', dryRun: ['All'], fieldManager: 'kubectl-client-side-apply' },
    },
  });
  if (isReviewError(review)) throw new Error(review.reviewError);
  const { verdict } = judge(review, (o) => validateObject(o, { mode: 'strict', schemas }));
  return toResponse({ apiVersion: review.apiVersion, uid: review.uid, name: review.name, kind: review.kind }, verdict).response.status;
}

void test('the README shows exactly what kubectl prints for the invalid example', async () => {
  const file = 'examples/refillperiod-not-a-duration.yaml';
  const status = await webhookStatus(file);
  assert.ok(status, 'the example is denied');
  const printed = kubectlDenial(webhookName, status, file);
  assert.ok(section.includes(`$ kubectl apply --dry-run=server -f ${file}\n${printed}$ echo $?\n1\n`), `README shows:\n${printed}`);
  assert.ok(section.includes(`admission webhook "${webhookName}" denied the request: ${status.message!.split('\n')[0]}`));
});

void test('the valid example is admitted, and the escape hatch names the real configuration', async () => {
  assert.equal(await webhookStatus('examples/ratelimit-valid.yaml'), undefined);
  assert.ok(section.includes(`kubectl delete validatingwebhookconfiguration ${config.metadata.name}\n`));
});

void test('kubectl formatting: one cause on one line, other reasons as Error from server', () => {
  const one = { code: 422, reason: 'Invalid', message: 'x', details: { name: 'n', kind: 'K', causes: [{ field: 'spec', message: 'Required value' }] } };
  assert.equal(kubectlDenial('w.example.com', one, 'f.yaml'), 'The K "n" is invalid: spec: Required value\n');
  assert.equal(
    kubectlDenial('w.example.com', { code: 500, reason: 'InternalError', message: 'boom' }, 'f.yaml'),
    'Error from server (InternalError): error when creating "f.yaml": admission webhook "w.example.com" denied the request: boom\n',
  );
});
