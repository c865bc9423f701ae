// Bundles the built CLI (dist/) into dist/bundle/cli/ with esbuild:
//  - vmcp-admission.cjs: cli/main.js and everything it imports (the generated schemas/ modules
//    included) as one CommonJS script, minified; lazy subcommands stay lazy (evaluated on first
//    import), and @bufbuild/protobuf's unused well-known types are tree-shaken (both @bufbuild
//    packages declare sideEffects: false).
//  - server-deps.cjs: the server's packages (fastify, pino, prom-client, @fastify/error) bundled
//    apart; the CLI bundle keeps them external and the loader's require maps them to this file.
//  - THIRD-PARTY-NOTICES.txt: the licences of the packages both bundles include.
//  - main.js: the package's command (cli/bin.ts), which runs that script through vm.Script with a
//    V8 code cache: a cold `validate` spends most of its time compiling source text otherwise
//    (target: <= 2.0x `node -e 0`, issue #16; Node.js 20 has no module.enableCompileCache).
// Then one `validate` run of the new bundle writes the code cache for this Node.js (dist/ only;
// the package and the image do not carry it: another Node.js or V8 flags would reject it).
// Other server-side packages stay external: the Kubernetes client and ajv (loaded by `serve` only
// when it follows a cluster or compiles an installed CRD); so do
// ioredis and vega/vega-lite, loaded only by the rate-limit commands that need them. A vm.Script cannot
// import(), so `import("pkg")` of an external package becomes the loader's `__vmcpImport("pkg")`.
// The output directory keeps the depth of dist/core/schema/, so schemas/related-crds.json is found
// at the same relative path (../../../schemas) as from src/ and dist/.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleFile, codeCacheName, serverDepsFile, serverPackages, wrapBundle } from '../dist/cli/code-cache.js';
import { thirdPartyNotices } from './third-party-notices.mjs';

const external = ['fastify', 'pino', '@fastify/error', 'prom-client', '@kubernetes/client-node', 'ajv', 'ajv-formats', 'ioredis', 'vega', 'vega-lite'];
const out = 'dist/bundle/cli';
const marker = '__vmcp_dynamic_import__/';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `import("pkg")` of an external package: kept external under a marker the text pass below rewrites. */
const dynamicExternals = {
  name: 'dynamic-externals',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${external.map(escape).join('|')})(/|$)`) }, (args) => (args.kind === 'dynamic-import' ? { path: marker + args.path, external: true } : undefined));
  },
};

// The content hash in the code cache's name: clear old builds so dist/ holds one bundle and its caches.
rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const cli = await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: `${out}/${bundleFile}`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [dynamicExternals],
  define: { 'import.meta.url': '__vmcpImportMetaUrl' },
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  write: false,
  metafile: true,
});
const js = cli.outputFiles.find((f) => f.path.endsWith('.cjs'));
const map = cli.outputFiles.find((f) => f.path.endsWith('.cjs.map'));
// Line- and column-preserving rewrites keep the source map exact: the marker's import( becomes
// __vmcpImport( padded with spaces, and wrapBundle puts the wrapper on the shebang's line.
let text = js.text;
const from = `import("${marker}`;
const to = `__vmcpImport(${' '.repeat(from.length - '__vmcpImport("'.length)}"`;
text = text.split(from).join(to);
if (/\bimport\(/.test(text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""'))) throw new Error(`${bundleFile}: an import() is left that a vm.Script cannot run`);
// The loader maps exactly these ids to server-deps.cjs: a subpath (`pino/file`) or an import() of one would load a
// second copy from node_modules (another registry, another logger), so neither may appear. (pino transports,
// which resolve worker files beside the package, are not used and would not work from the bundle.)
for (const p of serverPackages) {
  const escaped = escape(p);
  if (new RegExp(`require\\("${escaped}/|__vmcpImport\\( *"${escaped}["/]`).test(text)) throw new Error(`${bundleFile}: ${p} is loaded by a subpath or import(); only require("${p}") is mapped to ${serverDepsFile}`);
}
// The loader reads the bundle as latin1 (a copy, no decoding): esbuild's default charset is ASCII.
if (Buffer.byteLength(text, 'utf8') !== text.length) throw new Error(`${bundleFile}: not ASCII`);
text = wrapBundle(text);
writeFileSync(js.path, text);
writeFileSync(map.path, map.contents);
const bundleHash = createHash('sha256').update(text).digest('hex').slice(0, 16);

// The server's packages, one file for the loader to require (see serverPackages): a getter per
// package, so each is evaluated when `serve` first imports it. Names kept: fastify and avvio name
// plugins and hooks after their functions.
const serverDeps = await build({
  stdin: {
    contents: `module.exports = {\n${serverPackages.map((p) => `  get ${JSON.stringify(p)}() { return require(${JSON.stringify(p)}); },`).join('\n')}\n};\n`,
    resolveDir: process.cwd(),
    sourcefile: 'server-deps.cjs',
    loader: 'js',
  },
  outfile: `${out}/${serverDepsFile}`,
  bundle: true,
  // Loaded only if a route had a schema (none has); the package's own ajv serves them then.
  external: ['ajv', 'ajv-formats'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
});
// The licences of what both bundles include (scripts/third-party-notices.mjs).
writeFileSync('dist/bundle/THIRD-PARTY-NOTICES.txt', thirdPartyNotices(process.cwd(), [...Object.keys(cli.metafile.inputs), ...Object.keys(serverDeps.metafile.inputs)]));

// The loader as CommonJS (dist/bundle/package.json says so): an ES module entry point costs a cold
// run the start of Node.js's ESM loader, ~5 % of a cold validate's CPU time, measured.
await build({
  entryPoints: ['dist/cli/bin.js'],
  outfile: `${out}/main.js`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { VMCP_BUNDLE_HASH: JSON.stringify(bundleHash), 'import.meta.url': 'VMCP_MAIN_URL' },
  banner: { js: "const VMCP_MAIN_URL = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
writeFileSync('dist/bundle/package.json', '{ "type": "commonjs" }\n');

// One `validate` of a small manifest on stdin writes the code cache for this Node.js.
const manifest = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: VirtualMCPServer
metadata: { name: code-cache, namespace: default }
spec:
  groupRef: { name: g }
  incomingAuth: { type: oidc, oidcConfigRef: { name: o, audience: a } }
  sessionStorage: { provider: redis, address: "redis:6379" }
  config:
    rateLimiting:
      shared: { maxTokens: 100, refillPeriod: 1m }
      perUser: { maxTokens: 10, refillPeriod: 1m }
      tools: [{ name: search, perUser: { maxTokens: 5, refillPeriod: 30s } }]
`;
const env = { ...process.env };
delete env.VMCP_ADMISSION_CODE_CACHE;
delete env.NODE_OPTIONS;
const trained = spawnSync(process.execPath, [`${out}/main.js`, 'validate', '-'], { input: manifest, env, encoding: 'utf8' });
const cacheName = codeCacheName({ bundleHash, nodeVersion: process.version, arch: process.arch, execArgv: [], nodeOptions: undefined });
if (trained.status !== 0 || !existsSync(`${out}/${cacheName}`)) throw new Error(`the code cache run failed (exit ${trained.status}): ${trained.stdout}${trained.stderr}`);
