// Lint budget (complexity, depth, params, explicit boundaries) and the import direction
// that keeps the architecture honest: core imports nothing of ours, render only core,
// and only the webhook's server entry may reach into kube.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      ['../render/*', '../webhook/*', '../cli/*', '../kube/*', '**/render/*', '**/webhook/*', '**/cli/*', '**/kube/*', 'node:*', 'fastify', 'pino', '@kubernetes/*'],
      'core is pure: no I/O, no shells, no other layers',
    ),
  },
  {
    files: ['src/render/**/*.ts'],
    rules: restrict(
      ['**/webhook/*', '**/cli/*', '**/kube/*', 'fastify', 'pino', '@kubernetes/*'],
      'render is pure and may only import core',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(['**/kube/*', '@kubernetes/*'], 'only the webhook server entry reaches kube'),
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
