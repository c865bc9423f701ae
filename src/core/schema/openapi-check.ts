// PLACEHOLDER (schema work replaces): ajv errors rendered as API-server field errors.
import type { Finding } from '../finding.js';
import type { CompiledVersion } from '../validate.js';

export function checkOpenApi(_object: unknown, _compiled: CompiledVersion): Finding[] {
  return [];
}

/** Required, Unsupported value, type, Too long and Too many errors stop CEL evaluation (FACTS b.1). */
export function blocksCel(f: Finding): boolean {
  return f.origin === 'schema' && ['Required value', 'Unsupported value', 'Too long', 'Too many'].includes(f.type);
}
