// The kinds a VirtualMCPServer refers to (RELATIONS.md a.2) and the workload kinds whose
// `spec.groupRef.name` makes them members of a group (a.4): how to list them and which vendored CRD
// judges them. ConfigMaps, Secrets and ServiceAccounts are read from a cluster as metadata only: the
// product never reads their data (a manifest set's ConfigMap data is read for the authz key, a.3 row 4).
export const TOOLHIVE_GROUP = 'toolhive.stacklok.dev';

export interface RelatedKind {
  readonly kind: string;
  /** '' for core (v1) kinds. */
  readonly group: string;
  /** The version the providers list (toolhive: the storage version). */
  readonly version: string;
  readonly plural: string;
  /** Listed and watched as PartialObjectMetadata: names only, never data. */
  readonly metadataOnly: boolean;
  /** The vendored CRD file (upstream/toolhive/crds/) for toolhive kinds. */
  readonly crdFile?: string;
}

const toolhive = (kind: string, plural: string): RelatedKind => ({ kind, group: TOOLHIVE_GROUP, version: 'v1beta1', plural, metadataOnly: false, crdFile: `${TOOLHIVE_GROUP}_${plural}.yaml` });

export const relatedKinds: readonly RelatedKind[] = Object.freeze([
  toolhive('MCPGroup', 'mcpgroups'),
  toolhive('MCPServer', 'mcpservers'),
  toolhive('MCPRemoteProxy', 'mcpremoteproxies'),
  toolhive('MCPServerEntry', 'mcpserverentries'),
  toolhive('MCPOIDCConfig', 'mcpoidcconfigs'),
  toolhive('MCPAuthzConfig', 'mcpauthzconfigs'),
  toolhive('MCPExternalAuthConfig', 'mcpexternalauthconfigs'),
  toolhive('MCPTelemetryConfig', 'mcptelemetryconfigs'),
  toolhive('EmbeddingServer', 'embeddingservers'),
  toolhive('VirtualMCPCompositeToolDefinition', 'virtualmcpcompositetooldefinitions'),
  toolhive('MCPToolConfig', 'mcptoolconfigs'),
  { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', metadataOnly: true },
  { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', metadataOnly: true },
  { kind: 'ServiceAccount', group: '', version: 'v1', plural: 'serviceaccounts', metadataOnly: true },
]);

/** The member kinds of a group (pkg/vmcp/workloads/k8s.go ListWorkloadsInGroup). */
export const workloadKinds: readonly string[] = ['MCPServer', 'MCPRemoteProxy', 'MCPServerEntry'];

const byKind = new Map(relatedKinds.map((k) => [k.kind, k]));

export function relatedKind(kind: string): RelatedKind | undefined {
  return byKind.get(kind);
}

/** Whether an apiVersion names the kind's group (toolhive: any version, v1alpha1 and v1beta1 are one object; core: v1). */
export function isKindsApiVersion(k: RelatedKind, apiVersion: unknown): boolean {
  if (typeof apiVersion !== 'string') return false;
  if (k.group === '') return apiVersion === 'v1';
  return apiVersion.startsWith(`${k.group}/`);
}
