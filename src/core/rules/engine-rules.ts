// Findings the orchestrator itself reports: the API server's CEL-blocking line, documents that are
// not a VirtualMCPServer of a served version, and an internal error (a bug, reported instead of thrown).
import { defineRule, type Rule } from './rule.js';

const engineRule = <const Id extends string, M extends string>(id: Id, description: string, messages: Readonly<Record<M, string>>, origin: 'cel' | 'schema' = 'schema'): Rule<Id, M> =>
  defineRule({ id, origin, severity: 'error', stage: 'document', modes: ['crd', 'strict'], description, messages });

export const celNotChecked = defineRule({
  id: 'cel-not-checked',
  origin: 'cel',
  severity: 'error',
  stage: 'cel',
  modes: ['crd', 'strict'],
  description: 'the API server runs no CEL rule after a Required / enum / type / too-long / too-many error and says so',
  messages: { notChecked: 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation' },
});

export const documentNotAMapping = engineRule('document-not-a-mapping', 'the document is not a mapping', {
  notMapping: 'a VirtualMCPServer document must be a mapping (apiVersion, kind, metadata, spec), not {actual}',
});
export const documentKind = engineRule('document-kind', 'apiVersion/kind is not VirtualMCPServer of group toolhive.stacklok.dev', {
  wrongKind: 'kind {kind} is not checked here: expected kind VirtualMCPServer (apiVersion {group}/<version>)',
});
export const documentUnservedVersion = engineRule('document-unserved-version', 'apiVersion names a version the CRD does not serve', {
  unserved: 'no matches for kind "VirtualMCPServer" in version {apiVersion}: served versions are {served}',
});
export const internalError = engineRule('internal-error', 'an unexpected exception inside the engine, reported as a finding instead of a crash', {
  internal: 'internal error while validating ({error}); please report this as a bug',
});
