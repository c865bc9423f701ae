// Relation rules: what a VirtualMCPServer refers to (upstream-behaviour §r, RELATIONS.md a-c). Their
// texts live here like every rule's; their checks live in src/relations, which has the "world" of
// related objects (a manifest set or a cluster) that core does not. Warnings by default; `--refs deny`
// reports them as errors (At.severity), `--refs off` skips them.
import { defineRule } from './rule.js';

/** The operator's reaction per reference (RELATIONS.md a.3): condition, reason and its own message. */
export const refMissing = defineRule({
  id: 'ref-missing',
  origin: 'relations',
  severity: 'warning',
  stage: 'relations',
  modes: ['crd', 'strict'],
  description: 'a reference to an object (or the authz ConfigMap\'s key) that does not exist in the VirtualMCPServer\'s namespace: the operator reports it only after apply, or the pod cannot start',
  messages: {
    groupRef: 'MCPGroup {namespace}/{name} not found: the operator sets phase Failed, condition GroupRefValidated=False (GroupRefNotFound: "Referenced MCPGroup {name} not found") and deploys nothing until it exists',
    oidcConfigRef: 'MCPOIDCConfig {namespace}/{name} not found: the operator sets condition OIDCConfigRefValidated=False (OIDCConfigRefNotFound: "MCPOIDCConfig {name} not found") and writes no vMCP config until it exists',
    authzConfigRef: 'MCPAuthzConfig {namespace}/{name} not found: the operator sets condition AuthzConfigRefValidated=False (AuthzConfigRefNotFound: "MCPAuthzConfig {name} not found") and writes no vMCP config until it exists',
    authzConfigMap: 'ConfigMap {namespace}/{name} not found: the operator sets condition AuthConfigured=False (AuthzConfigMapNotFound: "Authorization ConfigMap is invalid: failed to get Authz ConfigMap {namespace}/{name}") and retries',
    externalAuthConfigRef: 'MCPExternalAuthConfig {namespace}/{name} not found: the operator cannot convert the outgoing auth ("failed to get MCPExternalAuthConfig {namespace}/{name}"), sets no condition and writes no vMCP config until it exists',
    telemetryConfigRef: 'MCPTelemetryConfig {namespace}/{name} not found: the operator sets condition TelemetryConfigRefValidated=False (TelemetryConfigRefNotFound: "MCPTelemetryConfig {name} not found") and retries',
    embeddingServerRef: 'EmbeddingServer {namespace}/{name} not found: the operator sets phase Failed, condition EmbeddingServerReady=False (EmbeddingServerNotFound: "Referenced EmbeddingServer {name} not found") and retries',
    compositeToolRef: 'VirtualMCPCompositeToolDefinition {namespace}/{name} not found: the operator sets phase Failed, condition CompositeToolRefsValidated=False (CompositeToolRefNotFound: "Referenced VirtualMCPCompositeToolDefinition {name} not found") and retries',
    toolConfigRef: 'MCPToolConfig {namespace}/{name} not found: the operator fails closed ("MCPToolConfig resolution failed for \\"{name}\\": failed to get MCPToolConfig {namespace}/{name}"), sets no condition and writes no vMCP config until it exists',
    sessionPassword: 'Secret {namespace}/{name} not found: the operator does not check it; the vMCP container cannot start (CreateContainerConfigError: env THV_SESSION_REDIS_PASSWORD refers to it)',
    oidcClientSecret: 'Secret {namespace}/{name} (clientSecretRef of MCPOIDCConfig {oidc}) not found: the operator sets condition AuthConfigured=False (AuthInvalid: "Authentication configuration is invalid: failed to get MCPOIDCConfig OIDC client secret secret {namespace}/{name}") and retries',
    delegateClientSecret: 'Secret {namespace}/{name} not found: the operator sets condition AuthConfigured=False (AuthInvalid: "Authentication configuration is invalid: failed to get delegate client \\"{client}\\" secret {namespace}/{name}") and retries',
    authzConfigMapKey: 'ConfigMap {namespace}/{name} has no key "{key}": the operator sets condition AuthConfigured=False (AuthzConfigMapInvalid: "Authorization ConfigMap is invalid: authz ConfigMap {namespace}/{name} is missing key \\"{key}\\"") and retries',
    authzConfigMapEmpty: 'ConfigMap {namespace}/{name} key "{key}" is empty: the operator sets condition AuthConfigured=False (AuthzConfigMapInvalid: "Authorization ConfigMap is invalid: authz ConfigMap {namespace}/{name} key \\"{key}\\" is empty") and retries',
    authServerSecretVolume: 'Secret {namespace}/{name} not found: the operator does not check it but mounts it into the vMCP pod as a Secret volume, so the pod never starts (kubelet: FailedMount, the pod stays ContainerCreating)',
    authServerSecretEnv: 'Secret {namespace}/{name} not found: the operator does not check it but hands it to the vMCP container as a secretKeyRef env var, so the container cannot start (CreateContainerConfigError)',
    serviceAccount: 'ServiceAccount {namespace}/{name} not found: with spec.serviceAccount set the operator creates no ServiceAccount and no RBAC, and the API server refuses the vMCP pods (the ReplicaSet reports FailedCreate) until it exists',
    imagePullSecret: 'Secret {namespace}/{name} not found: the kubelet pulls the vMCP image without it (Warning FailedToRetrieveImagePullSecret), so only an image that needs this pull secret fails (ErrImagePull)',
  },
});

/** A per-tool bucket keyed by a name no call can carry (RELATIONS.md b, c, e). */
export const ratelimitToolUnmatched = defineRule({
  id: 'ratelimit-tool-unmatched',
  origin: 'relations',
  severity: 'warning',
  stage: 'relations',
  modes: ['crd', 'strict'],
  description: 'a rateLimiting.tools name that no call can carry after aggregation (prefix, overrides, filters, exclusions, composite tools), so its bucket never applies',
  messages: {
    noName: 'no call is ever keyed by "{tool}": vMCP names the tools of MCPGroup {group} "{prefixFormat}<tool>" per workload ({workloads}) and no composite tool has this name, so this bucket never applies{hint}',
    renamed: 'no call is ever keyed by "{tool}": workload {workload} renames its tool "{original}" to "{renamed}" (aggregation.tools overrides), so this bucket never applies{hint}',
    filtered: 'no call is ever keyed by "{tool}": "{original}" is not in the aggregation.tools filter of workload {workload}, so vMCP never advertises it and this bucket never applies{hint}',
    excluded: 'no call is ever keyed by "{tool}": workload {workload} has excludeAll, so vMCP advertises none of its tools and this bucket never applies{hint}',
    excludedAll: 'no call is ever keyed by "{tool}": aggregation.excludeAllTools hides every backend tool, so this bucket never applies{hint}',
    denied: 'no call is ever keyed by "{tool}": defaultToolVisibility is deny and workload {workload} has no aggregation.tools entry, so this bucket never applies{hint}',
    hint: '; did you mean {names}?',
  },
});

/** A name-only relation (RELATIONS.md a.2): a workload name that is not a member of the group. */
export const refWorkloadUnknown = defineRule({
  id: 'ref-workload-unknown',
  origin: 'relations',
  severity: 'warning',
  stage: 'relations',
  modes: ['crd', 'strict'],
  description: 'a workload name (aggregation.tools[].workload, priorityOrder, outgoingAuth.backends, perWorkload timeouts) that is no member of the MCPGroup, so its settings never apply',
  messages: {
    aggregationTool: 'workload "{workload}" is not in MCPGroup {group} (workloads: {workloads}): vMCP only logs "aggregation.tools entry matches no backend in the group; its filter/overrides are not applied"{hint}',
    priorityOrder: 'workload "{workload}" is not in MCPGroup {group} (workloads: {workloads}): this priority entry never applies{hint}',
    outgoingBackend: 'workload "{workload}" is not in MCPGroup {group} (workloads: {workloads}): this backend auth entry never applies{hint}',
    perWorkloadTimeout: 'workload "{workload}" is not in MCPGroup {group} (workloads: {workloads}): this timeout never applies{hint}',
    hint: '; did you mean "{name}"?',
  },
});

/** A referenced object that exists but that the operator will not use (RELATIONS.md a.3 rows 1-3, 8, 9): cluster status, or an MCPAuthzConfig type. */
export const refNotReady = defineRule({
  id: 'ref-not-ready',
  origin: 'relations',
  severity: 'warning',
  stage: 'relations',
  modes: ['crd', 'strict'],
  description: 'a referenced object exists but the operator will not use it yet: its cluster status says not ready, not valid or failed (never known from manifests, which carry no status), or an MCPAuthzConfig type other than cedarv1',
  messages: {
    groupNotReady: 'MCPGroup {namespace}/{name} is not ready (phase {phase}): the operator sets phase Pending, condition GroupRefValidated=False (GroupRefNotReady: "Referenced MCPGroup {name} is not ready (phase: {phase})") and deploys nothing until it is Ready',
    oidcConfigNotValid: 'MCPOIDCConfig {namespace}/{name} is not valid (condition Valid={status}): the operator sets condition OIDCConfigRefValidated=False (OIDCConfigRefNotValid: "MCPOIDCConfig {name} is not valid{detail}") and writes no vMCP config until it is',
    authzConfigNotValid: 'MCPAuthzConfig {namespace}/{name} is not valid (condition Valid={status}): the operator sets condition AuthzConfigRefValidated=False (AuthzConfigRefNotValid: "MCPAuthzConfig {name} is not valid: MCPAuthzConfig {namespace}/{name} is not valid (condition \\"Valid\\" is not True)") and writes no vMCP config until it is',
    authzConfigType: 'MCPAuthzConfig {namespace}/{name} has type "{type}": the operator sets condition AuthzConfigRefValidated=False (AuthzConfigRefNotValid: "MCPAuthzConfig {name} has unsupported type \\"{type}\\" for VirtualMCPServer; only cedarv1 is supported") and writes no vMCP config',
    compositeToolInvalid: 'VirtualMCPCompositeToolDefinition {namespace}/{name} is invalid (status.validationStatus Invalid): the operator sets condition CompositeToolRefsValidated=False (CompositeToolRefInvalid: "Referenced VirtualMCPCompositeToolDefinition {name} is invalid{detail}") and deploys nothing until it is valid',
    embeddingServerNotReady: 'EmbeddingServer {namespace}/{name} is not ready (phase {phase}, {replicas} ready replicas): the operator sets phase Pending, condition EmbeddingServerReady=False (EmbeddingServerNotReady: "EmbeddingServer is not yet ready") and looks again every 30 s',
    embeddingServerFailed: 'EmbeddingServer {namespace}/{name} has failed (phase Failed): the operator stops each reconcile with "EmbeddingServer {name} has failed" and deploys nothing until it recovers',
  },
});

export const relationRules = [refMissing, ratelimitToolUnmatched, refWorkloadUnknown, refNotReady] as const;
