import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exitCodeOf, makeReport, type DocumentReport, type Verdict } from '../../src/cli/report.js';
import { sampleDocuments } from './formatters/sample-report.js';

const doc = (verdict: Verdict, rule = 'x'): DocumentReport => ({
  source: 'f',
  index: 0,
  line: 1,
  apiVersion: null,
  kind: null,
  namespace: null,
  name: null,
  verdict,
  errors: verdict === 'denied' || verdict === 'error' ? [{ rule, origin: 'schema', severity: 'error', field: null, path: null, type: 'Invalid value', detail: 'd', message: 'm', line: 1, column: 1 }] : [],
  warnings: [],
});

void test('summary counts verdicts and findings', () => {
  assert.deepEqual(makeReport('crd', sampleDocuments).summary, { documents: 5, allowed: 2, denied: 1, skipped: 1, errors: 4, warnings: 2 });
});

void test('exit codes: 0 all allowed (or skipped), 1 any denied, 2 unreadable or nothing, 3 internal error', () => {
  const code = (...docs: DocumentReport[]): number => exitCodeOf(makeReport('strict', docs));
  assert.equal(code(doc('allowed'), doc('skipped')), 0);
  assert.equal(code(doc('allowed'), doc('denied')), 1);
  assert.equal(code(doc('denied'), doc('error')), 2);
  assert.equal(code(), 2);
  assert.equal(code(doc('error'), doc('denied', 'internal-error')), 3);
});
