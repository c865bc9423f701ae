import { test } from 'node:test';
import { lintConfigSessionStorageIgnored as rule } from '../../../src/core/rules/lint-config-session-storage-ignored.js';
import { baseSpec } from '../committed-schema.js';
import { table, expecting } from './harness.js';

const at = expecting(rule);

void test('lint-config-session-storage-ignored: spec.config.sessionStorage is discarded', () => {
  table(rule, [baseSpec(), { ...baseSpec(), sessionStorage: { provider: 'redis', address: 'r' } }], [
    { spec: { ...baseSpec(), config: { sessionStorage: { provider: 'redis', address: 'r' } } }, expected: [at('ignored', 'spec.config.sessionStorage')] },
  ]);
});
