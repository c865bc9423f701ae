// The API server's contract for a webhook answer, checked on EVERY response the suite receives
// (client.ts calls it): a review gets HTTP 200 with the same apiVersion and kind, the request's uid,
// no patch, a well-formed status when denied and bounded single-line warnings; anything else gets
// a JSON error body with a stable VMCP_ERR_ code.
import assert from 'node:assert/strict';

/** JSON as it travels on the wire; the assertions below are what give it shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON from the wire
export type Wire = any;

export interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function assertWarnings(warnings: unknown): void {
  if (warnings === undefined) return;
  assert.ok(Array.isArray(warnings), 'warnings must be an array');
  assert.equal(new Set(warnings).size, warnings.length, 'warnings must be unique');
  let total = 0;
  for (const w of warnings) {
    assert.equal(typeof w, 'string');
    assert.ok(w.length > 0 && w.length <= 120, `warning longer than 120: ${w}`);
    assert.ok(![...w].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f)), 'warning with a control character');
    assert.doesNotMatch(w, /^warning:/i, 'warning with its own prefix');
    total += w.length;
  }
  assert.ok(total < 4096 / 2, `warnings use ${total} characters`);
}

function assertStatus(status: Wire): void {
  assert.equal(typeof status, 'object', 'a denial carries a status');
  assert.ok(Number.isInteger(status.code) && status.code >= 400 && status.code < 600, `status.code ${status.code}`);
  assert.equal(typeof status.message, 'string');
  assert.ok(status.message.length > 0);
  assert.ok(status.message.split('\n')[0].trim().length > 10, 'the first line stands on its own');
  if (status.code === 422) {
    assert.equal(status.reason, 'Invalid');
    assert.ok(Array.isArray(status.details.causes) && status.details.causes.length > 0, 'a 422 lists its causes');
    for (const c of status.details.causes) {
      assert.equal(typeof c.field, 'string');
      assert.equal(typeof c.message, 'string');
      assert.match(c.reason, /^(FieldValue[A-Za-z]+|InternalError)$/);
    }
    const [head, ...lines] = status.message.split('\n');
    assert.match(head, /^\S+( ".*")? is invalid \(\d+ errors?\):$/);
    assert.deepEqual(lines, status.details.causes.map((c: Wire) => `${c.field}: ${c.message}`), 'one line per cause, field path first');
  }
}

export function assertReviewContract(request: Wire, reply: RawReply): Wire {
  assert.equal(reply.status, 200, `a review is always answered 200, got ${reply.status}: ${reply.body}`);
  assert.match(String(reply.headers['content-type']), /^application\/json/);
  const body = JSON.parse(reply.body);
  assert.deepEqual(Object.keys(body).sort(), ['apiVersion', 'kind', 'response']);
  assert.equal(body.apiVersion, request.apiVersion);
  assert.equal(body.kind, 'AdmissionReview');
  assert.equal(body.response.uid, request.request.uid);
  assert.equal(typeof body.response.allowed, 'boolean');
  assert.equal(body.response.patch, undefined, 'never a patch');
  assert.equal(body.response.patchType, undefined, 'never a patch');
  if (!body.response.allowed) assertStatus(body.response.status);
  else assert.equal(body.response.status, undefined);
  assertWarnings(body.response.warnings);
  return body;
}

export function assertErrorContract(reply: RawReply): Wire {
  assert.ok(reply.status >= 400 && reply.status < 600, `error status ${reply.status}`);
  assert.match(String(reply.headers['content-type']), /^application\/json/);
  const body = JSON.parse(reply.body);
  assert.equal(body.statusCode, reply.status);
  assert.match(body.code, /^VMCP_ERR_[A-Z_]+$/);
  assert.equal(typeof body.message, 'string');
  return body;
}
