// The anti-corruption layer without HTTP: which bodies are reviews, what a parsed review holds, and
// the exact answer shapes (uid echo, apiVersion echo, causes split like the API server's).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingOf } from '../core/finding-helper.js';
import { isReviewError, parseReview, toResponse, type Review } from '../../src/webhook/admission.js';
import { denialMessage, toCause } from '../../src/webhook/admission-response.js';
import { fixture } from './helpers/harness.js';

void describe('parseReview', () => {
  void it('reads a CREATE as the API server sends it', async () => {
    const review = parseReview(await fixture('admissionreview-create-v1-valid')) as Review;
    assert.equal(isReviewError(review), false);
    assert.equal(review.apiVersion, 'admission.k8s.io/v1');
    assert.deepEqual(review.kind, { group: 'toolhive.stacklok.dev', version: 'v1beta1', kind: 'VirtualMCPServer' });
    assert.equal(review.resource, 'virtualmcpservers');
    assert.deepEqual([review.operation, review.name, review.namespace, review.subResource, review.dryRun], ['CREATE', 'team-tools', 'toolhive', '', false]);
    assert.equal(review.oldObject, null);
  });

  void it('reads a DELETE with object null and the stored object as oldObject', async () => {
    const review = parseReview(await fixture('admissionreview-delete-v1-invalid')) as Review;
    assert.equal(review.operation, 'DELETE');
    assert.equal(review.object, null);
    assert.equal((review.oldObject as { kind: string }).kind, 'VirtualMCPServer');
  });

  void it('reads dryRun and the status subresource', async () => {
    assert.equal((parseReview(await fixture('admissionreview-create-v1-dryrun-ratelimit-without-redis')) as Review).dryRun, true);
    assert.equal((parseReview(await fixture('admissionreview-update-v1-status-subresource')) as Review).subResource, 'status');
  });

  void it('takes the name from metadata.generateName when request.name is empty', async () => {
    const body = await fixture('admissionreview-create-v1-valid');
    body.request.name = '';
    body.request.object.metadata = { generateName: 'team-' };
    assert.equal((parseReview(body) as Review).name, 'team-');
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['null', null, /^body:/],
    ['array', [], /^body:/],
    ['wrong apiVersion', { apiVersion: 'admission.k8s.io/v2', kind: 'AdmissionReview', request: {} }, /^apiVersion: must be one of admission.k8s.io\/v1, admission.k8s.io\/v1beta1$/],
    ['wrong kind', { apiVersion: 'admission.k8s.io/v1', kind: 'Status', request: {} }, /^kind:/],
    ['request missing', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }, /^request:/],
    ['uid missing', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { operation: 'CREATE' } }, /^request\.uid:/],
    ['operation unknown', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u', operation: 'GET' } }, /^request\.operation: must be one of CREATE, UPDATE, DELETE, CONNECT$/],
    ['kind missing', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u', operation: 'CREATE' } }, /^request\.kind:/],
    ['object not an object', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u', operation: 'CREATE', kind: { kind: 'K', version: 'v1' }, object: 3 } }, /^request\.object:/],
  ];
  for (const [what, body, message] of bad) {
    void it(`rejects ${what}, naming the field`, () => {
      const result = parseReview(body);
      assert.ok(isReviewError(result));
      assert.match(result.reviewError, message);
    });
  }
});

const target = { apiVersion: 'admission.k8s.io/v1beta1' as const, uid: 'u-1', name: 'demo', kind: { group: 'toolhive.stacklok.dev', version: 'v1beta1', kind: 'VirtualMCPServer' } };
const missing = findingOf('schema-required', { path: ['spec', 'groupRef'], type: 'Required value', detail: '' });
const notice = findingOf('cel-not-checked', { path: null, type: 'Invalid value', value: '"null"', detail: 'some validation rules were not checked' });

void describe('toResponse', () => {
  void it('allows with the uid and apiVersion echoed and no status or patch', () => {
    assert.deepEqual(toResponse(target, { allowed: true, warnings: [] }), { apiVersion: 'admission.k8s.io/v1beta1', kind: 'AdmissionReview', response: { uid: 'u-1', allowed: true } });
  });

  void it('denies with reason Invalid, the message lines and one cause per error', () => {
    const answer = toResponse(target, { allowed: false, code: 422, errors: [missing, notice], warnings: ['w'] });
    assert.deepEqual(answer.response, {
      uid: 'u-1',
      allowed: false,
      warnings: ['w'],
      status: {
        code: 422,
        reason: 'Invalid',
        message: 'VirtualMCPServer "demo" is invalid (2 errors):\nspec.groupRef: Required value\n<nil>: Invalid value: "null": some validation rules were not checked',
        details: {
          name: 'demo',
          group: 'toolhive.stacklok.dev',
          kind: 'VirtualMCPServer',
          causes: [
            { field: 'spec.groupRef', message: 'Required value', reason: 'FieldValueRequired' },
            { field: '<nil>', message: 'Invalid value: "null": some validation rules were not checked', reason: 'FieldValueInvalid' },
          ],
        },
      },
    });
  });

  void it('reports an internal error as code 500 InternalError', () => {
    const answer = toResponse(target, { allowed: false, code: 500, message: 'boom' });
    assert.deepEqual(answer.response.status, { code: 500, reason: 'InternalError', message: 'boom' });
  });

  void it('names an object without a name by its kind alone', () => {
    assert.equal(denialMessage('VirtualMCPServer', '', [missing]), 'VirtualMCPServer is invalid (1 error):\nspec.groupRef: Required value');
    assert.deepEqual(toCause(missing), { field: 'spec.groupRef', message: 'Required value', reason: 'FieldValueRequired' });
  });
});
