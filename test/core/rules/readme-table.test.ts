// The README rule table is generated from the registry; this keeps the committed README in sync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderRulesSection, withRulesSection, loadSchema } from '../../../scripts/generate-rules-doc.js';
import { rules } from '../../../src/core/rules/index.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

void test('README rule table is in sync with the registry (run `npx tsx scripts/generate-rules-doc.ts` to fix)', () => {
  const expected = withRulesSection(readme, renderRulesSection(loadSchema()));
  assert.ok(expected === readme, 'README.md rules section is stale: run `npx tsx scripts/generate-rules-doc.ts`');
});

void test('every rule has a row, and CEL rows carry the CRD message', () => {
  const section = renderRulesSection(loadSchema());
  for (const { meta: r } of rules) assert.ok(section.includes(`| <a id="rule-${r.id}"></a>\`${r.id}\` |`), r.id);
  assert.match(section, /`runtime-refill-period-duration` \| runtime \| error \| rules \| strict \| yes \| yes \|/);
  assert.match(section, /`cel-ratelimit-requires-redis` \| cel \| error \| cel \| crd, strict \| API server \| no \|/);
  assert.ok(section.includes("`config.rateLimiting requires sessionStorage with provider 'redis'`"));
  assert.ok(section.includes('`address is required`'));
});
