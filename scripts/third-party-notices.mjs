// THIRD-PARTY-NOTICES.txt for the bundles: the bundles carry the code of the npm packages they
// include (fastify, pino, @bufbuild/cel, yaml, ...), which a consumer's install therefore does not
// (they are devDependencies), so their licences travel in this file instead: for every package
// esbuild read a file of (its metafile inputs), name, version, declared licence and the text of
// its licence file. Written beside the bundles by scripts/bundle.mjs; test/ship/notices.test.ts
// checks it against the packages the source maps name.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package folders (…/node_modules/<name> or …/node_modules/@scope/<name>) the input paths are in. */
export function packageDirsOf(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (m) dirs.add(m[1]);
  }
  return [...dirs];
}

const mitText = (holder) => `Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** A package without a licence file: what its package.json declares, with the licence's standard text where it has one. */
function declaredLicence(pkg) {
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  const note = `(the package has no licence file; its package.json declares ${pkg.license ?? 'no licence'}${author ? `, author ${author}` : ''})`;
  if (pkg.license === 'MIT') return `${note}\n\n${mitText(author ?? `the ${pkg.name} authors`)}`;
  if (/Apache-2\.0/.test(pkg.license ?? '')) return `${note}\nThe text of the Apache License, Version 2.0 is in vmcp-admission's LICENSE file.`;
  return note;
}

const licenceFile = (dir) => readdirSync(dir).filter((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f)).sort()[0];

/** The notices text for the package folders (relative to `root`), sorted by package name. */
export function thirdPartyNotices(root, dirs) {
  const entries = dirs.map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const file = existsSync(join(root, dir)) ? licenceFile(join(root, dir)) : undefined;
    const text = file === undefined ? declaredLicence(pkg) : readFileSync(join(root, dir, file), 'utf8').trim();
    return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNKNOWN', text };
  });
  const unique = [...new Map(entries.map((e) => [`${e.name}@${e.version}`, e])).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const head = [
    'vmcp-admission bundles the following third-party packages into dist/bundle/cli/vmcp-admission.cjs and',
    'dist/bundle/cli/server-deps.cjs. Their licences follow.',
    '',
    ...unique.map((e) => `  ${e.name}@${e.version} (${e.license})`),
    '',
  ];
  return [...head, ...unique.flatMap((e) => ['-'.repeat(78), `${e.name}@${e.version} (${e.license})`, '', e.text, ''])].join('\n');
}
