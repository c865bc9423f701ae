// A SchemaProvider over compiled versions, shared by the built-in schemas and `--crd FILE`.
import type { CompiledVersion, SchemaProvider } from '../validate.js';

/** Storage version first, then the others in CRD order (e.g. ['v1beta1', 'v1alpha1']). */
export function makeProvider(compiled: readonly CompiledVersion[]): SchemaProvider {
  const first = compiled[0];
  if (first === undefined) throw new Error('makeProvider needs at least one version');
  const ordered = [...compiled].sort((a, b) => Number(b.meta.storage) - Number(a.meta.storage));
  const byVersion = new Map(ordered.map((c) => [c.meta.version, c]));
  return Object.freeze({
    group: first.meta.group,
    kind: first.meta.kind,
    versions: Object.freeze(ordered.map((c) => c.meta.version)),
    get: (version: string): CompiledVersion | undefined => byVersion.get(version),
  });
}
