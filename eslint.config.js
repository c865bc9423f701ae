// Lint budget (complexity, depth, params, explicit boundaries) and the import direction
// that keeps the architecture honest: core imports nothing of ours, render only core,
// and only the webhook's server entry may reach into kube; src/ratelimit is a pure core like core,
// src/cluster the capability through which `buckets --kubeconfig` reads from the cluster.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Top-level folders of src/; every folder not listed among the fixed layers is a capability. */
const layers = ['core', 'render', 'kube', 'tls', 'webhook', 'cli', 'policy', 'ratelimit', 'relations', 'cluster'];
const capabilities = ['policy', 'ratelimit', 'relations', 'cluster'];
/** Import patterns for every layer except `self` and the `allowed` ones. */
const others = (self, allowed) => [...layers.filter((l) => l !== self && !allowed.includes(l)).map((l) => `**/${l}/*`), '**/config.js'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'certs/**', 'schemas/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      complexity: ['error', 10],
      'max-depth': ['error', 3],
      'max-params': ['error', 4],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true, allowTypedFunctionExpressions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The dependency direction, for every folder (test/architecture/imports.test.ts checks the same
  // over the whole import graph): core imports nothing of ours; render, kube and every capability
  // (policy, ratelimit, relations, ...) only core; tls the certificates over kube; the shells last.
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      [...layers.filter((l) => l !== 'core').map((l) => `**/${l}/*`), '**/config.js', 'node:*', 'fastify', 'pino', '@kubernetes/*', 'prom-client'],
      'core is pure: no I/O, no shells, no other layers',
    ),
  },
  {
    files: ['src/render/**/*.ts'],
    rules: restrict([...others('render', ['core']), 'fastify', 'pino', '@kubernetes/*'], 'render is pure and may only import core'),
  },
  ...capabilities.map((c) => ({
    files: [`src/${c}/**/*.ts`],
    rules: restrict(others(c, ['core', 'kube']), `${c} is a capability: it may import core (and kube's API plumbing), never a shell`),
  })),
  { files: ['src/kube/**/*.ts'], rules: restrict(others('kube', ['core']), 'kube is API plumbing: it imports only core') },
  { files: ['src/tls/**/*.ts'], rules: restrict(others('tls', ['core', 'kube']), 'tls imports only core and kube') },
  { files: ['src/webhook/**/*.ts'], rules: restrict(['**/cli/*'], 'the webhook shell never imports the CLI shell') },
  // policy is stricter than a capability: pure text generation over core, no kube, no I/O, no CEL engine.
  {
    files: ['src/policy/**/*.ts'],
    rules: restrict([...others('policy', ['core']), 'node:*', 'fastify', 'pino', '@kubernetes/*', '@bufbuild/*'], 'policy is pure and may only import core (it writes CEL text; it never evaluates it)'),
  },
  {
    files: ['src/ratelimit/**/*.ts'],
    rules: restrict(
      [...others('ratelimit', ['core']), 'node:*', 'fastify', 'pino', '@kubernetes/*', 'prom-client', 'ioredis', 'vega', 'vega-lite'],
      'ratelimit is a pure functional core: no I/O, no clock, only core (the Redis, SVG and CLI shells live in src/cli)',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(['**/kube/*', '**/tls/*', '@kubernetes/*'], 'the CLI reaches the cluster only through a capability'),
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      'max-params': 'off',
      complexity: 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/explicit-function-return-type': 'off', '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
);
