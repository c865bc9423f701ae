// The findings the renderer (src/render) reports when it cannot produce the operator's config.yaml
// for an object the engine admits: their texts, once. src/render reports them by message id. They
// run wherever a render runs (either mode).
import { goDurationMessages } from '../duration.js';
import { defineRule, type Rule } from './rule.js';

const renderRule = <const Id extends string, M extends string>(id: Id, description: string, messages: Readonly<Record<M, string>>): Rule<Id, M> =>
  defineRule({ id, origin: 'runtime', severity: 'error', stage: 'render', modes: ['crd', 'strict'], description, messages });

export const renderRules = [
  renderRule('render-reference-not-found', 'render: an object the operator would read from the cluster (MCPOIDCConfig, MCPAuthzConfig, MCPToolConfig, MCPExternalAuthConfig, ...) is not among the input documents', {
    notFound: '{kind} {namespace}/{name} not found in the input (the operator reads it from the cluster)',
  }),
  renderRule('render-operator-error', 'render: a conversion the operator itself would fail (duplicate composite tool names, unknown OIDC or auth type, an MCPAuthzConfig that is not Valid or not cedarv1)', {
    duplicateTool: 'invalid composite tools: duplicate composite tool name: "{name}"',
    oidcType: 'MCPOIDCConfig {namespace}/{name}: unknown OIDC config type "{type}"',
    authzInvalid: 'MCPAuthzConfig {namespace}/{name} is not Valid (status condition Valid is False); the operator refuses it',
    authzType: 'MCPAuthzConfig type "{type}" is not yet supported for VirtualMCPServer; only cedarv1 is supported',
    authType: 'unknown auth type "{type}"',
    primaryUpstreamProvider: 'authz primaryUpstreamProvider "{provider}" set without an embedded auth server (spec.authServerConfig must be configured)',
    authzDocumentMissingKey: 'authz ConfigMap {namespace}/{name} has no key "{key}"',
    authzDocumentUnparsable: 'authz ConfigMap {namespace}/{name} key "{key}": {error}',
    authzDocumentNotCedar: 'authz ConfigMap {namespace}/{name} is not a Cedar config: expected type "cedarv1" with a "cedar" section',
  }),
  renderRule('render-cluster-only', 'render: a value the operator takes from live cluster state (EmbeddingServer status, MCPGroup workloads, its own build version, operator-generated secret names) cannot be rendered offline', {
    embeddingServer: "the optimizer's embeddingService comes from EmbeddingServer {namespace}/{name} status, which an offline render cannot see",
    authServerConfig: 'the embedded auth server config (ConfigMap key authserver-config.yaml) is not rendered offline',
    telemetryVersion: 'MCPTelemetryConfig {namespace}/{name}: the operator fills telemetry.serviceVersion with its own build version, which an offline render cannot know',
    outgoingInline: 'source inline: the operator builds backends and outgoingAuth from the live workloads of the MCPGroup, which an offline render cannot see',
    externalAuthStrategy: 'MCPExternalAuthConfig {namespace}/{name} (type {type}): only type unauthenticated is converted offline; the other strategies carry operator-generated secret env names',
  }),
  renderRule('render-undecodable', "render: a spec.config value vMCP's config.yaml decoding would reject (e.g. a duration or number it cannot parse)", {
    // time.ParseDuration's texts, the one copy in core/duration.ts.
    ...goDurationMessages,
    durationType: 'cannot decode {type} as a duration',
  }),
];
