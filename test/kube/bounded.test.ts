// settlesWithin (a bounded wait for shutdown work) and boundedCondition (waiting for caches or the
// first CRD read, at most so long): src/kube/bounded.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundedCondition, settlesWithin } from '../../src/kube/bounded.js';

void test('true when the work finishes in time, false when it does not, its failure thrown', async () => {
  assert.equal(await settlesWithin(Promise.resolve('done'), 1000), true);
  assert.equal(await settlesWithin(new Promise(() => undefined), 20), false);
  await assert.rejects(settlesWithin(Promise.reject(new Error('stop failed')), 1000), /stop failed/);
});

void test('boundedCondition: true at once when it holds, true as soon as a check sees it hold, false after the bound', async () => {
  let value = false;
  const c = boundedCondition(() => value);
  assert.equal(await c.wait(20), false, 'the bound passes without the condition');
  const started = Date.now();
  const waiting = [c.wait(60_000), c.wait(60_000)];
  c.check(); // still false: nobody wakes
  value = true;
  c.check();
  assert.deepEqual(await Promise.all(waiting), [true, true]);
  assert.ok(Date.now() - started < 10_000, 'woken by check, not by the 60 s bound');
  assert.equal(await c.wait(60_000), true, 'holds already: no wait');
});

void test('boundedCondition: a bound past setTimeout\'s 2^31-1 ms still waits (it is clamped, not fired at once)', async () => {
  let value = false;
  const c = boundedCondition(() => value);
  let settled = false;
  const waiting = c.wait(600 * 3_600_000).then((v) => ((settled = true), v));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(settled, false, '600 h is not 1 ms');
  value = true;
  c.check();
  assert.equal(await waiting, true);
});
