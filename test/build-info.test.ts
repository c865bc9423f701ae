// src/build-info.ts is generated at build time; the committed copy must match package.json and PROVENANCE.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildInfoSource } from '../scripts/generate-build-info.mjs';
import { crdCommit, identity, toolVersion } from '../src/build-info.js';

void test('src/build-info.ts is current (npm run build regenerates it)', () => {
  assert.equal(readFileSync(new URL('../src/build-info.ts', import.meta.url), 'utf8'), buildInfoSource());
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(toolVersion, pkg.version);
  assert.match(crdCommit, /^[0-9a-f]{40}$/);
  assert.equal(identity, `vmcp-admission ${pkg.version} (ToolHive CRD ${crdCommit.slice(0, 12)})`);
});
