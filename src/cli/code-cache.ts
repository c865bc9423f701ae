// Pure parts of the package's command loader (cli/bin.ts) and of the bundler (scripts/bundle.mjs):
// how the CLI bundle is wrapped for vm.Script, and which V8 code cache file belongs to which
// bundle, Node.js and V8 flags.

/** The file scripts/bundle.mjs writes the whole CLI to, as one CommonJS script, beside the loader. */
export const bundleFile = 'vmcp-admission.cjs';

/**
 * The server's packages, bundled apart into this file beside the loader (each evaluated on first use):
 * `serve` then loads one file instead of resolving and reading some 200 files under node_modules/,
 * which is what kept V8's optimizing compiler busy during start-up (its code is then resident,
 * ~3.4 MiB) and left ~2 MiB more heap. Kept out of the CLI bundle so `validate` never reads them.
 */
export const serverDepsFile = 'server-deps.cjs';
export const serverPackages = ['fastify', 'pino', 'prom-client', '@fastify/error'] as const;

/**
 * The parameters the bundle's code sees: CommonJS's five, plus the loader's dynamic import() (a
 * vm.Script has no module loader of its own; the bundler rewrites `import("pkg")` of external
 * packages to `__vmcpImport("pkg")`) and the bundle's file URL for `import.meta.url`.
 */
export const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname', '__vmcpImport', '__vmcpImportMetaUrl'] as const;

const sourceMapComment = /\n\/\/# sourceMappingURL=(\S+)\n?$/;

/**
 * The bundle file's text from esbuild's output, made at build time so the loader hands the file to
 * V8 as it is (no 1.2 MB concatenation, no garbage copy): one function expression of the wrapper's
 * parameters, whose value a vm.Script returns and a CommonJS require() exports (the loader uses the
 * latter with --enable-source-maps). It replaces esbuild's first line, the entry's shebang, so every
 * line keeps its number and the source map stays exact; the map comment moves after the function.
 */
export function wrapBundle(esbuildOutput: string): string {
  const newline = esbuildOutput.indexOf('\n');
  if (!esbuildOutput.startsWith('#!') || newline < 0) throw new Error('wrapBundle: esbuild output does not start with the entry\'s shebang line');
  const map = sourceMapComment.exec(esbuildOutput);
  const body = esbuildOutput.slice(newline, map === null ? undefined : map.index);
  // The function in parentheses of its own: V8 compiles a parenthesized function eagerly (as the
  // CommonJS wrapper is); a bare call argument would be pre-parsed, then parsed again when called,
  // and its pre-parse data kept (+2.4 MiB RSS for serve, measured).
  const head = `(this === globalThis ? (f) => f : (f) => { module.exports = f; })((function (${wrapperParams.join(', ')}) {`;
  return `${head}${body}\n}));\n${map === null ? '' : `//# sourceMappingURL=${map[1]}\n`}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell flag sets apart in a file name. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface CacheKey {
  /** Content hash of the bundle (from the bundler): a cache never meets another build's bundle. */
  readonly bundleHash: string;
  readonly nodeVersion: string;
  readonly arch: string;
  /** process.execArgv: V8 rejects a cache made under other V8 flags (e.g. --max-semi-space-size). */
  readonly execArgv: readonly string[];
  /** NODE_OPTIONS, for the same reason. */
  readonly nodeOptions: string | undefined;
}

/**
 * The cache file's name: one per bundle, Node.js version, architecture and set of node flags, so
 * that differently started processes (the image's flags, a CI's NODE_OPTIONS) never overwrite
 * each other's cache or read one V8 would reject.
 */
export function codeCacheName(key: CacheKey): string {
  const flags = [...key.execArgv, key.nodeOptions ?? ''].join('\0');
  const flagPart = flags === '' ? '' : `-${fnv1a(flags)}`;
  return `vmcp-admission.${key.bundleHash}.node-${key.nodeVersion}-${key.arch}${flagPart}.code-cache`;
}

/** VMCP_ADMISSION_CODE_CACHE=off: neither read nor write a cache (the bundle is compiled from source). */
export function codeCacheEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.VMCP_ADMISSION_CODE_CACHE !== 'off';
}

/**
 * Whether this run writes the cache when it has none (or V8 rejected it): only `validate`, the
 * command whose cold start matters (issue #16) and that runs the whole engine, so the cache holds
 * the compiled code of what it used; `serve` never (long-lived, starts once).
 */
export function writesCodeCache(argv: readonly string[]): boolean {
  // Help compiles almost nothing of the engine; a cache written then would be kept (an accepted cache is never rewritten).
  return argv[0] === 'validate' && !argv.includes('--help') && !argv.includes('-h');
}

/** Exit codes after which the cache is written: a judged run (0 passed, 1 findings), not a usage or environment error. */
export const writesCodeCacheAfter: ReadonlySet<number> = new Set([0, 1]);
