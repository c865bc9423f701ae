import { test } from 'node:test';
import { runtimeUnhealthyThreshold as rule } from '../../../src/core/rules/runtime-unhealthy-threshold.js';
import { baseSpec } from '../committed-schema.js';
import { table, expecting } from './harness.js';

const fh = (n: unknown): Record<string, unknown> => ({ ...baseSpec(), config: { operational: { failureHandling: { unhealthyThreshold: n } } } });
const at = expecting(rule);

void test('runtime-unhealthy-threshold: negative thresholds stop vMCP (0 is defaulted to 3)', () => {
  table(rule, [baseSpec(), fh(0), fh(3), fh('x')], [
    { spec: fh(-1), expected: [at('positive', 'spec.config.operational.failureHandling.unhealthyThreshold', { value: '-1' })] },
  ]);
});
