// The orchestrator's own findings (engine-rules.ts holds their texts), built from the input.
import type { Finding } from '../contract.js';
import { quoteGo } from '../finding.js';
import { report } from './report.js';

/** `<nil>: Invalid value: "null": some validation rules were not checked ...` (older API servers quote the null). */
export function celNotCheckedFinding(): Finding {
  return report('cel-not-checked', 'notChecked', {}, { path: null, type: 'Invalid value', value: '"null"' });
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);

export function notAMappingFinding(input: unknown): Finding {
  const actual = jsonType(input);
  return report('document-not-a-mapping', 'notMapping', { actual }, { path: null, type: 'Invalid value', value: quoteGo(actual.replace(/^a /, '')) });
}

/** Missing or wrong apiVersion/kind: names what was found and what is expected. */
export function wrongKindFinding(kind: unknown, group: string): Finding {
  if (typeof kind !== 'string' || kind === '') return report('document-kind', 'wrongKind', { kind: '(none)', group }, { path: ['kind'], type: 'Required value' });
  return report('document-kind', 'wrongKind', { kind: quoteGo(kind), group }, { path: ['kind'], type: 'Invalid value', value: quoteGo(kind) });
}

export function unservedVersionFinding(apiVersion: unknown, group: string, served: readonly string[]): Finding {
  const text = typeof apiVersion === 'string' ? apiVersion : '';
  const data = { apiVersion: quoteGo(text), served: served.map((v) => `${group}/${v}`).join(', ') };
  return report('document-unserved-version', 'unserved', data, { path: ['apiVersion'], ...(text === '' ? { type: 'Required value' } : { type: 'Invalid value', value: quoteGo(text) }) });
}

export function internalErrorFinding(error: unknown): Finding {
  const text = error instanceof Error ? error.message : String(error);
  return report('internal-error', 'internal', { error: text }, { path: null, type: 'Internal error' });
}
