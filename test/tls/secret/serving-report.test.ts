// How replicas report the CA of the leaf they serve (one JSON annotation on the shared Secret).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatServing, parseServing, reportDue, withReport } from '../../../src/tls/secret/serving-report.js';

const t = (iso: string): Date => new Date(`2030-01-01T${iso}Z`);
const minute = 60_000;

void test('round-trips through the annotation text, sorted by pod', () => {
  const text = formatServing(new Map([['b', { ca: 'x', at: t('00:01:00') }], ['a', { ca: 'y', at: t('00:00:00') }]]));
  assert.equal(text, '{"a":{"ca":"y","at":"2030-01-01T00:00:00.000Z"},"b":{"ca":"x","at":"2030-01-01T00:01:00.000Z"}}');
  assert.deepEqual(parseServing(text), new Map([['a', { ca: 'y', at: t('00:00:00') }], ['b', { ca: 'x', at: t('00:01:00') }]]));
});

void test('malformed annotations and entries are dropped, never thrown', () => {
  assert.equal(parseServing(undefined).size, 0);
  assert.equal(parseServing('not json').size, 0);
  assert.equal(parseServing('[1]').size, 0);
  assert.deepEqual([...parseServing('{"a":{"ca":1,"at":"x"},"b":{"ca":"c","at":"nope"},"c":{"ca":"c","at":"2030-01-01T00:00:00Z"}}').keys()], ['c']);
});

void test('a report is due when missing, on another CA, or older than the heartbeat', () => {
  const serving = new Map([['a', { ca: 'x', at: t('00:00:00') }]]);
  assert.equal(reportDue(serving, { pod: 'b', ca: 'x', now: t('00:00:00') }, 5 * minute), true);
  assert.equal(reportDue(serving, { pod: 'a', ca: 'y', now: t('00:00:00') }, 5 * minute), true);
  assert.equal(reportDue(serving, { pod: 'a', ca: 'x', now: t('00:04:59') }, 5 * minute), false);
  assert.equal(reportDue(serving, { pod: 'a', ca: 'x', now: t('00:05:00') }, 5 * minute), true);
  assert.equal(reportDue(serving, { pod: 'a', ca: undefined, now: t('00:00:00') }, 5 * minute), true);
  assert.equal(reportDue(serving, { pod: 'b', ca: undefined, now: t('00:00:00') }, 5 * minute), false);
});

void test('writing a report prunes stale entries; withdrawing removes the entry', () => {
  const serving = new Map([
    ['old', { ca: 'x', at: t('00:00:00') }],
    ['peer', { ca: 'x', at: t('00:10:00') }],
  ]);
  const next = withReport(serving, { pod: 'me', ca: 'y', now: t('00:15:00') }, 15 * minute);
  assert.deepEqual([...next.keys()].sort(), ['me', 'peer']);
  assert.deepEqual(next.get('me'), { ca: 'y', at: t('00:15:00') });
  assert.deepEqual([...withReport(next, { pod: 'me', ca: undefined, now: t('00:15:00') }, 15 * minute).keys()], ['peer']);
});
