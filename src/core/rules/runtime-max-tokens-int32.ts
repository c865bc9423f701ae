// maxTokens is `format: int32`, which kube-apiserver <= 1.35 does not enforce: 2147483648 is admitted
// there and then fails the operator's int32 decode (upstream-behaviour §a.5).
import { perBucket } from './buckets.js';
import { INT32_MAX } from './runtime-int32-range.js';
import { defineRule } from './rule.js';

export const runtimeMaxTokensInt32 = defineRule(
  {
    id: 'runtime-max-tokens-int32',
    origin: 'runtime',
    severity: 'error',
    stage: 'rules',
    modes: ['strict'],
    description: 'maxTokens must fit in int32 (older API servers admit larger values the operator cannot decode)',
    messages: { range: '{bucket}: maxTokens {value} does not fit in int32 (maximum 2147483647); the operator cannot decode it' },
  },
  (ctx, report) =>
    perBucket(ctx, (b) => {
      const n = b.bucket.maxTokens;
      // Integers, and Infinity (JSON's 1e400, which the schema's integer check lets through); other fractions are the schema's.
      if (typeof n !== 'number' || !(n > INT32_MAX) || (Number.isFinite(n) && !Number.isInteger(n))) return undefined;
      return report('range', { bucket: b.label, value: String(n) }, { path: [...b.path, 'maxTokens'], type: 'Invalid value', value: String(n) });
    }),
);
