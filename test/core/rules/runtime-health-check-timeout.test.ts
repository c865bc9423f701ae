import { test } from 'node:test';
import { runtimeHealthCheckTimeout as rule } from '../../../src/core/rules/runtime-health-check-timeout.js';
import { baseSpec } from '../committed-schema.js';
import { table, expecting } from './harness.js';

const fh = (f: Record<string, unknown>): Record<string, unknown> => ({ ...baseSpec(), config: { operational: { failureHandling: f } } });
const field = 'spec.config.operational.failureHandling.healthCheckTimeout';
const at = expecting(rule);

void test('runtime-health-check-timeout: timeout must be less than interval (CRD default timeout 10s)', () => {
  table(
    rule,
    [fh({}), fh({ healthCheckInterval: '30s', healthCheckTimeout: '10s' }), fh({ healthCheckInterval: '11s' }), fh({ healthCheckInterval: '0s', healthCheckTimeout: '29s' }), fh({ healthCheckTimeout: '0s', healthCheckInterval: '1s' }), fh({ healthCheckInterval: 'bad' })],
    [
      { spec: fh({ healthCheckInterval: '5s', healthCheckTimeout: '10s' }), input: fh({ healthCheckInterval: '5s' }), expected: [at('orderDefaulted', field, { value: '"10s"', has: 'healthCheckTimeout (10s) must be less than healthCheckInterval (5s)' })] },
      { spec: fh({ healthCheckInterval: '10s' }), expected: [at('orderDefaulted', field, { value: '"10s"', has: 'healthCheckTimeout (10s) must be less than healthCheckInterval (10s)' })] },
      { spec: fh({ healthCheckInterval: '1m', healthCheckTimeout: '90s' }), expected: [at('order', field, { value: '"90s"', has: 'healthCheckTimeout (1m30s) must be less than healthCheckInterval (1m0s)' })] },
      { spec: fh({ healthCheckTimeout: '45s' }), expected: [at('order', field, { value: '"45s"', has: 'healthCheckTimeout (45s) must be less than healthCheckInterval (30s)' })] },
    ],
  );
});
