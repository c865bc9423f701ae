// Bundles the built CLI (dist/) into dist/bundle/cli/ with esbuild so a cold `validate` loads a
// handful of chunks instead of ~150 ESM files, and tree-shakes @bufbuild/protobuf's unused
// well-known types (both @bufbuild packages declare sideEffects: false). Lazy subcommands stay
// lazy (code splitting). Server-side packages stay external: they are loaded only by `serve`; so do ioredis and
// vega/vega-lite, loaded only by the rate-limit commands that need them.
// The output directory keeps the depth of dist/core/schema/, so the committed schemas/ module is
// found at the same relative path (../../../schemas) as from src/ and dist/.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const external = ['fastify', 'pino', '@fastify/error', 'prom-client', 'selfsigned', '@kubernetes/client-node', 'ajv', 'ajv-formats', 'ioredis', 'vega', 'vega-lite'];

// Chunk names carry content hashes: clear the old ones so dist/ holds one build.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli/main.js'],
  outdir: 'dist/bundle/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  // Minified: a cold `validate` spends most of its time compiling source text (target: <= 2.0x node -e 0, issue #16).
  minify: true,
  logLevel: 'warning',
  // A few bundled CommonJS modules call require(); give ESM chunks a real one.
  banner: { js: "import { createRequire as __vmcpCreateRequire } from 'node:module'; const require = __vmcpCreateRequire(import.meta.url);" },
});
