// Findings the orchestrator itself emits: the API server's CEL-blocking line, documents that are not
// a VirtualMCPServer of a served version, and an internal error (a bug, reported instead of thrown).
import { makeFinding, quoteGo, type Finding } from '../finding.js';
import { fill } from './template.js';
import type { Rule } from './types.js';

const messages = {
  notChecked: 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
  notMapping: 'a VirtualMCPServer document must be a mapping (apiVersion, kind, metadata, spec), not {actual}',
  wrongKind: 'kind {kind} is not checked here: expected kind VirtualMCPServer (apiVersion {group}/<version>)',
  unserved: 'no matches for kind "VirtualMCPServer" in version {apiVersion}: served versions are {served}',
  internal: 'internal error while validating ({error}); please report this as a bug',
} as const;

const rule = (id: string, description: string, origin: 'cel' | 'schema' = 'schema'): Rule => ({ id, origin, severity: 'error', description, messages, modes: ['crd', 'strict'] });

export const engineRules: readonly Rule[] = [
  { ...rule('cel-not-checked', 'the API server runs no CEL rule after a Required / enum / type / too-long / too-many error and says so', 'cel'), messages: { notChecked: messages.notChecked } },
  { ...rule('document-not-a-mapping', 'the document is not a mapping'), messages: { notMapping: messages.notMapping } },
  { ...rule('document-kind', 'apiVersion/kind is not VirtualMCPServer of group toolhive.stacklok.dev'), messages: { wrongKind: messages.wrongKind } },
  { ...rule('document-unserved-version', 'apiVersion names a version the CRD does not serve'), messages: { unserved: messages.unserved } },
  { ...rule('internal-error', 'an unexpected exception inside the engine, reported as a finding instead of a crash'), messages: { internal: messages.internal } },
];

/** `<nil>: Invalid value: "null": some validation rules were not checked ...` (older API servers quote the null). */
export function celNotCheckedFinding(): Finding {
  return makeFinding({ rule: 'cel-not-checked', origin: 'cel', severity: 'error', path: null, type: 'Invalid value', value: '"null"', detail: messages.notChecked });
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);

export function notAMappingFinding(input: unknown): Finding {
  return makeFinding({ rule: 'document-not-a-mapping', origin: 'schema', severity: 'error', path: null, type: 'Invalid value', value: quoteGo(jsonType(input).replace(/^a /, '')), detail: fill(messages.notMapping, { actual: jsonType(input) }) });
}

/** Missing or wrong apiVersion/kind: names what was found and what is expected. */
export function wrongKindFinding(kind: unknown, group: string): Finding {
  if (typeof kind !== 'string' || kind === '') return makeFinding({ rule: 'document-kind', origin: 'schema', severity: 'error', path: ['kind'], type: 'Required value', detail: fill(messages.wrongKind, { kind: '(none)', group }) });
  return makeFinding({ rule: 'document-kind', origin: 'schema', severity: 'error', path: ['kind'], type: 'Invalid value', value: quoteGo(kind), detail: fill(messages.wrongKind, { kind: quoteGo(kind), group }) });
}

export function unservedVersionFinding(apiVersion: unknown, group: string, served: readonly string[]): Finding {
  const text = typeof apiVersion === 'string' ? apiVersion : '';
  const detail = fill(messages.unserved, { apiVersion: quoteGo(text), served: served.map((v) => `${group}/${v}`).join(', ') });
  return makeFinding({ rule: 'document-unserved-version', origin: 'schema', severity: 'error', path: ['apiVersion'], type: text === '' ? 'Required value' : 'Invalid value', ...(text === '' ? {} : { value: quoteGo(text) }), detail });
}

export function internalErrorFinding(error: unknown): Finding {
  const text = error instanceof Error ? error.message : String(error);
  return makeFinding({ rule: 'internal-error', origin: 'schema', severity: 'error', path: null, type: 'Internal error', detail: fill(messages.internal, { error: text }) });
}
