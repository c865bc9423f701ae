// PLACEHOLDER (schema work replaces): x-kubernetes-list-type map/set uniqueness.
import type { Finding } from '../finding.js';
import type { SchemaNode } from './types.js';

export function checkListTypes(_object: unknown, _schema: SchemaNode): Finding[] {
  return [];
}
