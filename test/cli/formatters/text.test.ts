import { test } from 'node:test';
import assert from 'node:assert/strict';

/* eslint-disable no-control-regex -- these tests look for terminal escape sequences */
import { formatText, printable } from '../../../src/cli/formatters/text.js';
import { makeReport } from '../../../src/cli/report.js';
import { sampleReport } from './sample-report.js';

void test('file:line:col: message per finding, warnings marked, summary last', () => {
  const lines = formatText(sampleReport).trimEnd().split('\n');
  assert.equal(lines[0], 'deploy/vmcp.yaml:16:1: spec.groupRef: Required value [schema-required]');
  assert.ok(lines.includes('<stdin>:9:7: warning: spec.config.rateLimiting.shared: 1 token per 24h0m0s [lint-refill-rate-implausible]'));
  assert.equal(lines.at(-1), '5 documents: 2 allowed, 1 denied, 1 skipped, 1 unreadable; 4 errors, 2 warnings');
  assert.equal(lines.length, 7);
});

void test('control characters from a manifest cannot break lines or drive the terminal', () => {
  assert.equal(printable('a\nb\r\u001b[31mred\u0000'), 'a\\nb\\r\\u001b[31mred\\u0000');
  assert.equal(formatText(makeReport('strict', [])), '0 documents: 0 allowed, 0 denied, 0 skipped, 0 unreadable; 0 errors, 0 warnings\n');
});

void test('colour only when asked: location bold, warning yellow, rule id dim, summary red on failure', () => {
  const plain = formatText(sampleReport);
  const coloured = formatText(sampleReport, { color: true });
  assert.doesNotMatch(plain, /\u001b\[/);
  assert.ok(coloured.includes('\u001b[1mdeploy/vmcp.yaml:16:1:\u001b[0m spec.groupRef: Required value \u001b[2m[schema-required]\u001b[0m\n'));
  assert.ok(coloured.includes('\u001b[33mwarning:\u001b[0m'));
  assert.ok(coloured.endsWith('\u001b[31m5 documents: 2 allowed, 1 denied, 1 skipped, 1 unreadable; 4 errors, 2 warnings\u001b[0m\n'));
  assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
});
