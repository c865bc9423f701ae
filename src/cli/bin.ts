#!/usr/bin/env node
// The package's command (bundled by scripts/bundle.mjs to dist/bundle/cli/main.js, the `bin`):
// runs the CLI bundle (vmcp-admission.cjs beside it: cli/main.ts and everything it imports, as
// one CommonJS script) through vm.Script with a V8 code cache, so that a cold `validate`
// deserializes compiled code instead of parsing and compiling ~1.2 MB of JavaScript (issue #16:
// <= 2.0x `node -e 0`; Node.js 20 has no module.enableCompileCache).
//
// The cache is an optimization, never a requirement: a missing, unreadable or rejected cache
// (another Node.js or V8 flags) compiles from source. A judged `validate` (exit 0 or 1, not help or
// a usage error, which compile little of the engine) then writes one beside the
// bundle (to a temporary file, renamed into place) when that directory is writable — `npm run
// build` makes one — and silently does not where it is not (the image's read-only /app, a
// global install owned by root). VMCP_ADMISSION_CODE_CACHE=off neither reads nor writes it, and
// neither does a run with --enable-source-maps (see below).
import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { bundleFile, codeCacheEnabled, codeCacheName, serverDepsFile, serverPackages, writesCodeCache, writesCodeCacheAfter } from './code-cache.js';

/** The bundle's content hash, defined by scripts/bundle.mjs. */
declare const VMCP_BUNDLE_HASH: string;

const dir = dirname(fileURLToPath(import.meta.url));
const file = join(dir, bundleFile);
const enabled = codeCacheEnabled(process.env);
const cacheFile = join(dir, codeCacheName({ bundleHash: VMCP_BUNDLE_HASH, nodeVersion: process.version, arch: process.arch, execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS }));

function readCache(): Buffer | undefined {
  if (!enabled) return undefined;
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** After the command: the compiled code (top level and every function the run compiled), written atomically; any failure is ignored. */
function writeCache(script: Script): void {
  // Unique per writer (pids repeat across containers sharing a volume), created exclusively.
  const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    accessSync(dir, constants.W_OK); // before serializing: a read-only directory costs nothing
    writeFileSync(temporary, script.createCachedData(), { flag: 'wx' });
    renameSync(temporary, cacheFile);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing written, nothing to remove
    }
  }
}

const importer = (specifier: string): Promise<unknown> => import(specifier);
const nodeRequire = createRequire(file);
const fromServerDeps = new Set<string>(serverPackages);
let serverDeps: Record<string, unknown> | undefined;
/** The bundle's require: the server's packages from their bundle (scripts/bundle.mjs), the rest as Node.js resolves them. */
const require = Object.assign((id: string): unknown => (fromServerDeps.has(id) ? (serverDeps ??= nodeRequire(`./${serverDepsFile}`) as Record<string, unknown>)[id] : nodeRequire(id)), nodeRequire);

/** The bundle's function (scripts/bundle.mjs writes the file as one function expression). */
function compile(): (...args: unknown[]) => void {
  // --enable-source-maps: Node.js maps the stack traces of what its own module loader compiled, not
  // of a vm.Script, so the file is loaded as the CommonJS module it also is (no code cache).
  if (process.sourceMapsEnabled) return require(file) as (...args: unknown[]) => void;
  const cachedData = readCache();
  // latin1: the bundle is ASCII (scripts/bundle.mjs checks), and latin1 is a plain copy where utf8 decodes.
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  if (enabled && (cachedData === undefined || script.cachedDataRejected === true) && writesCodeCache(process.argv.slice(2))) {
    process.once('exit', (code) => {
      if (writesCodeCacheAfter.has(code)) writeCache(script);
    });
  }
  return script.runInThisContext() as (...args: unknown[]) => void;
}

const module = { exports: {} };
compile().call(module.exports, module.exports, require, module, file, dir, importer, pathToFileURL(file).href);
