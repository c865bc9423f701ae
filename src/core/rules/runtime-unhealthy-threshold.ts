// unhealthyThreshold has no minimum in the CRD; vMCP fills 0 with its default (3) but rejects a
// negative value at start-up (upstream-behaviour §d.1). The positive-duration checks of the same validator cannot
// fail from a VirtualMCPServer: the CRD pattern forbids signs and zero durations are defaulted.
import { integerField, recordAt } from '../spec.js';
import { defineRule } from './rule.js';

const FAILURE_HANDLING = ['spec', 'config', 'operational', 'failureHandling'];

export const runtimeUnhealthyThreshold = defineRule(
  {
    id: 'runtime-unhealthy-threshold',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: 'failureHandling.unhealthyThreshold must not be negative, or vMCP refuses to start',
    messages: { positive: 'unhealthyThreshold must be positive' },
  },
  (ctx, report) => {
    const n = integerField(recordAt(ctx.object, FAILURE_HANDLING), 'unhealthyThreshold');
    if (n === undefined || n >= 0) return [];
    return [report('positive', {}, { path: [...FAILURE_HANDLING, 'unhealthyThreshold'], type: 'Invalid value', value: String(n) })];
  },
);
