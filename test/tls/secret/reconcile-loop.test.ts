// One reconcile at a time: bursts of kicks collapse, failures are retried with a growing delay,
// successes resync on their own, stop() waits for the run in progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveTimings } from '../../../src/tls/secret/policy.js';
import { ReconcileLoop } from '../../../src/tls/secret/reconcile-loop.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

void test('a burst of kicks during a run leads to exactly one follow-up run, never two at once', async () => {
  let running = 0;
  let runs = 0;
  let overlap = false;
  const loop = new ReconcileLoop(
    async () => {
      running += 1;
      overlap ||= running > 1;
      runs += 1;
      await sleep(30);
      running -= 1;
    },
    resolveTimings({ resyncMs: 60_000 }),
    () => assert.fail('no failures expected'),
  );
  loop.kick();
  await sleep(5);
  for (let i = 0; i < 10; i += 1) loop.kick();
  await sleep(100);
  await loop.stop();
  assert.equal(runs, 2);
  assert.equal(overlap, false);
});

void test('failures are handed over with growing retry delays and retried until success, then resync', async () => {
  const delays: number[] = [];
  let calls = 0;
  const loop = new ReconcileLoop(
    () => {
      calls += 1;
      return calls <= 3 ? Promise.reject(new Error('down')) : Promise.resolve();
    },
    resolveTimings({ retryInitialMs: 10, retryMaxMs: 1000, resyncMs: 40 }),
    (_err, retryInMs) => delays.push(retryInMs),
  );
  loop.kick();
  await sleep(250);
  await loop.stop();
  assert.equal(delays.length, 3);
  assert.ok(delays[0]! < delays[1]! && delays[1]! < delays[2]!, `growing: ${delays.join(', ')}`);
  assert.ok(calls >= 5, `resynced after recovering (${calls} calls)`);
  const after = calls;
  await sleep(80);
  assert.equal(calls, after, 'nothing runs after stop()');
});
