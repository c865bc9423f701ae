// UPDATE ratcheting for every error type, through the real engine: an error oldObject already had on a
// field the update did not change is a warning ([pre-existing]); changing the offending field, or
// adding a second offending item, denies. Each row: an object broken one way, then four updates.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadServeConfig } from '../../src/cli/serve-args.js';
import { judge, type ValidateFn } from '../../src/webhook/judge.js';
import type { Review } from '../../src/webhook/admission.js';
import { makeValidate } from '../../src/webhook/run-serve.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are built and mutated freely, one field per row
type Obj = Record<string, any>;
let validate: ValidateFn;
before(async () => {
  const loaded = loadServeConfig([], {});
  assert.ok(loaded.ok);
  validate = await makeValidate(loaded.config);
});

const redis = { provider: 'redis', address: 'redis:6379' };
const base = (): Obj => ({
  apiVersion: 'toolhive.stacklok.dev/v1beta1',
  kind: 'VirtualMCPServer',
  metadata: { name: 'team-tools', namespace: 'toolhive', labels: { app: 'vmcp' } },
  spec: { groupRef: { name: 'team-backends' }, incomingAuth: { type: 'anonymous' }, sessionStorage: redis, config: { rateLimiting: { shared: { maxTokens: 10, refillPeriod: '1m' } } } },
});
const bucket = (maxTokens: unknown, refillPeriod: unknown): Obj => ({ maxTokens, refillPeriod });

interface Row {
  readonly type: string;
  /** The rule the broken object is denied by (on CREATE). */
  readonly rule: string;
  readonly broken: (o: Obj) => void;
  /** Changes the offending field, or adds a second offending item. */
  readonly worse: (o: Obj) => void;
}

const rows: readonly Row[] = [
  {
    type: 'Duplicate value',
    rule: 'schema-duplicate',
    broken: (o) => void (o.spec.config.rateLimiting.tools = [{ name: 'search', shared: bucket(1, '1m') }, { name: 'search', shared: bucket(2, '1m') }]),
    // The API server reports one Duplicate per repeated key, so a second offending item is another repeated key.
    worse: (o) => void o.spec.config.rateLimiting.tools.push({ name: 'fetch', shared: bucket(3, '1m') }, { name: 'fetch', shared: bucket(4, '1m') }),
  },
  {
    type: 'Required value',
    rule: 'schema-required',
    broken: (o) => void (o.spec.config.rateLimiting.shared = { refillPeriod: '1m' }),
    worse: (o) => void (o.spec.config.rateLimiting.tools = [{ name: 'search', shared: { refillPeriod: '1m' } }]),
  },
  {
    type: 'Unsupported value',
    rule: 'schema-enum',
    broken: (o) => void (o.spec.serviceType = 'Internal'),
    worse: (o) => void (o.spec.serviceType = 'External'),
  },
  {
    type: 'Invalid value (schema)',
    rule: 'schema-range',
    broken: (o) => void (o.spec.config.rateLimiting.shared.maxTokens = 0),
    worse: (o) => void (o.spec.config.rateLimiting.shared.maxTokens = -1),
  },
  {
    type: 'Too long',
    rule: 'schema-length',
    broken: (o) => void (o.spec.incomingAuth.authzConfig = { type: 'configMap', configMap: { name: 'authz' }, groupClaimName: 'g'.repeat(254) }),
    worse: (o) => void (o.spec.incomingAuth.authzConfig.groupClaimName = 'h'.repeat(254)),
  },
  {
    type: 'CEL',
    rule: 'cel-ratelimit-requires-redis',
    broken: (o) => void (o.spec.sessionStorage = { provider: 'memory' }),
    worse: (o) => void (o.spec.config.rateLimiting.shared.maxTokens = 20),
  },
  {
    type: 'runtime',
    rule: 'runtime-refill-period-duration',
    broken: (o) => void (o.spec.config.rateLimiting.shared.refillPeriod = 'one minute'),
    worse: (o) => void (o.spec.config.rateLimiting.shared.refillPeriod = 'two minutes'),
  },
  {
    type: 'unknown field (strict)',
    rule: 'schema-unknown-field',
    broken: (o) => void (o.spec.config.rateLimiting.shared.burst = 5),
    worse: (o) => void (o.spec.config.rateLimiting.shared.burst = 6),
  },
  {
    type: 'metadata',
    rule: 'metadata-labels-annotations',
    broken: (o) => void (o.metadata.labels.owner = 'platform team'),
    worse: (o) => void (o.metadata.labels.owner = 'platform  team'),
  },
];

function review(oldObject: Obj, object: Obj): Review {
  const gvk = { group: 'toolhive.stacklok.dev', version: 'v1beta1', kind: 'VirtualMCPServer' };
  return { apiVersion: 'admission.k8s.io/v1', uid: 'u', kind: gvk, resource: 'virtualmcpservers', subResource: '', name: 'team-tools', namespace: 'toolhive', operation: 'UPDATE', dryRun: false, object, oldObject };
}

function updated(row: Row, change: (o: Obj) => void): { old: Obj; now: Obj } {
  const old = base();
  row.broken(old);
  const now = structuredClone(old);
  change(now);
  return { old, now };
}

const updates: readonly [string, (o: Obj) => void, 'allowed' | 'denied'][] = [
  ['unchanged', () => undefined, 'allowed'],
  ['finalizer added', (o) => void (o.metadata.finalizers = ['toolhive.stacklok.dev/finalizer']), 'allowed'],
  ['label changed', (o) => void (o.metadata.labels.app = 'vmcp-2'), 'allowed'],
];

for (const row of rows) {
  void describe(`ratcheting: ${row.type} (${row.rule})`, () => {
    void it('the broken object is denied on its own, by that rule', () => {
      const o = base();
      row.broken(o);
      const errors = validate(o).findings.filter((f) => f.severity === 'error');
      assert.ok(errors.some((f) => f.rule === row.rule), JSON.stringify(errors.map((f) => f.message)));
    });
    for (const [name, change, outcome] of updates) {
      void it(`${name}: ${outcome}, the old error becomes a [pre-existing] warning`, () => {
        const { old, now } = updated(row, change);
        const j = judge(review(old, now), validate);
        assert.equal(j.outcome, outcome, JSON.stringify(j.verdict));
        assert.ok(j.verdict.allowed && j.verdict.warnings.some((w) => w.endsWith('[pre-existing]')), JSON.stringify(j.verdict));
      });
    }
    void it('the offending field changed, or a second offending item added: denied', () => {
      const { old, now } = updated(row, row.worse);
      const j = judge(review(old, now), validate);
      assert.equal(j.outcome, 'denied', JSON.stringify(j.verdict));
      assert.ok(!j.verdict.allowed && 'errors' in j.verdict && j.verdict.errors.some((f) => f.rule === row.rule), JSON.stringify(j.verdict));
    });
  });
}
