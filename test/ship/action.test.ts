// action.yml run locally the way the runner would: its `run:` steps in order with bash, the
// step's `env:` with `${{ inputs.* }}` (defaults, then the test's inputs) and `${{ github.action_path }}`
// substituted, in a workspace folder, stopping at the first failing step; `uses:` steps (setup-node)
// are left to the runner. The build step finds the bundle `npm test` has built and does not rebuild.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
}
interface Action {
  readonly inputs: Record<string, { default?: string; required?: boolean }>;
  readonly runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the action's steps with these inputs from the repository root as the workspace. */
function runAction(inputs: Record<string, string>): Result {
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `action.yml declares input ${name}`);
  const values: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
  const expr = (text: string): string =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, ref: string) => {
      if (ref === 'github.action_path') return root;
      if (ref.startsWith('inputs.')) return values[ref.slice(7)] ?? '';
      throw new Error(`unknown expression ${ref}`);
    });
  let stdout = '';
  let stderr = '';
  for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
    assert.equal(step.shell, 'bash');
    assert.ok(!step.run!.includes('${{'), `step "${step.name}": inputs reach scripts through env, never spliced into the script`);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v)])) };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run!], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.status !== 0) return { code: r.status ?? -1, stdout, stderr };
  }
  return { code: 0, stdout, stderr };
}

void test('action.yml: a composite action whose inputs are paths, mode, refs, fail-on, config and sarif', () => {
  assert.equal(action.runs.using, 'composite');
  for (const input of ['paths', 'mode', 'refs', 'fail-on', 'config', 'sarif']) assert.ok(action.inputs[input], input);
  for (const input of ['mode', 'refs', 'fail-on', 'config', 'sarif']) assert.equal(action.inputs[input]!.default, '', `${input}: empty by default, so no flag`);
});

// Without the bundle the build step would run `npm ci` in this checkout, under the running tests.
const built = existsSync(join(root, 'dist/bundle/cli/main.js'));
void describe('the action run locally', { skip: built ? false : 'needs the bundle: npm run build (npm test does)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-action-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  void test('a denied manifest: an error annotation at its line and column, exit 1', () => {
    const r = runAction({ paths: 'examples/ratelimit-without-redis.yaml\nexamples/ratelimit-valid.yaml' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::error file=examples\/ratelimit-without-redis\.yaml,line=9,col=1,title=vmcp-admission [\w-]+::spec: Invalid value: "object": config\.rateLimiting requires sessionStorage with provider 'redis'$/m);
    assert.ok(!r.stdout.includes('file=examples/ratelimit-valid.yaml'), 'nothing about the valid file');
  });

  void test('valid manifests only: no annotation, exit 0', () => {
    const r = runAction({ paths: 'examples/ratelimit-valid.yaml' });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('::error'));
  });

  void test('mode crd judges as the API server only (a bad refillPeriod passes), mode empty is strict', () => {
    assert.equal(runAction({ paths: 'examples/refillperiod-not-a-duration.yaml', mode: 'crd' }).code, 0);
    const strict = runAction({ paths: 'examples/refillperiod-not-a-duration.yaml' });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /::error file=examples\/refillperiod-not-a-duration\.yaml,line=\d+,col=\d+,.*refillPeriod/);
  });

  void test('sarif: a SARIF 2.1.0 file as well as the annotations', () => {
    const sarif = join(dir, 'reports/vmcp.sarif');
    const r = runAction({ paths: 'examples/ratelimit-without-redis.yaml', sarif });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=/m);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: Array<{ results: Array<{ level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]!.results[0]!.level, 'error');
    assert.equal(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'examples/ratelimit-without-redis.yaml');
  });

  void test('fail-on, refs and config are passed as flags only when set', () => {
    const unset = runAction({ paths: 'examples/ratelimit-valid.yaml', 'fail-on': '', refs: '', config: '' });
    assert.equal(unset.code, 0, unset.stderr);
    // fail-on warning: a manifest with only a warning fails the step.
    assert.equal(runAction({ paths: 'test/core/fixtures/v1alpha1-deprecated.yaml' }).code, 0);
    assert.equal(runAction({ paths: 'test/core/fixtures/v1alpha1-deprecated.yaml', 'fail-on': 'warning' }).code, 1);
    // A value no version accepts: the CLI names the flag and exits 2, which shows the flag was passed.
    const set = runAction({ paths: 'examples/ratelimit-valid.yaml', 'fail-on': 'not-a-level' });
    assert.equal(set.code, 2);
    assert.match(set.stderr + set.stdout, /fail-on/);
    const missing = join(dir, 'no-such-config.yaml');
    assert.ok(!existsSync(missing));
    const config = runAction({ paths: 'examples/ratelimit-valid.yaml', config: missing });
    assert.equal(config.code, 2);
    assert.match(config.stderr + config.stdout, /config/);
  });

  void test('an unreadable path: exit 2', () => {
    const r = runAction({ paths: 'examples/no-such-file.yaml' });
    assert.equal(r.code, 2);
  });
});
