// The validating endpoint over real HTTPS with the real engine: every fixture shaped as the API
// server sends it, the denial and warning texts, dryRun, both AdmissionReview versions, ?timeout=,
// metrics and the per-review log line. Every reply passes the contract check (helpers/contract.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { review, sendChecked } from './helpers/client.js';
import { fixture, startHarness, type Harness } from './helpers/harness.js';
import type { Wire } from './helpers/contract.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.stop());

const redisLine = `spec: Invalid value: "object": config.rateLimiting requires sessionStorage with provider 'redis'`;

void describe('AdmissionReview fixtures', () => {
  const table: Array<[string, boolean, (answer: Wire) => void]> = [
    ['admissionreview-create-v1-valid', true, (a) => assert.equal(a.response.warnings, undefined)],
    ['admissionreview-create-v1-ratelimit-without-redis', false, (a) => assert.equal(a.response.status.message, `VirtualMCPServer "team-tools" is invalid (1 error):\n${redisLine}`)],
    ['admissionreview-create-v1beta1-ratelimit-without-redis', false, (a) => assert.equal(a.apiVersion, 'admission.k8s.io/v1beta1')],
    ['admissionreview-create-v1-dryrun-ratelimit-without-redis', false, (a) => assert.equal(a.response.status.code, 422)],
    ['admissionreview-create-v1-refillperiod-not-a-duration', false, (a) => assert.equal(a.response.status.details.causes.length, 2)],
    ['admissionreview-create-v1-v1alpha1-valid', true, (a) => assert.deepEqual(a.response.warnings, ['toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1'])],
    ['admissionreview-update-v1-label-on-invalid', true, (a) => assert.deepEqual(a.response.warnings, [`${redisLine} [pre-existing]`])],
    ['admissionreview-update-v1-finalizer-on-invalid', true, (a) => assert.deepEqual(a.response.warnings, [`${redisLine} [pre-existing]`])],
    ['admissionreview-update-v1-spec-change-on-invalid', false, (a) => assert.match(a.response.status.message, /requires sessionStorage/)],
    ['admissionreview-update-v1-new-error', false, (a) => assert.match(a.response.status.message, /refillPeriod: Invalid value: "one minute"/)],
    ['admissionreview-update-v1-status-subresource', true, (a) => assert.equal(a.response.warnings, undefined)],
    ['admissionreview-update-v1-being-deleted', true, () => undefined],
    ['admissionreview-delete-v1-invalid', true, () => undefined],
    ['admissionreview-create-v1-configmap', true, () => undefined],
  ];
  for (const [name, allowed, check] of table) {
    void it(`${name} -> ${allowed ? 'allowed' : 'denied'}`, async () => {
      const { answer } = await review(h, await fixture(name));
      assert.equal(answer.response.allowed, allowed, JSON.stringify(answer.response));
      check(answer);
    });
  }
});

void describe('denial texts', () => {
  void it('causes carry field and body exactly as kubectl prints them (The ... is invalid: <field>: <body>)', async () => {
    const { answer } = await review(h, await fixture('admissionreview-create-v1-ratelimit-without-redis'));
    assert.deepEqual(answer.response.status.details, {
      name: 'team-tools',
      group: 'toolhive.stacklok.dev',
      kind: 'VirtualMCPServer',
      causes: [{ field: 'spec', message: `Invalid value: "object": config.rateLimiting requires sessionStorage with provider 'redis'`, reason: 'FieldValueInvalid' }],
    });
  });

  void it('lists every error, one per line, field path first, with the engine texts', async () => {
    const { answer } = await review(h, await fixture('admissionreview-create-v1-refillperiod-not-a-duration'));
    assert.deepEqual(answer.response.status.message.split('\n'), [
      'VirtualMCPServer "team-tools" is invalid (2 errors):',
      'spec.config.rateLimiting.shared.refillPeriod: Invalid value: "one minute": time: invalid duration "one minute"',
      'spec.config.rateLimiting.tools[0].shared.refillPeriod: Invalid value: "0s": tool "search" shared bucket: refillPeriod must be positive, got 0s',
    ]);
  });

  void it('--mode crd would admit what only strict mode rejects (same engine, different mode)', async () => {
    const crd = await startHarness(['--mode', 'crd']);
    try {
      const { answer } = await review(crd, await fixture('admissionreview-create-v1-refillperiod-not-a-duration'));
      assert.equal(answer.response.allowed, true);
    } finally {
      await crd.stop();
    }
  });
});

void describe('dryRun and versions', () => {
  void it('dryRun gets the identical verdict', async () => {
    const wet = await review(h, await fixture('admissionreview-create-v1-ratelimit-without-redis'));
    const dry = await review(h, await fixture('admissionreview-create-v1-dryrun-ratelimit-without-redis'));
    const strip = (a: Wire): Wire => ({ ...a.response, uid: undefined });
    assert.deepEqual(strip(dry.answer), strip(wet.answer));
  });

  void it('v1beta1 reviews are answered as v1beta1 with the same verdict', async () => {
    const v1 = await review(h, await fixture('admissionreview-create-v1-ratelimit-without-redis'));
    const beta = await review(h, await fixture('admissionreview-create-v1beta1-ratelimit-without-redis'));
    assert.equal(beta.answer.apiVersion, 'admission.k8s.io/v1beta1');
    assert.deepEqual(beta.answer.response.status, v1.answer.response.status);
  });
});

void describe('?timeout=', () => {
  void it('answers a review with ?timeout=10s well before the deadline', async () => {
    const started = performance.now();
    const { answer } = await review(h, await fixture('admissionreview-create-v1-ratelimit-without-redis'), '?timeout=10s');
    assert.ok(performance.now() - started < 1000);
    assert.equal(answer.response.status.code, 422);
  });

  void it('answers at once with a clear code-500 denial when the timeout is already spent', async () => {
    const { answer } = await review(h, await fixture('admissionreview-create-v1-valid'), '?timeout=1ms');
    assert.equal(answer.response.allowed, false);
    assert.equal(answer.response.status.code, 500);
    assert.match(answer.response.status.message, /timeout of 1ms/);
  });

  void it('accepts application/json with a charset parameter', async () => {
    const body = await fixture('admissionreview-create-v1-valid');
    const { json } = await sendChecked(h, { headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
    assert.equal(json.response.allowed, true);
  });

  void it('ignores an unreadable timeout', async () => {
    const { answer } = await review(h, await fixture('admissionreview-create-v1-valid'), '?timeout=soon');
    assert.equal(answer.response.allowed, true);
  });
});

void describe('operations', () => {
  void it('logs one JSON line per review with uid, verdict and counts, never the object', async () => {
    const body = await fixture('admissionreview-create-v1-ratelimit-without-redis');
    body.request.uid = 'log-line-check';
    await review(h, body);
    const lines = h.logs.map((l): Wire => JSON.parse(l)).filter((l) => l.uid === 'log-line-check');
    assert.equal(lines.length, 1);
    const { uid, name, operation, dryRun, verdict, errors, warnings, msg } = lines[0];
    assert.deepEqual({ uid, name, operation, dryRun, verdict, errors, warnings, msg }, {
      uid: 'log-line-check', name: 'toolhive/team-tools', operation: 'CREATE', dryRun: false, verdict: 'denied', errors: 1, warnings: 0, msg: 'review',
    });
    assert.equal(typeof lines[0].durationMs, 'number');
    assert.ok(!h.logs.join('').includes('rateLimiting'), 'no object content in logs');
  });

  void it('exposes reviews, sub-millisecond latency buckets, warnings, errors and certificate expiry', async () => {
    await review(h, await fixture('admissionreview-update-v1-label-on-invalid'));
    const { json: text } = await sendChecked(h, { method: 'GET', path: '/metrics' });
    assert.match(text, /vmcp_admission_reviews_total\{operation="CREATE",verdict="denied",dry_run="true",version="v1"\} [1-9]/);
    assert.match(text, /vmcp_admission_reviews_total\{operation="CREATE",verdict="denied",dry_run="false",version="v1beta1"\} [1-9]/);
    assert.match(text, /vmcp_admission_review_duration_seconds_bucket\{le="0.0001",/);
    assert.match(text, /vmcp_admission_warnings_total [1-9]/);
    assert.match(text, /vmcp_admission_errors_total\{code="review_internal"\} [1-9]/);
    const expiry = Number(/^vmcp_admission_serving_cert_expiry_timestamp_seconds (\S+)$/m.exec(text)?.[1]);
    assert.ok(expiry > Date.now() / 1000 + 300 * 86400, `expiry ${expiry}`);
  });

  void it('the ignore annotation silences a warning (counted by rule), never an error; build_info carries the identity', async () => {
    const ignore = (body: Wire, ids: string): Wire => {
      body.request.object.metadata.annotations = { ...body.request.object.metadata.annotations, 'vmcp-admission.toolhive.dev/ignore': ids };
      return body;
    };
    const silenced = await review(h, ignore(await fixture('admissionreview-create-v1-v1alpha1-valid'), 'lint-deprecated-version'));
    assert.deepEqual([silenced.answer.response.allowed, silenced.answer.response.warnings], [true, undefined]);
    const denied = await review(h, ignore(await fixture('admissionreview-create-v1-ratelimit-without-redis'), 'cel-ratelimit-requires-redis'));
    assert.equal(denied.answer.response.allowed, false);
    const { json: text } = await sendChecked(h, { method: 'GET', path: '/metrics' });
    assert.match(text, /^vmcp_admission_ignored_warnings_total\{rule="lint-deprecated-version"\} 1$/m);
    assert.doesNotMatch(text, /ignored_warnings_total\{rule="cel-/);
    assert.match(text, /^vmcp_admission_build_info\{version="\d+\.\d+\.\d+",crd_commit="[0-9a-f]{12}"\} 1$/m);
  });

  void it('healthz and readyz answer 200 while serving', async () => {
    assert.equal((await sendChecked(h, { method: 'GET', path: '/healthz' })).reply.status, 200);
    assert.deepEqual((await sendChecked(h, { method: 'GET', path: '/readyz' })).json, { status: 'ready' });
  });
});
