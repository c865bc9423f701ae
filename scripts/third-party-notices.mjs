// THIRD-PARTY-NOTICES.txt for the bundles: the bundles carry the code of the npm packages they
// include (fastify, pino, @bufbuild/cel, yaml, ...), which a consumer's install therefore does not
// (they are devDependencies), so their licences travel in this file instead: for every package
// esbuild read a file of (its metafile inputs), name, version, declared licence, the text of its
// licence and NOTICE files, and, for a package without a licence file, the copyright headers of the
// files the bundle took from it (minifying drops them from the bundle). Written beside the bundles by
// scripts/bundle.mjs; test/ship/notices.test.ts checks it against the packages the source maps name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packageDirOf = (input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'))?.[1];

/** The package folders (…/node_modules/<name> or …/node_modules/@scope/<name>) the input paths are in. */
export function packageDirsOf(inputs) {
  return [...new Set(inputs.map(packageDirOf).filter((d) => d !== undefined))];
}

const mitPermission = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
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

const licenceFiles = (dir) => readdirSync(dir).filter((f) => /^(un)?licen[cs]e([-._].*)?$|^copying([-._].*)?$/i.test(f)).sort();
const noticeFiles = (dir) => readdirSync(dir).filter((f) => /^notice([-._].*)?$/i.test(f)).sort();
const declared = (pkg) => (typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? (Array.isArray(pkg.licenses) ? pkg.licenses.map((l) => l.type ?? l).join(' OR ') : 'UNKNOWN')));

/** A file's leading comment block when it names a copyright (the header a licence asks to keep). */
function copyrightHeader(text) {
  const m = /^(?:\s*(?:\/\/[^\n]*\n)+|\s*\/\*[\s\S]*?\*\/)/.exec(text);
  if (m === null || !/copyright/i.test(m[0])) return undefined;
  return m[0].trim();
}

/** A package without a licence file: what package.json declares, the copyright headers of its bundled files, MIT's or Apache's text. */
function declaredLicence(pkg, headers) {
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  const licence = declared(pkg);
  const parts = [`(the package has no licence file; its package.json declares ${licence}${author ? `, author ${author}` : ''})`];
  if (headers.length > 0) parts.push(`Copyright headers of its files in the bundle:\n\n${headers.join('\n\n')}`);
  if (/\bMIT\b/.test(licence)) parts.push(mitPermission);
  if (/Apache-2\.0/.test(licence)) parts.push("The text of the Apache License, Version 2.0 is in vmcp-admission's LICENSE file.");
  return parts.join('\n\n');
}

/** The notices text for what the bundles took (esbuild's metafile input paths, relative to `root`), sorted by package name. */
export function thirdPartyNotices(root, inputs) {
  const entries = packageDirsOf(inputs).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const files = licenceFiles(join(root, dir));
    const read = (f) => readFileSync(join(root, dir, f), 'utf8').trim();
    const headers = files.length > 0 ? [] : [...new Set(inputs.filter((i) => packageDirOf(i) === dir).map((i) => copyrightHeader(readFileSync(join(root, i), 'utf8'))).filter((h) => h !== undefined))];
    const text = [files.length === 0 ? declaredLicence(pkg, headers) : files.map(read).join('\n\n'), ...noticeFiles(join(root, dir)).map(read)].join('\n\n');
    return { name: pkg.name, version: pkg.version, license: declared(pkg), text };
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
