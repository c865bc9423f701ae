// What gets judged (CREATE/UPDATE of the main VirtualMCPServer resource) and how the engine's
// findings fold into a verdict, with the real engine on the API-server-shaped fixtures.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadServeConfig } from '../../src/cli/serve-args.js';
import { parseReview, type Review } from '../../src/webhook/admission.js';
import { judge, ratchetNote, skipReason, type ValidateFn } from '../../src/webhook/judge.js';
import { makeValidate } from '../../src/webhook/run-serve.js';
import { fixture } from './helpers/harness.js';

let validate: ValidateFn;
before(async () => {
  const loaded = loadServeConfig([], {});
  assert.ok(loaded.ok);
  validate = await makeValidate(loaded.config);
});

const reviewOf = async (name: string): Promise<Review> => parseReview(await fixture(name)) as Review;

void describe('skipReason', () => {
  const table: Array<[string, string | undefined]> = [
    ['admissionreview-create-v1-valid', undefined],
    ['admissionreview-update-v1-label-on-invalid', undefined],
    ['admissionreview-create-v1-v1alpha1-valid', undefined],
    ['admissionreview-delete-v1-invalid', 'operation DELETE is not checked'],
    ['admissionreview-create-v1-configmap', 'kind ConfigMap is not checked'],
    ['admissionreview-update-v1-status-subresource', 'subresource status is not checked'],
    ['admissionreview-update-v1-being-deleted', 'object is being deleted'],
  ];
  for (const [name, reason] of table) {
    void it(`${name} -> ${reason ?? 'judged'}`, async () => assert.equal(skipReason(await reviewOf(name)), reason));
  }

  void it('CONNECT and unknown versions are not judged', async () => {
    const r = await reviewOf('admissionreview-create-v1-valid');
    assert.equal(skipReason({ ...r, operation: 'CONNECT' }), 'operation CONNECT is not checked');
    assert.equal(skipReason({ ...r, kind: { ...r.kind, version: 'v2' } }), 'version v2 is not checked');
  });
});

void describe('judge', () => {
  void it('ratchets a pre-existing error into a warning on a label update', async () => {
    const j = judge(await reviewOf('admissionreview-update-v1-label-on-invalid'), validate);
    assert.equal(j.outcome, 'allowed');
    assert.deepEqual(j.verdict.allowed && j.verdict.warnings, [`spec: Invalid value: "object": config.rateLimiting requires sessionStorage with provider 'redis'${ratchetNote}`]);
  });

  void it('denies the spec change of an invalid object', async () => {
    const j = judge(await reviewOf('admissionreview-update-v1-spec-change-on-invalid'), validate);
    assert.equal(j.outcome, 'denied');
    assert.equal(j.errors, 1);
  });

  void it('validates oldObject only when the new object has errors', async () => {
    let calls = 0;
    const counting: ValidateFn = (o) => {
      calls += 1;
      return validate(o);
    };
    const r = await reviewOf('admissionreview-update-v1-label-on-invalid');
    judge({ ...r, object: r.oldObject === null ? null : (await reviewOf('admissionreview-create-v1-valid')).object }, counting);
    assert.equal(calls, 1);
    judge(r, counting);
    assert.equal(calls, 3);
  });

  void it('skips without calling the engine', async () => {
    const j = judge(await reviewOf('admissionreview-delete-v1-invalid'), () => assert.fail('engine called'));
    assert.deepEqual(j, { verdict: { allowed: true, warnings: [] }, outcome: 'skipped', errors: 0, warnings: 0, reason: 'operation DELETE is not checked' });
  });
});

void describe('judge: ratcheting correlates rateLimiting.tools by name, not position', () => {
  const tool = (name: string, refillPeriod: string): object => ({ name, shared: { maxTokens: 5, refillPeriod } });
  const update = async (oldTools: object[], newTools: object[]): Promise<Review> => {
    const r = await reviewOf('admissionreview-update-v1-label-on-invalid');
    const withTools = (o: unknown, tools: object[]): object => {
      const x = structuredClone(o) as { spec: Record<string, unknown> };
      x.spec = { ...x.spec, sessionStorage: { provider: 'redis', address: 'redis:6379' }, config: { rateLimiting: { tools } } };
      return x;
    };
    return { ...r, object: withTools(r.object, newTools), oldObject: withTools(r.oldObject, oldTools) };
  };
  void it('a bad tool moved in the list is still pre-existing', async () => {
    const j = judge(await update([tool('a', 'one minute'), tool('b', '1m')], [tool('b', '1m'), tool('a', 'one minute')]), validate);
    assert.equal(j.outcome, 'allowed');
    assert.match((j.verdict.allowed && j.verdict.warnings[0]) || '', /tools\[1\]\.shared\.refillPeriod.*\[pre-existing\]$/);
  });
  void it('another tool taking the bad value at the same position is a new error', async () => {
    const j = judge(await update([tool('a', 'one minute'), tool('b', '1m')], [tool('b', 'one minute'), tool('a', '1m')]), validate);
    assert.equal(j.outcome, 'denied');
  });
  void it('a new tool with a bad value in front of a fixed one is a new error', async () => {
    const j = judge(await update([tool('a', 'one minute')], [tool('b', 'one minute'), tool('a', '1m')]), validate);
    assert.equal(j.outcome, 'denied');
  });
});
