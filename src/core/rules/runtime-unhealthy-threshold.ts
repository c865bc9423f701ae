// unhealthyThreshold has no minimum in the CRD; vMCP fills 0 with its default (3) but rejects a
// negative value at start-up (upstream-behaviour §d.1). The positive-duration checks of the same validator cannot
// fail from a VirtualMCPServer: the CRD pattern forbids signs and zero durations are defaulted.
import { makeFinding, type Finding } from '../finding.js';
import { integerField, recordAt } from '../spec.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'runtime-unhealthy-threshold';
const messages = { positive: 'unhealthyThreshold must be positive' } as const;

export const runtimeUnhealthyThreshold: Rule = {
  id: ID,
  origin: 'runtime',
  severity: 'error',
  description: 'failureHandling.unhealthyThreshold must not be negative, or vMCP refuses to start',
  messages,
  modes: ['strict'],
  check: (ctx: RuleContext): Finding[] => {
    const fh = recordAt(ctx.object, ['spec', 'config', 'operational', 'failureHandling']);
    const n = integerField(fh, 'unhealthyThreshold');
    if (n === undefined || n >= 0) return [];
    const path = ['spec', 'config', 'operational', 'failureHandling', 'unhealthyThreshold'];
    return [makeFinding({ rule: ID, origin: 'runtime', severity: 'error', path, type: 'Invalid value', value: String(n), detail: messages.positive })];
  },
};
