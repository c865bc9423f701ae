// The bundles carry the code of the npm packages they include, which a consumer's install therefore
// does not: every package a bundle's source map names has its licence in THIRD-PARTY-NOTICES.txt,
// and none of them is a runtime dependency (installed for nothing). The source maps are esbuild's
// own account of what went in, independent of the metafile the notices are written from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { packageDirsOf } from '../../scripts/third-party-notices.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundleDir = join(root, 'dist/bundle');
const skip = existsSync(join(bundleDir, 'THIRD-PARTY-NOTICES.txt')) ? false : 'needs the bundle: npm run build';

/** Package names (from their package.json) of the node_modules folders a source map's sources are in. */
function bundledPackages(map: string): string[] {
  const sources = (JSON.parse(readFileSync(join(bundleDir, 'cli', map), 'utf8')) as { sources: string[] }).sources;
  const dirs = packageDirsOf(sources.map((s) => s.replace(/^(\.\.\/)+/, '')));
  return dirs.map((d) => (JSON.parse(readFileSync(join(root, d, 'package.json'), 'utf8')) as { name: string }).name);
}

void test('packageDirsOf: the innermost node_modules package of each path, scoped names whole, no duplicates', () => {
  assert.deepEqual(packageDirsOf(['node_modules/fastify/lib/a.js', 'node_modules/fastify/b.js', 'node_modules/@bufbuild/cel/dist/x.js', 'node_modules/a/node_modules/b/c.js', 'dist/cli/main.js']), [
    'node_modules/fastify',
    'node_modules/@bufbuild/cel',
    'node_modules/a/node_modules/b',
  ]);
});

void test('every bundled package has its licence in THIRD-PARTY-NOTICES.txt and is not a runtime dependency', { skip }, () => {
  const notices = readFileSync(join(bundleDir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; files: string[] };
  const bundled = [...new Set([...bundledPackages('vmcp-admission.cjs.map'), ...bundledPackages('server-deps.cjs.map')])];
  for (const name of ['fastify', 'pino', 'prom-client', '@fastify/error', '@bufbuild/cel', '@bufbuild/protobuf', 'yaml']) assert.ok(bundled.includes(name), `${name} is in a bundle`);
  for (const name of bundled) {
    const header = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@\\d[^ ]* \\(.+\\)\\n\\n(.+)`, 'm').exec(notices);
    assert.ok(header !== null, `${name}: no entry in THIRD-PARTY-NOTICES.txt`);
    assert.ok(header[1]!.trim().length > 0, `${name}: empty licence text`);
    assert.equal(pkg.dependencies[name], undefined, `${name} is bundled, so it is not a runtime dependency`);
  }
  assert.ok(pkg.files.includes('dist/bundle/THIRD-PARTY-NOTICES.txt'), 'the package ships the notices');
  // A BSD licence asks binary redistributions to reproduce the notice: @bufbuild/protobuf has no licence file, its
  // varint code carries Google's BSD header, which minifying drops from the bundle; the notices carry it.
  const protobuf = notices.slice(notices.indexOf('\n@bufbuild/protobuf@'), notices.indexOf('\n@bufbuild/re2@'));
  assert.match(protobuf, /Copyright 2008 Google Inc\.[\s\S]*Redistribution and use in source and binary forms/);
});
