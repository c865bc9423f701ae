// Documentation entries for the findings the renderer (src/render) emits when it cannot produce the
// operator's config.yaml for an object the engine admits. The renderer owns the texts and the
// checks (core imports nothing of it); these entries give every id a place in the one registry and
// the README. They run wherever a render runs (either mode).
import type { Mode } from '../validate.js';
import type { Rule } from './types.js';

const both: readonly Mode[] = ['crd', 'strict'];
const entry = (id: string, description: string, messages: Readonly<Record<string, string>>): Rule => ({ id, origin: 'runtime', severity: 'error', description, messages, modes: both });

export const renderRules: readonly Rule[] = [
  entry('render-reference-not-found', 'render: an object the operator would read from the cluster (MCPOIDCConfig, MCPAuthzConfig, MCPToolConfig, MCPExternalAuthConfig, ...) is not among the input documents', {
    notFound: '{kind} {namespace}/{name} not found in the input (the operator reads it from the cluster)',
  }),
  entry('render-operator-error', 'render: a conversion the operator itself would fail (duplicate composite tool names, unknown OIDC or auth type, an MCPAuthzConfig that is not Valid or not cedarv1)', {
    duplicateTool: 'invalid composite tools: duplicate composite tool name: "{name}"',
    oidcType: 'MCPOIDCConfig {namespace}/{name}: unknown OIDC config type "{type}"',
    authzInvalid: 'MCPAuthzConfig {namespace}/{name} is not Valid (status condition Valid is False); the operator refuses it',
    authzType: 'MCPAuthzConfig type "{type}" is not yet supported for VirtualMCPServer; only cedarv1 is supported',
    authType: 'unknown auth type "{type}"',
  }),
  entry('render-cluster-only', 'render: a value the operator takes from live cluster state (EmbeddingServer status, MCPGroup workloads, its own build version, operator-generated secret names) cannot be rendered offline', {
    clusterOnly: '{what}, which an offline render cannot see',
  }),
  entry('render-undecodable', "render: a spec.config value vMCP's config.yaml decoding would reject (e.g. a duration or number it cannot parse)", {
    undecodable: '{error}',
  }),
];
