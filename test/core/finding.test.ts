import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFinding, quoteGo } from '../../src/core/finding.js';
import { goQuote } from '../../src/core/schema/go-format.js';

void test("quoteGo is go-format's strconv.Quote (its cases are in test/core/schema/go-format.test.ts)", () => {
  assert.equal(quoteGo, goQuote);
});

void test('formatFinding renders field.Error lines', () => {
  assert.equal(formatFinding({ field: 'metadata.labels', type: 'Invalid value', value: quoteGo('a\u00a0b'), detail: 'x' }), 'metadata.labels: Invalid value: "a\\u00a0b": x');
  assert.equal(formatFinding({ field: 'metadata.annotations', type: 'Too long', detail: 'may not be more than 262144 bytes' }), 'metadata.annotations: Too long: may not be more than 262144 bytes');
  assert.equal(formatFinding({ field: null, type: 'Warning', detail: 'w' }), 'w');
});
