// `prepack` / `postpack`: the release tarball (`npm pack`, `npm publish`) holds a fresh build and a
// package.json without `prepare`, so installing it — from a file, a URL or a registry — neither runs
// nor asks to approve any script of ours (see scripts/prepare.mjs for why the repository keeps
// `prepare`: installs from git).
//
//   node scripts/prepack.mjs           build (scripts/prepare.mjs), then drop scripts.prepare from
//                                      package.json, keeping the original in .tmp/
//   node scripts/prepack.mjs restore   put the original package.json back (postpack)
//
// A pack that failed between the two leaves the backup; the next prepack restores it first, but
// only while package.json is still exactly what prepack wrote: an edited one (a version bump since)
// is never overwritten — it stops and says which file to look at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const backup = '.tmp/package.json.prepack';

/** package.json as prepack writes it: the original without scripts.prepare. */
function stripped(text) {
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function restore() {
  if (!existsSync(backup)) return;
  if (readFileSync('package.json', 'utf8') !== stripped(readFileSync(backup, 'utf8'))) {
    console.error(`prepack: package.json changed since a pack left ${backup}; not overwriting it. Compare the two, keep what you want in package.json (with its prepare script) and delete ${backup}.`);
    process.exit(1);
  }
  renameSync(backup, 'package.json');
}

if (process.argv[2] === 'restore') {
  restore();
} else {
  restore();
  const built = spawnSync(process.execPath, ['scripts/prepare.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const text = readFileSync('package.json', 'utf8');
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(backup, text);
  writeFileSync('package.json', stripped(text));
}
