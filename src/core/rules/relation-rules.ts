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
  description: 'a reference to an object that does not exist in the VirtualMCPServer\'s namespace (the operator only reports it after apply)',
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

export const relationRules = [refMissing, ratelimitToolUnmatched, refWorkloadUnknown] as const;
