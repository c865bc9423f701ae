// settlesWithin: a bounded wait for shutdown work (src/kube/bounded.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settlesWithin } from '../../src/kube/bounded.js';

void test('true when the work finishes in time, false when it does not, its failure thrown', async () => {
  assert.equal(await settlesWithin(Promise.resolve('done'), 1000), true);
  assert.equal(await settlesWithin(new Promise(() => undefined), 20), false);
  await assert.rejects(settlesWithin(Promise.reject(new Error('stop failed')), 1000), /stop failed/);
});
