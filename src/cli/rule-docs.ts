// A failing example for every registered rule, keyed by rule id: the one place the rules reference
// (`vmcp-admission rules`), SARIF help texts and the README read them from. The type requires an
// entry for every RuleId, and test/cli/rule-docs.test.ts checks no entry is empty or stale.
// Examples are fragments: only the part of the manifest (or input) that breaks the rule.
import type { RuleId } from '../core/rules/index.js';

export interface RuleDoc {
  /** A short failing example (YAML fragment, or what the input is). */
  readonly example: string;
  /** Why it matters, when the registry's one-line description does not say it. */
  readonly why?: string;
}

const rl = (body: string): string => `spec:\n  config:\n    rateLimiting:\n${body}`;
const issuer = (body: string): string => `spec:\n  authServerConfig:\n    trustedIssuers:\n      - ${body}`;
const oauth2 = (body: string): string => `spec:\n  authServerConfig:\n    upstreamProviders:\n      - type: oauth2\n        oauth2Config: ${body}`;

export const ruleDocs: Readonly<Record<RuleId, RuleDoc>> = {
  'input-unreadable': { example: 'vmcp-admission validate missing.yaml   # no such file' },
  'input-too-large': { example: 'a 40 MiB file or standard input' },
  'input-not-text': { example: 'a PNG or a Latin-1 encoded file given as a manifest' },
  'input-no-manifests': { example: 'vmcp-admission validate docs/   # holds only .md files' },
  'yaml-syntax': { example: 'spec: {groupRef: {name: g}' },
  'yaml-duplicate-key': { example: 'shared:\n  maxTokens: 10\n  maxTokens: 20' },
  'yaml-alias-limit': { example: 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]   # ... doubling on, a "billion laughs"' },
  'yaml-too-deep': { example: `a: ${'['.repeat(8)}...   # more than 128 levels` },
  'yaml-document-too-large': { example: 'one document with more than 1,000,000 YAML tokens' },
  'yaml-too-many-documents': { example: 'one file with more than 100,000 --- separated documents' },
  'yaml-not-json': { example: 'maxTokens: .inf' },
  'list-item-invalid': { example: 'kind: List\nitems:\n  - just a string' },
  'document-not-a-mapping': { example: '- apiVersion: toolhive.stacklok.dev/v1beta1   # a list, not an object' },
  'document-kind': { example: 'apiVersion: toolhive.stacklok.io/v1beta1\nkind: VirtualMCPServer' },
  'document-unserved-version': { example: 'apiVersion: toolhive.stacklok.dev/v2\nkind: VirtualMCPServer' },
  'schema-unknown-field': { example: rl('      shared:\n        maxTokens: 10\n        refilPeriod: 1m   # typo'), why: 'The API server silently drops it, so the setting you wrote never takes effect.' },
  'schema-required': { example: 'spec:\n  incomingAuth: {type: anonymous}   # spec.groupRef missing' },
  'schema-enum': { example: 'spec:\n  sessionStorage:\n    provider: Redis   # values are case-sensitive' },
  'schema-type': { example: rl('      shared:\n        maxTokens: "100"') },
  'schema-range': { example: rl('      shared:\n        maxTokens: 0') },
  'schema-length': { example: 'spec:\n  groupRef:\n    name: ""' },
  'schema-items': { example: 'a list with fewer or more items than its minItems / maxItems' },
  'schema-properties': { example: 'a map with fewer or more keys than its minProperties / maxProperties' },
  'schema-pattern': { example: 'a string that does not match the pattern the CRD declares for the field' },
  'schema-format': { example: 'a date-time field holding "yesterday"' },
  'schema-duplicate': { example: rl('      tools:\n        - {name: search, shared: {maxTokens: 5, refillPeriod: 1s}}\n        - {name: search, shared: {maxTokens: 9, refillPeriod: 1s}}') },
  'metadata-name': { example: 'metadata:\n  name: Team_Tools' },
  'metadata-string-maps': { example: 'metadata:\n  labels:\n    tier: 1   # must be "1"' },
  'metadata-labels-annotations': { example: 'metadata:\n  labels:\n    app.kubernetes.io/name: "has spaces"' },
  'cel-not-checked': { example: 'any document with a schema-required, -enum, -type or too-long error: CEL rules are not evaluated' },
  'cel-ratelimit-requires-redis': { example: 'spec:\n  sessionStorage: {provider: memory}\n  config:\n    rateLimiting:\n      shared: {maxTokens: 100, refillPeriod: 1m}', why: 'Buckets live in Redis; without it the replicas cannot share them.' },
  'cel-peruser-requires-oidc': { example: 'spec:\n  incomingAuth: {type: anonymous}\n  config:\n    rateLimiting:\n      perUser: {maxTokens: 10, refillPeriod: 1m}', why: 'A per-user bucket needs an authenticated user to key it on.' },
  'cel-tool-peruser-requires-oidc': { example: 'spec:\n  incomingAuth: {type: anonymous}\n  config:\n    rateLimiting:\n      tools:\n        - {name: search, perUser: {maxTokens: 5, refillPeriod: 1m}}' },
  'cel-embedding-server-not-with-openai': { example: 'spec:\n  embeddingServerRef: {name: emb}\n  config:\n    optimizer: {embeddingProvider: openai}' },
  'cel-confidential-registration-not-with-insecure-http': { example: 'spec:\n  authServerConfig:\n    allowConfidentialClientRegistration: true\n    insecureAllowHTTP: true' },
  'cel-delegate-clients-require-https-issuer': { example: 'spec:\n  authServerConfig:\n    issuer: http://auth.example.com\n    delegateClients: [...]' },
  'cel-force-confidential-requires-registration': { example: 'spec:\n  authServerConfig:\n    forceConfidentialRedirectUris: [https://app/cb]   # without allowConfidentialClientRegistration' },
  'cel-delegate-client-secret-ref': { example: 'spec:\n  authServerConfig:\n    delegateClients:\n      - clientSecretRef: {name: "", key: secret}' },
  'cel-authserver-redis-addr-xor-sentinel': { example: 'spec:\n  authServerConfig:\n    storage:\n      redis: {addr: redis:6379, sentinelConfig: {...}}' },
  'cel-authserver-redis-cluster-requires-addr': { example: 'spec:\n  authServerConfig:\n    storage:\n      redis: {clusterMode: true, sentinelConfig: {...}}' },
  'cel-delegate-wildcard-alone': { example: issuer('allowedDelegateClients: ["*", app]') },
  'cel-may-act-not-with-wildcard': { example: issuer('allowMayAct: true\n        allowedDelegateClients: ["*"]') },
  'cel-actor-claim-not-reserved': { example: issuer('actorClaim: sub') },
  'cel-private-ips-require-jwks-url': { example: issuer('allowPrivateIPs: true   # no jwksUrl') },
  'cel-expected-audience-required': { example: issuer('issuer: https://idp   # no expectedAudience, not a plain jwtBearerGrant') },
  'cel-allowed-delegate-clients-required': { example: issuer('expectedAudience: vmcp   # no allowedDelegateClients') },
  'cel-max-assertion-age-positive': { example: issuer('jwtBearerGrant: {maxAssertionAge: 0s}') },
  'cel-subject-bindings-unique': { example: issuer('jwtBearerGrant:\n          subjectBindings: [{subject: a, ...}, {subject: a, ...}]') },
  'cel-upstream-provider-config-matches-type': { example: 'spec:\n  authServerConfig:\n    upstreamProviders:\n      - type: oidc\n        oauth2Config: {...}' },
  'cel-oauth2-client-id-xor-dcr': { example: oauth2('{clientId: app, dcrConfig: {...}}') },
  'cel-oauth2-no-secret-with-dcr': { example: oauth2('{dcrConfig: {...}, clientSecretRef: {...}}') },
  'cel-dcr-discovery-xor-registration': { example: oauth2('{dcrConfig: {discoveryUrl: https://a, registrationEndpoint: https://b}}') },
  'cel-circuit-breaker-timeout-min': { example: 'spec:\n  config:\n    operational:\n      failureHandling:\n        circuitBreaker: {timeout: 500ms}' },
  'cel-embedding-headers-require-openai': { example: 'spec:\n  config:\n    optimizer:\n      embeddingHeaders: {X-Team: a}   # provider is not openai' },
  'cel-embedding-header-names-valid': { example: 'spec:\n  config:\n    optimizer:\n      embeddingProvider: openai\n      embeddingHeaders: {Authorization: x}' },
  'cel-ratelimit-not-empty': { example: rl('      {}') },
  'cel-ratelimit-tool-not-empty': { example: rl('      tools:\n        - name: search') },
  'cel-oidc-requires-config-ref': { example: 'spec:\n  incomingAuth:\n    type: oidc   # no oidcConfigRef' },
  'cel-authz-config-exclusive': { example: 'spec:\n  incomingAuth:\n    authzConfig: {...}\n    authzConfigRef: {name: a}' },
  'cel-authz-configmap-matches-type': { example: 'spec:\n  incomingAuth:\n    authzConfig:\n      type: configMap   # no configMap' },
  'cel-authz-inline-matches-type': { example: 'spec:\n  incomingAuth:\n    authzConfig:\n      type: inline   # no inline' },
  'cel-session-storage-requires-address': { example: 'spec:\n  sessionStorage:\n    provider: redis   # no address' },
  'cel-crd-rule': { example: 'a manifest breaking a CEL rule of a --crd FILE this version does not know' },
  'runtime-refill-period-duration': { example: rl('      shared:\n        maxTokens: 100\n        refillPeriod: one minute'), why: 'The CRD types refillPeriod as a string; the operator parses it with time.ParseDuration and fails.' },
  'runtime-refill-period-positive': { example: rl('      shared:\n        maxTokens: 100\n        refillPeriod: 0s') },
  'runtime-max-tokens-int32': { example: rl('      shared:\n        maxTokens: 3000000000\n        refillPeriod: 1m') },
  'runtime-int32-range': { example: 'spec:\n  replicas: 3000000000' },
  'runtime-config-unknown-key': { example: 'spec:\n  config:\n    rateLimit: {...}   # meant rateLimiting' },
  'runtime-health-check-timeout': { example: 'spec:\n  config:\n    operational:\n      failureHandling:\n        healthCheckInterval: 5s   # default timeout is 10s' },
  'runtime-unhealthy-threshold': { example: 'spec:\n  config:\n    operational:\n      failureHandling:\n        unhealthyThreshold: -1' },
  'lint-deprecated-version': { example: 'apiVersion: toolhive.stacklok.dev/v1alpha1' },
  'lint-bucket-never-binds': { example: rl('      shared: {maxTokens: 10, refillPeriod: 1m}\n      perUser: {maxTokens: 100, refillPeriod: 1m}   # never tighter than shared') },
  'lint-refill-rate-implausible': { example: rl('      shared: {maxTokens: 100, refillPeriod: 1ms}   # 100,000 tokens/s') },
  'lint-config-session-storage-ignored': { example: 'spec:\n  config:\n    sessionStorage: {provider: redis}   # the operator uses spec.sessionStorage' },
  'render-reference-not-found': { example: 'vmcp-admission render vmcp.yaml   # its oidcConfigRef names an MCPOIDCConfig not in the input' },
  'render-operator-error': { example: 'two composite tools with the same name' },
  'render-cluster-only': { example: 'spec:\n  embeddingServerRef: {name: emb}   # its URL comes from the live EmbeddingServer status' },
  'render-undecodable': { example: 'spec:\n  config:\n    operational:\n      failureHandling:\n        healthCheckInterval: soon' },
  'internal-error': { example: 'none: a bug in vmcp-admission (please report it with the input)' },
};
