// spec.config preserves unknown fields, so the API server keeps `spec.config.ratelimiting`; the
// operator's typed decode then drops it and rate limiting is silently off (upstream-behaviour §a.4, surprise 6).
import { makeFinding, quoteGo, type Finding } from '../finding.js';
import { recordAt } from '../spec.js';
import { didYouMean } from './did-you-mean.js';
import { fill } from './template.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'runtime-config-unknown-key';
const messages = {
  suggest: 'unknown field {key}: the operator drops it silently; did you mean {suggestion}?',
  plain: 'unknown field {key}: the operator drops it silently',
} as const;

export const runtimeConfigUnknownKey: Rule = {
  id: ID,
  origin: 'runtime',
  severity: 'error',
  description: 'keys directly under spec.config that the vMCP Config does not declare (the operator drops them silently)',
  messages,
  modes: ['strict'],
  check: (ctx: RuleContext): Finding[] => {
    const config = recordAt(ctx.object, ['spec', 'config']);
    const known = Object.keys(ctx.schema.properties?.spec?.properties?.config?.properties ?? {});
    if (config === undefined || known.length === 0) return [];
    return Object.keys(config)
      .filter((k) => !known.includes(k))
      .map((k) => {
        const suggestion = didYouMean(k, known);
        const detail = suggestion === undefined
          ? fill(messages.plain, { key: quoteGo(k) })
          : fill(messages.suggest, { key: quoteGo(k), suggestion: quoteGo(suggestion) });
        return makeFinding({ rule: ID, origin: 'runtime', severity: 'error', path: ['spec', 'config', k], type: 'Forbidden', detail });
      });
  },
};
