// The npm package as a user gets it: the real `npm pack` with its lifecycle scripts, in a copy of the
// sources (so that prepack's build writes the copy's dist/, not the one the other tests are running
// from), the tarball holds what runs and nothing twice, and installed into another folder
// (dependencies from the registry or the npm cache) its `vmcp-admission` command validates and
// serves without any script of ours running or being listed for approval.
import assert from 'node:assert/strict';
import { execFile as execFileCb, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { send } from '../webhook/helpers/client.js';

const execFile = promisify(execFileCb);
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string>; version: string };

interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: Array<{ path: string }>;
}

// Build hooks, measured with npm 11 (pacote 21): `prepack` builds the release tarball and drops
// `prepare` from the packed package.json (postpack restores it), so a tarball install neither runs
// nor lists an install script. `prepare` stays in the repository for installs from git: npm packs a
// git dependency running only `prepare` (pacote lib/dir.js), never `prepack`, and pre-commit 4
// installs hooks that way. `start` and `pretest` build for checkouts.
void test('package.json: metadata for the registry; prepack builds the tarball, prepare serves git installs, start and test build', () => {
  const url = 'https://github.com/vmcp-admission/vmcp-admission';
  assert.deepEqual(pkg.repository, { type: 'git', url: `git+${url}.git` });
  assert.equal(pkg.homepage, `${url}#readme`);
  assert.deepEqual(pkg.bugs, { url: `${url}/issues` });
  assert.ok(Array.isArray(pkg.keywords) && pkg.keywords.includes('kubernetes') && pkg.keywords.includes('toolhive'));
  assert.equal(pkg.scripts.prepack, 'node scripts/prepack.mjs');
  assert.equal(pkg.scripts.postpack, 'node scripts/prepack.mjs restore');
  assert.equal(pkg.scripts.prepare, 'node scripts/prepare.mjs');
  for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(pkg.scripts[hook], undefined, hook);
  assert.match(pkg.scripts.start ?? '', /^npm run build && /, 'npm ci && npm start builds');
  assert.match(pkg.scripts.pretest ?? '', /^npm run build$/, 'npm test builds');
});

/** The sources `npm pack` needs, copied; node_modules linked to the checkout's. */
function copySources(to: string): void {
  mkdirSync(to);
  for (const entry of ['package.json', 'package-lock.json', '.npmrc', 'README.md', 'LICENSE', 'NOTICE', 'tsconfig.json', 'tsconfig.build.json', 'src', 'scripts', 'schemas', 'upstream/toolhive/PROVENANCE.json']) {
    cpSync(join(root, entry), join(to, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'));
}

void describe('the packed package, installed in another folder', () => {
  let dir: string;
  let packed: Packed;
  let manifest: Record<string, unknown> & { scripts: Record<string, string> };
  let source: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vmcp-pack-'));
    source = join(dir, 'checkout');
    copySources(source);
    // stdout is only npm's JSON: the build's output stays off it (.npmrc foreground-scripts=false),
    // which tools that read the tarball name from `npm pack` (pre-commit 3) rely on.
    const { stdout } = await execFile('npm', ['pack', '--json', '--pack-destination', dir], { cwd: source, timeout: 240_000 });
    packed = (JSON.parse(stdout) as Packed[])[0]!;
    const { stdout: text } = await execFile('tar', ['-xzOf', join(dir, packed.filename), 'package/package.json']);
    manifest = JSON.parse(text) as typeof manifest;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // dist/bundle/package.json makes the loader (main.js) CommonJS. The generated validators are
  // inside the bundle (vmcp-admission.cjs); no code cache: it belongs
  // to one Node.js and set of V8 flags, and the installed command writes its own on first validate.
  void test('the tarball holds the loader and the bundle, the schemas, the vendored CRDs of the related kinds (schemas/related-crds.json, for validate --refs), README, LICENSE, NOTICE and the bundled packages licences; no maps, no code cache, no unbundled tree', () => {
    const paths = packed.files.map((f) => f.path).sort();
    assert.deepEqual(paths, [
      'LICENSE',
      'NOTICE',
      'README.md',
      'dist/bundle/THIRD-PARTY-NOTICES.txt',
      'dist/bundle/cli/main.js',
      'dist/bundle/cli/server-deps.cjs',
      'dist/bundle/cli/vmcp-admission.cjs',
      'dist/bundle/package.json',
      'package.json',
      'schemas/related-crds.json',
      'schemas/virtualmcpserver.v1alpha1.json',
      'schemas/virtualmcpserver.v1beta1.json',
    ]);
    assert.ok(packed.size < 640_000, `${packed.size} bytes packed`);
  });

  void test('prepack built the copy and dropped prepare from the packed package.json only; postpack restored the file', () => {
    assert.ok(existsSync(join(source, 'dist/bundle/cli/main.js')), 'prepack built dist/');
    assert.equal(manifest.scripts.prepare, undefined);
    assert.deepEqual({ ...manifest, scripts: { ...manifest.scripts, prepare: pkg.scripts.prepare } }, pkg);
    assert.equal(readFileSync(join(source, 'package.json'), 'utf8'), readFileSync(join(root, 'package.json'), 'utf8'));
    assert.ok(!existsSync(join(source, '.tmp/package.json.prepack')));
  });

  void test('its command validates and serves from another folder', async () => {
    const app = join(dir, 'app');
    await execFile('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "consumer", "private": true }\n');
    const installed = await execFile('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--foreground-scripts', join(dir, packed.filename)], { cwd: app, timeout: 180_000 });
    assert.ok(!/> vmcp-admission@[\d.]+ (prepare|prepack|build)/.test(installed.stdout + installed.stderr), 'installing the tarball runs no build');
    // npm 11 lists the install scripts of non-registry packages for approval; the tarball has none.
    assert.ok(!/install scripts not yet covered|vmcp-admission@[\d.]+ \(/.test(installed.stderr), installed.stderr);
    assert.ok(!installed.stderr.includes('EBADENGINE'), installed.stderr);
    // What the bundles carry is not installed again: the server's packages, CEL and YAML come from the bundles.
    for (const name of ['fastify', 'pino', 'prom-client', '@fastify/error', 'light-my-request', '@bufbuild/cel', 'yaml']) assert.ok(!existsSync(join(app, 'node_modules', name)), `${name} installed`);
    const bin = join(app, 'node_modules/.bin/vmcp-admission');
    const installedCli = join(app, 'node_modules/vmcp-admission/dist/bundle/cli');
    const cacheFiles = (): string[] => readdirSync(installedCli).filter((f) => f.endsWith('.code-cache'));
    assert.deepEqual(cacheFiles(), []);
    const validateDenied = (): Promise<{ code: number; stdout: string; stderr: string }> =>
      execFile(bin, ['validate', join(root, 'examples/ratelimit-without-redis.yaml')], { cwd: app }).then(
        () => assert.fail('a denied manifest exits 1'),
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
    const denied = await validateDenied();
    assert.equal(denied.code, 1);
    assert.match(denied.stdout, /config\.rateLimiting requires sessionStorage with provider 'redis'/);
    assert.equal(denied.stderr, '');
    // The first validate wrote the code cache beside the installed bundle; the next one reads it.
    assert.equal(cacheFiles().length, 1);
    const again = await validateDenied();
    assert.deepEqual([again.code, again.stdout, again.stderr], [denied.code, denied.stdout, denied.stderr]);
    const allowed = await execFile(bin, ['validate', '--output', 'json', join(root, 'examples/ratelimit-valid.yaml')], { cwd: app });
    assert.equal((JSON.parse(allowed.stdout) as { summary: { allowed: number } }).summary.allowed, 1);
    // --refs judges the related objects against the vendored CRDs shipped in the tarball.
    const related = await execFile(bin, ['validate', '--refs', 'warn', '--output', 'json', join(root, 'examples/ratelimit-valid.yaml'), join(root, 'examples/team-backends')], { cwd: app });
    assert.deepEqual((JSON.parse(related.stdout) as { summary: { allowed: number; skipped: number; warnings: number } }).summary, { ...JSON.parse(related.stdout).summary, allowed: 4, skipped: 0, warnings: 0 });

    const certs = join(dir, 'certs');
    const child = spawn(bin, ['serve', '--host', '127.0.0.1', '--port', '0', '--cert-dir', certs, '--drain-delay', '0s'], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (l) => {
          const m = /"port":(\d+),"path"/.exec(l);
          if (m) resolve(Number(m[1]));
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const reply = await send({ port, ca: readFileSync(join(certs, 'ca.crt'), 'utf8') }, { body: readFileSync(join(root, 'examples/admissionreview-create-valid.json'), 'utf8') });
      assert.match(reply.body, /"allowed":true/);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      assert.deepEqual(await exited, [0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
