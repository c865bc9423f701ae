// `prepack` / `postpack`: the release tarball (`npm pack`, `npm publish`) holds a fresh build and a
// package.json without `prepare`, so installing it — from a file, a URL or a registry — neither runs
// nor asks to approve any script of ours (see scripts/prepare.mjs for why the repository keeps
// `prepare`: installs from git).
//
//   node scripts/prepack.mjs           build (scripts/prepare.mjs), then drop scripts.prepare from
//                                      package.json, keeping the original in .tmp/
//   node scripts/prepack.mjs restore   put the original package.json back (postpack)
//
// A pack that failed between the two leaves the backup; the next prepack restores it first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const backup = '.tmp/package.json.prepack';

function restore() {
  if (existsSync(backup)) renameSync(backup, 'package.json');
}

if (process.argv[2] === 'restore') {
  restore();
} else {
  restore();
  const built = spawnSync(process.execPath, ['scripts/prepare.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const text = readFileSync('package.json', 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(backup, text);
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
}
