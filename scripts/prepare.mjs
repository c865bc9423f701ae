// `prepare`: builds dist/ (npm runs it after `npm ci`/`npm install` in a checkout, on `npm pack`, and
// for git dependencies; never when a tarball or registry package is installed).
//
// One case needs help: pre-commit installs a `language: node` hook with `npm install -g
// git+file://<repo>` and NPM_CONFIG_PREFIX set to its environment. npm then prepares the git clone
// with a nested `npm install` that inherits that prefix, so the clone's dependencies land in the
// prefix and the build finds no tsc (measured with pre-commit 4.6 and npm 11). When the build tools
// are missing here, install the locked dependencies into this directory first (scripts off: this
// is already the prepare step).
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
