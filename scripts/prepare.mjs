// The build for the cases where npm builds this package itself: `prepare` (after `npm ci`/`npm
// install` in a checkout, and when the repository is installed from git: `npm install git+…`,
// pre-commit) and `prepack` (scripts/prepack.mjs, before `npm pack`/`npm publish` write a tarball).
//
// Why both hooks: npm installs a git dependency by cloning it, running `npm install` in the clone and
// packing it with only `prepare` (pacote 21: lib/git.js #prepareDir, then lib/dir.js #prepareDir,
// "we *only* run prepare"); `prepack` never runs there, so without `prepare` a git install has no
// dist/ and no command. A release tarball must not carry `prepare` (npm 11 lists it as an install
// script to approve, although it never runs for a tarball), so prepack builds and removes it from
// the packed package.json; postpack restores the file.
//
// One case needs help: pre-commit installs a `language: node` hook from a clone of the repository
// with NPM_CONFIG_PREFIX set to its environment (`npm install -g git+file://<clone>` since pre-commit
// 4; earlier versions ran `npm install` and `npm pack` in the clone). npm then installs the clone's
// dependencies into that prefix and the build finds no tsc (measured with npm 11). When the build
// tools are missing here, install the locked dependencies into this directory first (scripts off:
// the build is next).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (args, env = process.env) => {
  const r = spawnSync('npm', args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('node_modules/.bin/tsc')) {
  const here = process.cwd();
  const env = { ...process.env, npm_config_prefix: here, NPM_CONFIG_PREFIX: here, npm_config_global: 'false' };
  run(['ci', '--ignore-scripts', '--include=dev', '--no-audit', '--no-fund'], env);
}
run(['run', 'build']);
