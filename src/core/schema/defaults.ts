// PLACEHOLDER (schema work replaces): structural defaulting; returns a new object.
import type { SchemaNode } from './types.js';

export function applyDefaults(object: unknown, _schema: SchemaNode): unknown {
  return object;
}
