// The package's `engines` against what is installed: `npm ci` prints an EBADENGINE warning for every
// package (dev ones too) whose own engines.node the running Node.js does not satisfy. Each line of
// the package's range starts at its lowest version, so if that one satisfies every package in the
// lockfile, `npm ci` on the oldest supported Node.js of each line is warning-free (measured: 22.12.0
// warned for eslint-visitor-keys@5, which needs ^22.13.0; 22.13.0 and 22.23.5 do not). The Node.js
// 22 that CI installs (.ci/node22-version, used by .ci/node22) must be inside the range too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const range = pkg.engines.node;

/** The lowest version of each `||` alternative of the package's range. */
function floors(): string[] {
  return range.split('||').map((alternative) => {
    const lowest = semver.minVersion(alternative.trim());
    assert.ok(lowest !== null, `no lowest version in ${alternative}`);
    return lowest.version;
  });
}

/** Lockfile packages whose engines.node `version` does not satisfy, as "name@version needs range". */
function unsatisfied(version: string): string[] {
  const out: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const needs = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (path === '' || needs === undefined) continue;
    if (!semver.satisfies(version, needs, { includePrerelease: true })) out.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'} needs ${needs}`);
  }
  return out;
}

void test('engines: one caret range per supported Node.js line, 20 and 22', () => {
  assert.match(range, /^\^20\.\d+\.\d+ \|\| \^22\.\d+\.\d+$/);
  assert.deepEqual(floors().map((v) => semver.major(v)), [20, 22]);
});

void test('engines: the oldest supported Node.js of each line satisfies every installed package (no EBADENGINE on npm ci)', () => {
  const withEngines = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined);
  assert.ok(withEngines.length > 20, `${withEngines.length} lockfile packages declare engines.node`);
  for (const floor of floors()) assert.deepEqual(unsatisfied(floor), [], `on Node.js ${floor}`);
});

void test('engines: the pinned CI Node.js 22 and the running Node.js are supported and satisfy every installed package', () => {
  const pinned = readFileSync(new URL('.ci/node22-version', root), 'utf8').trim();
  assert.match(pinned, /^22\.\d+\.\d+$/, 'an exact Node.js 22 version');
  for (const version of [pinned, process.versions.node]) {
    assert.ok(semver.satisfies(version, range), `${version} in ${range}`);
    assert.deepEqual(unsatisfied(version), [], `on Node.js ${version}`);
  }
});
