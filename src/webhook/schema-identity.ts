// The identity of the schema reviews are judged against, as the start-up log, the switch log lines,
// /readyz and vmcp_admission_schema_info{source,resource_version,hash} carry it: the built-in schema
// is the vendored CRD, named by its ToolHive commit (12 hex digits); an installed CRD by its
// resourceVersion and the first 12 hex digits of the SHA-256 of its spec.
import { crdCommit } from '../build-info.js';
import type { SchemaIdentity } from '../relations/cluster/installed-crd.js';

export const builtinSchemaIdentity: SchemaIdentity = { source: 'builtin', resourceVersion: '', hash: crdCommit.slice(0, 12) };

/** `built-in (ToolHive CRD e25de16cf972)` or `installed CRD (resourceVersion 4711, hash 0123456789ab)`. */
export function schemaText(identity: SchemaIdentity): string {
  return identity.source === 'builtin' ? `built-in (ToolHive CRD ${identity.hash})` : `installed CRD (resourceVersion ${identity.resourceVersion}, hash ${identity.hash})`;
}

/** The log fields of a schema identity. */
export function schemaFields(identity: SchemaIdentity): Record<string, string> {
  return { schema: schemaText(identity), schemaSource: identity.source, schemaResourceVersion: identity.resourceVersion, schemaHash: identity.hash };
}
