// PLACEHOLDER (schema work replaces with precompiled standalone validators): the committed schemas.
import type { SchemaProvider } from '../validate.js';

export async function loadBuiltinSchemas(): Promise<SchemaProvider> {
  return Promise.reject(new Error('builtin schemas not available yet'));
}
