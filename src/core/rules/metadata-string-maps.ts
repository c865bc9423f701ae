// metadata.labels and metadata.annotations are maps of strings (ObjectMeta); YAML turns `version: 1.0`
// or `enabled: yes` into a number or a boolean, which the API server cannot decode into the object.
import { makeFinding, type Finding } from '../finding.js';
import { isRecord } from '../spec.js';
import type { Rule, RuleContext } from './types.js';

const ID = 'metadata-string-maps';
const messages = {
  notString: 'must be a string: labels and annotations are maps of strings (quote the value in YAML)',
  notMap: 'must be a map of strings',
} as const;

function check(meta: Readonly<Record<string, unknown>>, field: 'labels' | 'annotations'): Finding[] {
  const map = meta[field];
  if (map === undefined || map === null) return [];
  if (!isRecord(map)) return [makeFinding({ rule: ID, origin: 'schema', severity: 'error', path: ['metadata', field], type: 'Invalid value', value: JSON.stringify(map), detail: messages.notMap })];
  const out: Finding[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string') out.push(makeFinding({ rule: ID, origin: 'schema', severity: 'error', path: ['metadata', field, k], type: 'Invalid value', value: JSON.stringify(v), detail: messages.notString }));
  }
  return out;
}

export const metadataStringMaps: Rule = {
  id: ID,
  origin: 'schema',
  severity: 'error',
  description: 'metadata.labels and metadata.annotations hold only string values (YAML numbers and booleans must be quoted)',
  messages,
  modes: ['crd', 'strict'],
  stage: 'metadata',
  check: (ctx: RuleContext): Finding[] => {
    const meta = isRecord(ctx.input.metadata) ? ctx.input.metadata : {};
    return [...check(meta, 'labels'), ...check(meta, 'annotations')];
  },
};
