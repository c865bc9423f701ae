// scripts/prepack.mjs restore (postpack, and the start of the next prepack after a failed pack): the
// backup goes back only over the package.json prepack wrote; an edited one is never overwritten.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/prepack.mjs', import.meta.url));
const original = `${JSON.stringify({ name: 'x', version: '1.0.0', scripts: { prepare: 'node build.mjs', test: 'node t.mjs' } }, null, 2)}\n`;
const stripped = `${JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'node t.mjs' } }, null, 2)}\n`;

function scratch(current: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-prepack-'));
  mkdirSync(join(dir, '.tmp'));
  writeFileSync(join(dir, '.tmp/package.json.prepack'), original);
  writeFileSync(join(dir, 'package.json'), current);
  return dir;
}

void test('restore puts the original back over what prepack wrote', () => {
  const dir = scratch(stripped);
  try {
    const r = spawnSync(process.execPath, [script, 'restore'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), original);
    assert.ok(!existsSync(join(dir, '.tmp/package.json.prepack')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a package.json edited since a failed pack is not overwritten: exit 1, says which file', () => {
  const edited = stripped.replace('1.0.0', '1.1.0');
  const dir = scratch(edited);
  try {
    const r = spawnSync(process.execPath, [script, 'restore'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /package\.json changed since a pack left \.tmp\/package\.json\.prepack; not overwriting it/);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), edited);
    assert.ok(existsSync(join(dir, '.tmp/package.json.prepack')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
