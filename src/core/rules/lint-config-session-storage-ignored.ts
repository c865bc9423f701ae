// spec.config.sessionStorage is schema-valid but the operator discards it and writes config.yaml's
// sessionStorage from spec.sessionStorage; no CEL rule looks at it either (upstream-behaviour §a.3, a.5, c.1).
import { makeFinding, type Finding } from '../finding.js';
import { recordAt } from '../spec.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'lint-config-session-storage-ignored';
const messages = { ignored: 'ignored by the operator; vMCP sessions and rate limits use spec.sessionStorage' } as const;

export const lintConfigSessionStorageIgnored: Rule = {
  id: ID,
  origin: 'lint',
  severity: 'warning',
  description: 'spec.config.sessionStorage is discarded by the operator; spec.sessionStorage is the one that counts',
  messages,
  modes: ['crd', 'strict'],
  check: (ctx: RuleContext): Finding[] => {
    if (recordAt(ctx.object, ['spec', 'config', 'sessionStorage']) === undefined) return [];
    return [makeFinding({ rule: ID, origin: 'lint', severity: 'warning', path: ['spec', 'config', 'sessionStorage'], type: 'Warning', detail: messages.ignored })];
  },
};
