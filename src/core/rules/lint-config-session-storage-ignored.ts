// spec.config.sessionStorage is schema-valid but the operator discards it and writes config.yaml's
// sessionStorage from spec.sessionStorage; no CEL rule looks at it either (upstream-behaviour §a.3, a.5, c.1).
import { recordAt } from '../spec.js';
import { defineRule } from './rule.js';

const PATH = ['spec', 'config', 'sessionStorage'];

export const lintConfigSessionStorageIgnored = defineRule(
  {
    id: 'lint-config-session-storage-ignored',
    origin: 'lint',
    severity: 'warning',
    stage: 'rules',
    modes: ['crd', 'strict'],
    description: 'spec.config.sessionStorage is discarded by the operator; spec.sessionStorage is the one that counts',
    messages: { ignored: 'ignored by the operator; vMCP sessions and rate limits use spec.sessionStorage' },
  },
  (ctx, report) => (recordAt(ctx.object, PATH) === undefined ? [] : [report('ignored', {}, { path: PATH, type: 'Warning' })]),
);
