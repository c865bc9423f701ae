// PLACEHOLDER (schema work replaces): `--crd FILE` support, converting a CRD at run time.
import type { SchemaProvider } from '../validate.js';

export type CrdLoadResult = { ok: true; provider: SchemaProvider } | { ok: false; error: string };

export function schemasFromCrdText(_text: string, _source: string): CrdLoadResult {
  return { ok: false, error: 'not available yet' };
}
