import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson } from '../../../src/cli/formatters/json.js';
import { sampleReport } from './sample-report.js';

const documentKeys = ['source', 'index', 'line', 'apiVersion', 'kind', 'namespace', 'name', 'verdict', 'errors', 'warnings'];
const findingKeys = ['rule', 'origin', 'severity', 'field', 'path', 'type', 'value', 'detail', 'message', 'line', 'column'];

void test('the json contract: version 1, mode, documents with exactly the documented keys, summary', () => {
  const out = JSON.parse(formatJson(sampleReport));
  assert.deepEqual(Object.keys(out), ['version', 'mode', 'documents', 'summary']);
  assert.equal(out.version, 1);
  assert.equal(out.mode, 'strict');
  assert.deepEqual(out.summary, { documents: 5, allowed: 2, denied: 1, skipped: 1, errors: 4, warnings: 2 });
  for (const d of out.documents) {
    assert.deepEqual(Object.keys(d), documentKeys);
    assert.ok(['allowed', 'denied', 'skipped', 'error'].includes(d.verdict));
    for (const f of [...d.errors, ...d.warnings]) {
      assert.deepEqual(Object.keys(f), findingKeys.filter((k) => k !== 'value' || 'value' in f));
    }
  }
  assert.deepEqual(out.documents[1].errors[0], {
    rule: 'schema-required',
    origin: 'schema',
    severity: 'error',
    field: 'spec.groupRef',
    path: ['spec', 'groupRef'],
    type: 'Required value',
    detail: '',
    message: 'spec.groupRef: Required value',
    line: 16,
    column: 1,
  });
});

void test('an object from a List document carries `item` right after `index`; others do not', () => {
  const [first] = sampleReport.documents;
  const listed = { ...sampleReport, documents: [{ ...first!, item: 2 }] };
  const d = JSON.parse(formatJson(listed)).documents[0];
  assert.deepEqual(Object.keys(d), ['source', 'index', 'item', 'line', 'apiVersion', 'kind', 'namespace', 'name', 'verdict', 'errors', 'warnings']);
  assert.equal(d.item, 2);
});
