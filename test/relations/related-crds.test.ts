// schemas/related-crds.json is exactly what scripts/generate-related-crds.ts writes from the vendored
// upstream CRDs (run it after updating upstream/toolhive/crds/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relatedCrdsPath, relatedCrdsText } from '../../scripts/generate-related-crds.js';

void test('schemas/related-crds.json is up to date (npx tsx scripts/generate-related-crds.ts)', () => {
  assert.ok(readFileSync(relatedCrdsPath, 'utf8') === relatedCrdsText(), 'stale: run npx tsx scripts/generate-related-crds.ts');
  const kinds = Object.keys(JSON.parse(readFileSync(relatedCrdsPath, 'utf8')) as object);
  assert.equal(kinds.length, 11);
});
