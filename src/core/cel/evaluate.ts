// PLACEHOLDER (engine work replaces): evaluates every x-kubernetes-validations rule.
import type { Finding } from '../finding.js';
import type { SchemaNode } from '../schema/types.js';

export function evaluateCelRules(_object: unknown, _schema: SchemaNode): Finding[] {
  return [];
}
