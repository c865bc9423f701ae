// The vendored upstream data is exactly what PROVENANCE.json records: every file listed, hashed and
// present, and no unrecorded file beside them (a silently edited CRD would change every verdict).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../upstream/toolhive/', import.meta.url));
const provenance = JSON.parse(readFileSync(join(dir, 'PROVENANCE.json'), 'utf8')) as { commit: string; license: string; files: Record<string, string> };

function walk(at: string): string[] {
  return readdirSync(at, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(at, e.name)) : [relative(dir, join(at, e.name))]));
}

void test('every vendored file matches its recorded SHA-256', () => {
  for (const [file, sha] of Object.entries(provenance.files)) {
    const actual = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
    assert.equal(actual, sha, `${file}: content differs from PROVENANCE.json`);
  }
});

void test('no vendored file is missing from PROVENANCE.json, and the commit and license are recorded', () => {
  const present = walk(dir).filter((f) => f !== 'PROVENANCE.json').sort();
  assert.deepEqual(present, Object.keys(provenance.files).sort());
  assert.match(provenance.commit, /^[0-9a-f]{40}$/);
  assert.equal(provenance.license, 'Apache-2.0');
});
