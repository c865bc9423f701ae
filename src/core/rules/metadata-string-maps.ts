// metadata.labels and metadata.annotations are maps of strings (ObjectMeta); YAML turns `version: 1.0`
// or `enabled: yes` into a number or a boolean, which the API server cannot decode into the object.
import type { Finding } from '../contract.js';
import { isRecord } from '../spec.js';
import { defineRule, type Reporter } from './rule.js';

const messages = {
  notString: 'must be a string: labels and annotations are maps of strings (quote the value in YAML)',
  notMap: 'must be a map of strings',
};

function check(meta: Readonly<Record<string, unknown>>, field: 'labels' | 'annotations', report: Reporter<keyof typeof messages>): Finding[] {
  const map = meta[field];
  if (map === undefined || map === null) return [];
  if (!isRecord(map)) return [report('notMap', {}, { path: ['metadata', field], type: 'Invalid value', value: JSON.stringify(map) })];
  const out: Finding[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string') out.push(report('notString', {}, { path: ['metadata', field, k], type: 'Invalid value', value: JSON.stringify(v) }));
  }
  return out;
}

export const metadataStringMaps = defineRule(
  {
    id: 'metadata-string-maps',
    origin: 'schema',
    severity: 'error',
    stage: 'metadata',
    modes: ['crd', 'strict'],
    description: 'metadata.labels and metadata.annotations hold only string values (YAML numbers and booleans must be quoted)',
    messages,
  },
  (ctx, report) => {
    const meta = isRecord(ctx.input.metadata) ? ctx.input.metadata : {};
    return [...check(meta, 'labels', report), ...check(meta, 'annotations', report)];
  },
);
