// spec.config preserves unknown fields, so the API server keeps `spec.config.ratelimiting`; the
// operator's typed decode then drops it and rate limiting is silently off (upstream-behaviour §a.4, surprise 6).
import { quoteGo } from '../finding.js';
import { recordAt } from '../spec.js';
import { didYouMean } from './did-you-mean.js';
import { defineRule } from './rule.js';

export const runtimeConfigUnknownKey = defineRule(
  {
    id: 'runtime-config-unknown-key',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: 'keys directly under spec.config that the vMCP Config does not declare (the operator drops them silently)',
    messages: {
      suggest: 'unknown field {key}: the operator drops it silently; did you mean {suggestion}?',
      plain: 'unknown field {key}: the operator drops it silently',
    },
  },
  (ctx, report) => {
    const config = recordAt(ctx.object, ['spec', 'config']);
    const known = Object.keys(ctx.schema.properties?.spec?.properties?.config?.properties ?? {});
    if (config === undefined || known.length === 0) return [];
    return Object.keys(config)
      .filter((k) => !known.includes(k))
      .map((k) => {
        const suggestion = didYouMean(k, known);
        const at = { path: ['spec', 'config', k], type: 'Forbidden' } as const;
        return suggestion === undefined ? report('plain', { key: quoteGo(k) }, at) : report('suggest', { key: quoteGo(k), suggestion: quoteGo(suggestion) }, at);
      });
  },
);
