// Bad requests never crash or hang the webhook: each gets the status from the one mapping table
// (src/webhook/errors.ts) with a JSON body, and the server keeps answering afterwards. A bug while
// judging a well-formed review still yields a contract-valid review with code 500.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { review, sendChecked, type SendOptions } from './helpers/client.js';
import { fixture, startHarness, type Harness } from './helpers/harness.js';
import type { Wire } from './helpers/contract.js';

let h: Harness;
let valid: Wire;
before(async () => {
  h = await startHarness();
  valid = await fixture('admissionreview-create-v1-valid');
});
after(async () => h.stop());

const json = { 'content-type': 'application/json' };
const withRequest = (patch: (r: Wire) => void): string => {
  const body = structuredClone(valid);
  patch(body.request);
  return JSON.stringify(body);
};
const deep = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

void describe('malformed requests', () => {
  const table: Array<[string, () => SendOptions, number, string]> = [
    ['invalid JSON', () => ({ headers: json, body: '{"apiVersion": ' }), 400, 'VMCP_ERR_BODY_NOT_JSON'],
    ['empty body', () => ({ headers: json, body: '' }), 400, 'VMCP_ERR_BODY_NOT_JSON'],
    ['wrong content type', () => ({ headers: { 'content-type': 'text/plain' }, body: JSON.stringify(valid) }), 415, 'VMCP_ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['yaml content type', () => ({ headers: { 'content-type': 'application/yaml' }, body: 'kind: AdmissionReview' }), 415, 'VMCP_ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['no content type', () => ({ headers: {}, body: JSON.stringify(valid) }), 415, 'VMCP_ERR_UNSUPPORTED_MEDIA_TYPE'],
    ['body over 7 MiB', () => ({ headers: json, body: ' '.repeat(7 * 1024 * 1024 + 1) }), 413, 'VMCP_ERR_BODY_TOO_LARGE'],
    ['JSON array', () => ({ headers: json, body: '[]' }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['JSON string', () => ({ headers: json, body: '"AdmissionReview"' }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['not an AdmissionReview', () => ({ headers: json, body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap' }) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['unknown admission version', () => ({ headers: json, body: JSON.stringify({ ...valid, apiVersion: 'admission.k8s.io/v2' }) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['no request', () => ({ headers: json, body: JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['missing uid', () => ({ headers: json, body: withRequest((r) => delete r.uid) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['empty uid', () => ({ headers: json, body: withRequest((r) => (r.uid = '')) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['unknown operation', () => ({ headers: json, body: withRequest((r) => (r.operation = 'PATCH')) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['object is a string', () => ({ headers: json, body: withRequest((r) => (r.object = 'x')) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['deeply nested JSON', () => ({ headers: json, body: deep(100_000) }), 400, 'VMCP_ERR_REVIEW_MALFORMED'],
    ['GET on the validating path', () => ({ method: 'GET', headers: {} }), 404, 'VMCP_ERR_NOT_FOUND'],
    ['unknown path', () => ({ path: '/mutate', headers: json, body: '{}' }), 404, 'VMCP_ERR_NOT_FOUND'],
  ];
  for (const [what, opts, status, code] of table) {
    void it(`${what} -> ${status} ${code}`, async () => {
      const { reply, json: body } = await sendChecked(h, opts());
      assert.equal(reply.status, status, reply.body);
      assert.equal(body.code, code);
    });
  }

  void it('judges a deeply nested object inside a real review without crashing', async () => {
    const body = structuredClone(valid);
    body.request.object.spec.podTemplateSpec = 'DEEP';
    const text = JSON.stringify(body).replace('"DEEP"', deep(20_000));
    const { reply, json: answer } = await sendChecked(h, { headers: json, body: text });
    assert.equal(reply.status, 200);
    assert.equal(typeof answer.response.allowed, 'boolean');
  });

  void it('judges a 6 MiB review (a large pod template) within the body limit', async () => {
    const body = structuredClone(valid);
    // Not in an annotation: the API server caps annotations at 256 KiB (and so does the engine).
    body.request.object.spec.podTemplateSpec = { spec: { containers: [{ name: 'vmcp', env: [{ name: 'BIG', value: 'x'.repeat(6 * 1024 * 1024) }] }] } };
    const { answer } = await review(h, body);
    assert.equal(answer.response.allowed, true);
  });

  void it('is still healthy after all of the above', async () => {
    assert.equal((await sendChecked(h, { method: 'GET', path: '/healthz' })).reply.status, 200);
    assert.equal((await review(h, valid)).answer.response.allowed, true);
  });
});

void describe('internal errors on a well-formed review', () => {
  void it('answers 200 with allowed false, code 500 and the uid, and logs the uid', async () => {
    const broken = await startHarness([], () => {
      throw new Error('engine exploded');
    });
    try {
      const { answer } = await review(broken, valid);
      assert.equal(answer.response.allowed, false);
      assert.equal(answer.response.status.code, 500);
      assert.equal(answer.response.status.reason, 'InternalError');
      assert.match(answer.response.status.message, new RegExp(`internal error \\(uid ${valid.request.uid}\\)`));
      const logged = broken.logs.map((l): Wire => JSON.parse(l)).find((l) => l.msg === 'internal error while judging a review');
      assert.equal(logged?.uid, valid.request.uid);
      assert.match(logged?.err?.message ?? '', /engine exploded/);
    } finally {
      await broken.stop();
    }
  });
});
