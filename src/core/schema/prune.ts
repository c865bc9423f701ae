// PLACEHOLDER (schema work replaces): drops fields the structural schema does not declare.
import type { Finding, Severity } from '../finding.js';
import type { SchemaNode } from './types.js';

export function pruneUnknownFields(object: unknown, _schema: SchemaNode, _severity: Severity): { object: unknown; findings: Finding[] } {
  return { object, findings: [] };
}
