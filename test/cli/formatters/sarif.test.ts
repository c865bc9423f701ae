// SARIF output is valid against the official SARIF 2.1.0 JSON schema (shipped by the
// @microsoft/jest-sarif package, a draft-04 schema: its root `id` becomes `$id` for ajv 8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { rules } from '../../../src/core/rules/index.js';
import { inputRules } from '../../../src/core/rules/input-rules.js';
import { formatSarif, sarifFormatter, sourceUri } from '../../../src/cli/formatters/sarif.js';
import { sampleReport, sampleRules } from './sample-report.js';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator(): (data: unknown) => string[] {
  const { id, $schema: _draft, ...rest } = JSON.parse(readFileSync(schemaPath, 'utf8'));
  // The schema's `language` pattern is not valid with the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile({ $id: id, ...rest });
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

const validate = sarifValidator();

void test('the schema really is SARIF 2.1.0 and rejects a broken log', () => {
  assert.match(JSON.parse(readFileSync(schemaPath, 'utf8')).title, /SARIF\) Version 2\.1\.0/);
  assert.notDeepEqual(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), []);
  assert.notDeepEqual(validate({ version: '2.0.0', runs: [] }), []);
});

void test('the sample report is a valid SARIF 2.1.0 log with a region on every result', () => {
  const log = JSON.parse(sarifFormatter(sampleRules)(sampleReport));
  assert.deepEqual(validate(log), []);
  const results = log.runs[0].results;
  assert.equal(results.length, 6);
  for (const r of results) {
    assert.ok(r.locations[0].physicalLocation.region.startLine >= 1);
    if (r.ruleId === 'lint-refill-rate-implausible') assert.equal(r.ruleIndex, undefined);
    else assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
  }
  assert.deepEqual(results[2].locations[0].physicalLocation.region, { startLine: 23, startColumn: 23 });
});

void test('the shipped formatter lists every registry rule and every input rule once, and stays valid', () => {
  const log = JSON.parse(formatSarif(sampleReport));
  assert.deepEqual(validate(log), []);
  const ids = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
  const engine = rules.filter((r) => r.meta.stage !== 'input');
  assert.deepEqual(ids, [...new Set([...engine.map((r) => r.meta.id), ...inputRules.map((r) => r.meta.id)])]);
});

void test('artifact URIs are URI references, also for odd names and stdin', () => {
  assert.equal(sourceUri('deploy/vmcp.yaml'), 'deploy/vmcp.yaml');
  assert.equal(sourceUri('<stdin>'), '%3Cstdin%3E');
  assert.equal(sourceUri('a b\\c#d?.yaml'), 'a%20b/c%23d%3F.yaml');
});

void test('results of an object from a List document carry itemIndex next to documentIndex', () => {
  const denied = sampleReport.documents.find((d) => d.errors.length > 0)!;
  const log = JSON.parse(sarifFormatter(sampleRules)({ ...sampleReport, documents: [{ ...denied, item: 1 }] })) as { runs: { results: { properties: Record<string, unknown> }[] }[] };
  const props = log.runs[0]!.results[0]!.properties;
  assert.equal(props.documentIndex, denied.index);
  assert.equal(props.itemIndex, 1);
});
