import { test } from 'node:test';
import { runtimeHealthCheckTimeout as rule } from '../../../src/core/rules/runtime-health-check-timeout.js';
import { baseSpec } from '../committed-schema.js';
import { table } from './harness.js';

const fh = (f: Record<string, unknown>): Record<string, unknown> => ({ ...baseSpec(), config: { operational: { failureHandling: f } } });
const field = 'spec.config.operational.failureHandling.healthCheckTimeout';

void test('runtime-health-check-timeout: timeout must be less than interval (CRD default timeout 10s)', () => {
  table(
    rule,
    [fh({}), fh({ healthCheckInterval: '30s', healthCheckTimeout: '10s' }), fh({ healthCheckInterval: '11s' }), fh({ healthCheckInterval: '0s', healthCheckTimeout: '29s' }), fh({ healthCheckTimeout: '0s', healthCheckInterval: '1s' }), fh({ healthCheckInterval: 'bad' })],
    [
      { spec: fh({ healthCheckInterval: '5s', healthCheckTimeout: '10s' }), input: fh({ healthCheckInterval: '5s' }), expected: [{ field, message: `${field}: Invalid value: "10s": healthCheckTimeout (10s) must be less than healthCheckInterval (5s) to prevent checks from queuing up (healthCheckTimeout is not set, so the CRD default 10s applies)` }] },
      { spec: fh({ healthCheckInterval: '10s' }), expected: [{ field, message: `${field}: Invalid value: "10s": healthCheckTimeout (10s) must be less than healthCheckInterval (10s) to prevent checks from queuing up (healthCheckTimeout is not set, so the CRD default 10s applies)` }] },
      { spec: fh({ healthCheckInterval: '1m', healthCheckTimeout: '90s' }), expected: [{ field, message: `${field}: Invalid value: "90s": healthCheckTimeout (1m30s) must be less than healthCheckInterval (1m0s) to prevent checks from queuing up` }] },
      { spec: fh({ healthCheckTimeout: '45s' }), expected: [{ field, message: `${field}: Invalid value: "45s": healthCheckTimeout (45s) must be less than healthCheckInterval (30s) to prevent checks from queuing up` }] },
    ],
  );
});
