// Rules never throw on wrongly typed input (the schema stage reports the types): every node of a rich
// spec is replaced in turn by values of every other JSON type, and every rule and the CEL walk run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck } from './harness.js';
import { rules } from '../../../src/core/rules/index.js';
import { evaluateCelRules } from '../../../src/core/cel/evaluate.js';
import type { RuleContext } from '../../../src/core/rules/rule.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const schema = committedVersion('v1beta1').schema;
const bucket = { maxTokens: 5, refillPeriod: '1m' };
const rich = {
  ...baseSpec(),
  sessionStorage: { provider: 'redis', address: 'r' },
  config: {
    rateLimiting: { shared: bucket, perUser: bucket, tools: [{ name: 't', shared: bucket, perUser: bucket }] },
    operational: { failureHandling: { healthCheckInterval: '5s', healthCheckTimeout: '1s', unhealthyThreshold: 3 } },
    sessionStorage: { provider: 'memory' },
  },
};
const replacements: unknown[] = [null, 'text', 7, -1.5, true, [], {}, [1, 'a'], { x: { y: 1 } }];

function* paths(node: unknown, at: (string | number)[] = []): Generator<(string | number)[]> {
  yield at;
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) yield* paths(node[i], [...at, i]);
  else if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) yield* paths(v, [...at, k]);
}

function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

function checkAll(object: Record<string, unknown>, where: string): void {
  const ctx: RuleContext = { object, input: object, schema, version: 'v1beta1', mode: 'strict' };
  for (const r of rules) if (r.check !== undefined) assert.doesNotThrow(() => runCheck(r, ctx), `${r.meta.id} at ${where}`);
  assert.doesNotThrow(() => evaluateCelRules(object, schema), `cel at ${where}`);
}

void test('no rule and no CEL evaluation throws, whatever type sits at any node', () => {
  let runs = 0;
  for (const path of paths(rich)) {
    for (const value of replacements) {
      checkAll(vmcp(replaced(rich, path, value) as Record<string, unknown>), `${path.join('.')} = ${JSON.stringify(value)}`);
      runs++;
    }
  }
  assert.ok(runs > 200);
});
