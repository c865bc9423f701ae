// The package's command loader (cli/bin.ts -> dist/bundle/cli/main.js) and its V8 code cache: the
// cache only ever makes a run faster. Built-bundle tests run a copy of the loader and the bundle in
// a scratch folder and compare every run with one that uses no cache at all: present, absent,
// rejected (garbage), made under other node flags, switched off, or bypassed for source maps, the output is the same and
// nothing reaches stderr. (The read-only case, as the image runs it, is in test/ship/image.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { compileFunction, runInThisContext } from 'node:vm';
import { join } from 'node:path';
import { send } from '../webhook/helpers/client.js';
import { bundleFile, codeCacheEnabled, codeCacheName, serverDepsFile, serverPackages, wrapBundle, wrapperParams, writesCodeCache } from '../../src/cli/code-cache.js';

const key = { bundleHash: '0123456789abcdef', nodeVersion: 'v20.20.2', arch: 'x64', execArgv: [], nodeOptions: undefined };

void test('code cache name: one per bundle, Node.js, architecture and node flags', () => {
  assert.equal(codeCacheName(key), 'vmcp-admission.0123456789abcdef.node-v20.20.2-x64.code-cache');
  const names = [
    codeCacheName(key),
    codeCacheName({ ...key, bundleHash: 'fedcba9876543210' }),
    codeCacheName({ ...key, nodeVersion: 'v20.19.0' }),
    codeCacheName({ ...key, arch: 'arm64' }),
    codeCacheName({ ...key, execArgv: ['--max-semi-space-size=2'] }),
    codeCacheName({ ...key, nodeOptions: '--max-old-space-size=4096' }),
    codeCacheName({ ...key, execArgv: ['--max-semi-space-size=2', '--v8-pool-size=1'] }),
  ];
  assert.equal(new Set(names).size, names.length);
  assert.equal(codeCacheName({ ...key, nodeOptions: '' }), codeCacheName(key), 'an empty NODE_OPTIONS is no flag');
  for (const n of names) assert.match(n, /^[\w.-]+$/);
});

void test('code cache switch and writer: VMCP_ADMISSION_CODE_CACHE=off; only validate writes', () => {
  assert.equal(codeCacheEnabled({}), true);
  assert.equal(codeCacheEnabled({ VMCP_ADMISSION_CODE_CACHE: 'off' }), false);
  assert.equal(writesCodeCache(['validate', 'x.yaml']), true);
  for (const argv of [[], ['serve'], ['serve', '--help'], ['render', 'x'], ['--version'], ['rules'], ['validate', '--help'], ['validate', '-h']]) assert.equal(writesCodeCache(argv), false, argv.join(' '));
});

void test('the bundle file is one function expression of the wrapper parameters, on the lines esbuild gave them; a script returns it, CommonJS exports it', () => {
  const esbuild = '#!/usr/bin/env node\n"use strict";module.exports = [typeof __vmcpImport, __vmcpImportMetaUrl, typeof require];\n//# sourceMappingURL=x.cjs.map\n';
  const text = wrapBundle(esbuild);
  assert.deepEqual(text.split('\n').slice(1, 2), esbuild.split('\n').slice(1, 2), 'line 2 is esbuild\'s line 2');
  assert.match(text, /\n\}\)\);\n\/\/# sourceMappingURL=x\.cjs\.map\n$/);
  assert.deepEqual(wrapperParams.slice(0, 5), ['exports', 'require', 'module', '__filename', '__dirname']);
  const call = (fn: (...a: unknown[]) => void): unknown[] => {
    const module = { exports: [] as unknown[] };
    fn(module.exports, () => undefined, module, '/f.cjs', '/', () => Promise.resolve({}), 'file:///f.cjs');
    return module.exports;
  };
  // As a script (vm.Script, the global scope): the value of the file is the function.
  assert.deepEqual(call(runInThisContext(text) as (...a: unknown[]) => void), ['function', 'file:///f.cjs', 'function']);
  // As a CommonJS module: module.exports is the function.
  const cjs = { exports: {} as unknown };
  compileFunction(text, ['module', 'exports']).call(cjs.exports, cjs, cjs.exports);
  assert.deepEqual(call(cjs.exports as (...a: unknown[]) => void), ['function', 'file:///f.cjs', 'function']);
  assert.throws(() => wrapBundle('"use strict";\n'), /shebang/);
});

const built = new URL('../../dist/bundle/cli/', import.meta.url).pathname;
const example = new URL('../../examples/ratelimit-without-redis.yaml', import.meta.url).pathname;
const skip = existsSync(join(built, 'main.js')) ? false : 'needs the bundle: npm run build';

interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function run(dir: string, args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []): Ran {
  const r = spawnSync(process.execPath, [...nodeFlags, join(dir, 'main.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const caches = (dir: string): string[] => readdirSync(dir).filter((f) => f !== 'package.json' && f !== 'main.js' && f !== bundleFile).sort();

void test('the built command with its code cache absent, present, rejected, under other flags, switched off and with source maps', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-code-cache-'));
  try {
    copyFileSync(join(built, '../package.json'), join(dir, 'package.json'));
    copyFileSync(join(built, 'main.js'), join(dir, 'main.js'));
    copyFileSync(join(built, bundleFile), join(dir, bundleFile));
    const args = ['validate', example];
    const reference = run(dir, args, { VMCP_ADMISSION_CODE_CACHE: 'off' });
    assert.equal(reference.code, 1);
    assert.match(reference.out, /config\.rateLimiting requires sessionStorage with provider 'redis'/);
    assert.equal(reference.err, '');
    assert.deepEqual(caches(dir), [], 'off: nothing written');
    // Help and a usage error compile little of the engine: no cache from them (it would be kept).
    assert.equal(run(dir, ['validate', '--help']).code, 0);
    assert.equal(run(dir, ['validate', '--bogus']).code, 2);
    assert.deepEqual(caches(dir), [], 'help and usage errors write nothing');

    // Absent: compiled from source, then written.
    assert.deepEqual(run(dir, args), reference);
    const [written, ...more] = caches(dir);
    assert.ok(written !== undefined && more.length === 0 && written.endsWith('.code-cache'), caches(dir).join(', '));
    const file = join(dir, written);
    const { ino } = statSync(file);

    // Present and accepted: used, not rewritten; other commands read it too and write nothing.
    assert.deepEqual(run(dir, args), reference);
    assert.equal(statSync(file).ino, ino, 'an accepted cache is not rewritten');
    const rules = run(dir, ['rules']);
    assert.equal(rules.code, 0);
    assert.equal(rules.err, '');
    assert.deepEqual(caches(dir), [written]);

    // Rejected (not V8's data): compiled from source, same output, replaced by a good one.
    writeFileSync(file, Buffer.alloc(4096, 7));
    assert.deepEqual(run(dir, args), reference);
    assert.notDeepEqual(readFileSync(file).subarray(0, 64), Buffer.alloc(64, 7), 'the rejected cache is rewritten');
    assert.deepEqual(run(dir, args), reference);

    // Other V8 flags: their own file, the first one untouched.
    const before = readFileSync(file);
    assert.deepEqual(run(dir, args, {}, ['--max-semi-space-size=2']), reference);
    assert.equal(caches(dir).length, 2);
    assert.deepEqual(readFileSync(file), before);
    assert.deepEqual(run(dir, args, {}, ['--max-semi-space-size=2']), reference);

    // Switched off beside present caches: the same output, nothing new written.
    assert.deepEqual(run(dir, args, { VMCP_ADMISSION_CODE_CACHE: 'off' }, ['--stack-size=900']), reference);
    assert.equal(caches(dir).length, 2);
    // --enable-source-maps: loaded by Node.js's CommonJS loader (which maps stack traces), no cache.
    assert.deepEqual(run(dir, args, {}, ['--enable-source-maps']), reference);
    assert.deepEqual(run(dir, args, { NODE_OPTIONS: '--enable-source-maps' }), reference);
    assert.equal(caches(dir).length, 2);
    assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary file left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// What a command loads: the bundle keeps server and rate-limit packages out of `validate` and
// `serve --help` (lazily evaluated modules), and `serve` takes its server packages from the bundled
// server-deps.cjs, never from node_modules (the image's and a consumer's may not hold them). Seen
// from a preload that lists the CommonJS modules Node.js loaded (require.cache) when the process exits.
const loadedPreload = "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n";
const loadedOf = (err: string): string[] => JSON.parse(/^LOADED (.*)$/m.exec(err)?.[1] ?? 'null') as string[];
const packagesOf = (loaded: readonly string[]): string[] => loaded.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((p): p is string => p !== undefined);

void test('validate and serve --help load no server, Redis, chart or schema-compiler package', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-loaded-'));
  try {
    const preload = join(dir, 'loaded.cjs');
    writeFileSync(preload, loadedPreload);
    const heavy = ['fastify', 'pino', 'prom-client', 'ajv', 'ioredis', 'vega', '@kubernetes/client-node'];
    for (const args of [['validate', example], ['serve', '--help']]) {
      const r = run(built, args, { VMCP_ADMISSION_CODE_CACHE: 'off' }, ['-r', preload]);
      const loaded = loadedOf(r.err);
      assert.ok(loaded.some((f) => f.endsWith('main.js')), r.err);
      assert.deepEqual(packagesOf(loaded).filter((p) => heavy.includes(p)), [], args.join(' '));
      assert.deepEqual(loaded.filter((f) => f.endsWith(serverDepsFile)), [], `${args.join(' ')}: the server's packages are not read`);
    }
    // The check sees a package when one is loaded: a configuration file is checked with ajv.
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'mode: strict\n');
    const r = run(built, ['validate', '--config', config, example], { VMCP_ADMISSION_CODE_CACHE: 'off' }, ['-r', preload]);
    assert.match(/^LOADED (.*)$/m.exec(r.err)?.[1] ?? '', /node_modules\/ajv\//);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('serve takes fastify, pino, prom-client and @fastify/error from server-deps.cjs, none from node_modules', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-loaded-serve-'));
  const preload = join(dir, 'loaded.cjs');
  writeFileSync(preload, loadedPreload);
  const child = spawn(process.execPath, ['-r', preload, join(built, 'main.js'), 'serve', '--host', '127.0.0.1', '--port', '0', '--cert-dir', join(dir, 'certs'), '--drain-delay', '0s'], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  try {
    for (let i = 0; i < 400 && !/"port":\d+,"path"/.test(out) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
    const port = Number(/"port":(\d+),"path"/.exec(out)?.[1]);
    assert.ok(port > 0, err);
    // The bundled fastify judges a review (and pino logs it) as the unbundled one does.
    const body = readFileSync(new URL('../../examples/admissionreview-create-ratelimit-without-redis.json', import.meta.url), 'utf8');
    const denied = await send({ port, ca: readFileSync(join(dir, 'certs/ca.crt'), 'utf8') }, { body });
    assert.equal(denied.status, 200);
    assert.match(denied.body, /"allowed":false.*config\.rateLimiting requires sessionStorage with provider 'redis'/);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    assert.deepEqual(await exited, [0, null], err);
    const loaded = loadedOf(err);
    assert.deepEqual(loaded.filter((f) => f.endsWith(`/${serverDepsFile}`)).length, 1, err);
    assert.deepEqual(packagesOf(loaded).filter((p) => (serverPackages as readonly string[]).includes(p)), []);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
