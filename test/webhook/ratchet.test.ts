// UPDATE ratcheting as a table: which errors of the new object deny and which, already present in
// oldObject on an unchanged field, become warnings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/core/finding.js';
import type { RuleId } from '../../src/core/rules/index.js';
import { findingOf } from '../core/finding-helper.js';
import type { PathSegment } from '../../src/core/field-path.js';
import { correlate, jsonEqual, ratchet } from '../../src/webhook/ratchet.js';
import type { SchemaNode } from '../../src/core/schema/types.js';

const err = (rule: RuleId, path: PathSegment[] | null, value: string | undefined = '"object"', detail = 'broken'): Finding =>
  findingOf(rule, { path, type: 'Invalid value', ...(value === undefined ? {} : { value }), detail });

const spec = (extra: object = {}): object => ({ groupRef: { name: 'g' }, config: { rateLimiting: { shared: { maxTokens: 1, refillPeriod: 'one minute' } } }, ...extra });
const obj = (s: object, meta: object = {}): object => ({ metadata: { name: 'x', ...meta }, spec: s });

const celOnSpec = err('cel-ratelimit-requires-redis', ['spec']);
const refill = (v: string): Finding => err('runtime-refill-period-duration', ['spec', 'config', 'rateLimiting', 'shared', 'refillPeriod'], JSON.stringify(v), 'time: invalid duration');
const notice = err('cel-not-checked', null, '"null"', 'some validation rules were not checked');
const unknown = err('schema-unknown-field', ['spec', 'config', 'rateLimiting', 'shared', 'burst'], undefined, 'field not declared in schema');

interface Row {
  readonly what: string;
  readonly errors: Finding[];
  readonly oldErrors: Finding[];
  readonly object: object;
  readonly oldObject: object;
  readonly deny: string[];
  readonly warn: string[];
}

const rows: Row[] = [
  { what: 'label added to an invalid object', errors: [celOnSpec], oldErrors: [celOnSpec], object: obj(spec(), { labels: { a: 'b' } }), oldObject: obj(spec()), deny: [], warn: ['spec'] },
  { what: 'finalizer added to an invalid object', errors: [celOnSpec, refill('one minute')], oldErrors: [celOnSpec, refill('one minute')], object: obj(spec(), { finalizers: ['f'] }), oldObject: obj(spec()), deny: [], warn: ['spec', 'spec.config.rateLimiting.shared.refillPeriod'] },
  { what: 'the invalid node itself changed', errors: [celOnSpec], oldErrors: [celOnSpec], object: obj(spec({ replicas: 2 })), oldObject: obj(spec()), deny: ['spec'], warn: [] },
  { what: 'a new error on a valid object', errors: [refill('one minute')], oldErrors: [], object: obj(spec()), oldObject: obj(spec()), deny: ['spec.config.rateLimiting.shared.refillPeriod'], warn: [] },
  { what: 'same field, different bad value', errors: [refill('two minutes')], oldErrors: [refill('one minute')], object: obj(spec()), oldObject: obj(spec()), deny: ['spec.config.rateLimiting.shared.refillPeriod'], warn: [] },
  { what: 'old error kept, new error added', errors: [celOnSpec, refill('one minute')], oldErrors: [refill('one minute')], object: obj(spec({ x: 1 })), oldObject: obj(spec()), deny: ['spec'], warn: ['spec.config.rateLimiting.shared.refillPeriod'] },
  { what: 'object-level notice with everything else ratcheted', errors: [refill('one minute'), notice], oldErrors: [refill('one minute'), notice], object: obj(spec(), { labels: { a: 'b' } }), oldObject: obj(spec()), deny: [], warn: ['spec.config.rateLimiting.shared.refillPeriod', '<nil>'] },
  { what: 'object-level notice next to a denying error', errors: [celOnSpec, notice], oldErrors: [celOnSpec, notice], object: obj(spec({ x: 1 })), oldObject: obj(spec()), deny: ['spec', '<nil>'], warn: [] },
  { what: 'object-level notice that is new', errors: [notice], oldErrors: [], object: obj(spec()), oldObject: obj(spec()), deny: ['<nil>'], warn: [] },
  { what: 'unknown (pruned) field left as it was', errors: [unknown], oldErrors: [unknown], object: obj(spec({ config: { rateLimiting: { shared: { burst: 5 } } } }), { labels: { a: 'b' } }), oldObject: obj(spec({ config: { rateLimiting: { shared: { burst: 5 } } } })), deny: [], warn: ['spec.config.rateLimiting.shared.burst'] },
  { what: 'unknown (pruned) field changed', errors: [unknown], oldErrors: [unknown], object: obj(spec({ config: { rateLimiting: { shared: { burst: 6 } } } })), oldObject: obj(spec({ config: { rateLimiting: { shared: { burst: 5 } } } })), deny: ['spec.config.rateLimiting.shared.burst'], warn: [] },
];

void describe('ratchet', () => {
  for (const row of rows) {
    void it(row.what, () => {
      const result = ratchet({ errors: row.errors, oldErrors: row.oldErrors, object: row.object, oldObject: row.oldObject });
      assert.deepEqual(result.errors.map((f) => f.field ?? '<nil>'), row.deny);
      assert.deepEqual(result.ratcheted.map((f) => f.field ?? '<nil>'), row.warn);
    });
  }
});

void describe('value helpers', () => {
  void it('correlate follows keys and indices to both nodes', () => {
    assert.deepEqual(correlate({ a: [{ b: 3 }] }, { a: [{ b: 4 }] }, ['a', 0, 'b'], undefined), undefined, 'a changed atomic list has no counterpart');
    assert.deepEqual(correlate({ a: [{ b: 3 }] }, { a: [{ b: 3 }] }, ['a', 0, 'b'], undefined), { oldPath: ['a', 0, 'b'], value: 3, oldValue: 3 });
    assert.deepEqual(correlate({ a: 1 }, { a: 2 }, ['a', 'b'], undefined), { oldPath: ['a', 'b'], value: undefined, oldValue: undefined });
  });
  void it('jsonEqual compares structurally, key order aside', () => {
    assert.ok(jsonEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] }));
    assert.ok(!jsonEqual({ a: [1] }, { a: { 0: 1 } }));
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: undefined }));
  });
});

void describe('correlate', () => {
  const correlatedPath = (...args: Parameters<typeof correlate>): unknown => correlate(...args)?.oldPath;
  const listMap: SchemaNode = { type: 'object', properties: { l: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object' } }, atomic: { type: 'array', items: { type: 'object' } } } };
  const a = { name: 'a', v: 1 };
  const b = { name: 'b', v: 2 };
  void it('matches list-map items by key, wherever they moved', () => {
    assert.deepEqual(correlatedPath({ l: [b, a] }, { l: [a, b] }, ['l', 1, 'v'], listMap), ['l', 0, 'v']);
    assert.equal(correlatedPath({ l: [{ name: 'c' }] }, { l: [a] }, ['l', 0], listMap), undefined);
  });
  void it('other lists correlate only when unchanged, by position', () => {
    assert.deepEqual(correlatedPath({ atomic: [a, b] }, { atomic: [a, b] }, ['atomic', 1, 'v'], listMap), ['atomic', 1, 'v']);
    assert.equal(correlatedPath({ atomic: [b, a] }, { atomic: [a, b] }, ['atomic', 1, 'v'], listMap), undefined);
    assert.equal(correlatedPath({ l: [b, a] }, { l: [a, b] }, ['l', 1], undefined), undefined, 'no schema: no key correlation');
  });
});
