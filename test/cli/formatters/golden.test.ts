// Golden outputs for every format, from one hand-built report (sample-report.ts).
// Regenerate after an intended change with UPDATE_GOLDEN=1, then review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { outputFormats, type OutputFormat } from '../../../src/cli/args.js';
import { loadFormatter, type Formatter } from '../../../src/cli/formatters/index.js';
import { formatGithub } from '../../../src/cli/formatters/github.js';
import { formatJson } from '../../../src/cli/formatters/json.js';
import { formatJunit } from '../../../src/cli/formatters/junit.js';
import { formatSarif, sarifFormatter } from '../../../src/cli/formatters/sarif.js';
import { formatText } from '../../../src/cli/formatters/text.js';
import { makeReport } from '../../../src/cli/report.js';
import { sampleReport, sampleRules } from './sample-report.js';

const cases: Record<OutputFormat, { file: string; format: Formatter; shipped: Formatter }> = {
  text: { file: 'sample.txt', format: formatText, shipped: formatText },
  json: { file: 'sample.json', format: formatJson, shipped: formatJson },
  junit: { file: 'sample.xml', format: formatJunit, shipped: formatJunit },
  sarif: { file: 'sample.sarif', format: sarifFormatter(sampleRules), shipped: formatSarif },
  github: { file: 'sample.github.txt', format: formatGithub, shipped: formatGithub },
};

for (const name of outputFormats) {
  const { file, format, shipped } = cases[name];
  void test(`${name} output matches test/cli/golden/${file}`, () => {
    const url = new URL(`../golden/${file}`, import.meta.url);
    const actual = format(sampleReport);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, actual);
    assert.equal(actual, readFileSync(url, 'utf8'));
  });

  void test(`--output ${name} loads the shipped formatter, deterministic, also for an empty report`, async () => {
    assert.equal(await loadFormatter(name), shipped);
    assert.equal(shipped(sampleReport), shipped(sampleReport));
    assert.ok(shipped(makeReport('crd', [])).length > 0);
  });
}
