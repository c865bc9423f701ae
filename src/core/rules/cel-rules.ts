// One registry entry per x-kubernetes-validations rule of the ToolHive CRD (docs/upstream-behaviour.md b). An entry is
// matched by the schema path of the node carrying the rule and by the exact rule text; the message
// stays in the CRD data (schemas/), so there is exactly one copy of it. `[*]` = each item, `{*}` = each value.
import { defineRule, type Rule } from './rule.js';

interface CelRuleEntry {
  readonly id: `cel-${string}`;
  readonly path: string;
  readonly rule: string;
  readonly description: string;
}

const AUTH = 'spec.authServerConfig';
const ISSUER = `${AUTH}.trustedIssuers[*]`;
const OAUTH2 = `${AUTH}.upstreamProviders[*].oauth2Config`;
const ISSUER_HAS_AUDIENCE_OR_ACTOR = '(has(self.expectedAudience) && size(self.expectedAudience) > 0) || (has(self.actorClaim) && size(self.actorClaim) > 0) || (has(self.actorMatcher) && size(self.actorMatcher) > 0) || (has(self.allowMayAct) && self.allowMayAct)';

const entries = [
  { id: 'cel-ratelimit-requires-redis', path: 'spec', description: 'any spec.config.rateLimiting needs spec.sessionStorage.provider redis', rule: "!has(self.config) || !has(self.config.rateLimiting) || (has(self.sessionStorage) && self.sessionStorage.provider == 'redis')" },
  { id: 'cel-peruser-requires-oidc', path: 'spec', description: 'rateLimiting.perUser needs incomingAuth.type oidc', rule: "!(has(self.config) && has(self.config.rateLimiting) && has(self.config.rateLimiting.perUser)) || (has(self.incomingAuth) && self.incomingAuth.type == 'oidc')" },
  { id: 'cel-tool-peruser-requires-oidc', path: 'spec', description: 'a perUser bucket under rateLimiting.tools needs incomingAuth.type oidc', rule: "!has(self.config) || !has(self.config.rateLimiting) || !has(self.config.rateLimiting.tools) || self.config.rateLimiting.tools.all(t, !has(t.perUser)) || (has(self.incomingAuth) && self.incomingAuth.type == 'oidc')" },
  { id: 'cel-embedding-server-not-with-openai', path: 'spec', description: 'embeddingServerRef excludes optimizer.embeddingProvider openai', rule: "!(has(self.embeddingServerRef) && has(self.config) && has(self.config.optimizer) && has(self.config.optimizer.embeddingProvider) && self.config.optimizer.embeddingProvider == 'openai')" },
  { id: 'cel-confidential-registration-not-with-insecure-http', path: AUTH, description: 'allowConfidentialClientRegistration excludes insecureAllowHTTP', rule: '!(has(self.allowConfidentialClientRegistration) && self.allowConfidentialClientRegistration && has(self.insecureAllowHTTP) && self.insecureAllowHTTP)' },
  { id: 'cel-delegate-clients-require-https-issuer', path: AUTH, description: 'delegateClients need an https:// issuer', rule: "!has(self.delegateClients) || size(self.delegateClients) == 0 || !self.issuer.startsWith('http://')" },
  { id: 'cel-force-confidential-requires-registration', path: AUTH, description: 'forceConfidentialRedirectUris needs allowConfidentialClientRegistration', rule: '(!has(self.forceConfidentialRedirectUris) || size(self.forceConfidentialRedirectUris) == 0) || (has(self.allowConfidentialClientRegistration) && self.allowConfidentialClientRegistration)' },
  { id: 'cel-delegate-client-secret-ref', path: `${AUTH}.delegateClients[*]`, description: 'each delegate client needs a non-empty clientSecretRef name and key', rule: 'has(self.clientSecretRef) && size(self.clientSecretRef.name) > 0 && size(self.clientSecretRef.key) > 0' },
  { id: 'cel-authserver-redis-addr-xor-sentinel', path: `${AUTH}.storage.redis`, description: 'auth server Redis: exactly one of addr and sentinelConfig', rule: '(has(self.addr) && self.addr.size() > 0) != has(self.sentinelConfig)' },
  { id: 'cel-authserver-redis-cluster-requires-addr', path: `${AUTH}.storage.redis`, description: 'auth server Redis clusterMode needs addr', rule: '!(has(self.clusterMode) && self.clusterMode) || (has(self.addr) && self.addr.size() > 0)' },
  { id: 'cel-delegate-wildcard-alone', path: ISSUER, description: 'allowedDelegateClients: the wildcard "*" stands alone', rule: "!has(self.allowedDelegateClients) || !('*' in self.allowedDelegateClients) || size(self.allowedDelegateClients) == 1" },
  { id: 'cel-may-act-not-with-wildcard', path: ISSUER, description: 'allowMayAct excludes a wildcard allowedDelegateClients', rule: "!(has(self.allowMayAct) && self.allowMayAct && '*' in self.allowedDelegateClients)" },
  { id: 'cel-actor-claim-not-reserved', path: ISSUER, description: 'actorClaim must not be a reserved JWT claim', rule: "!has(self.actorClaim) || !(self.actorClaim in ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'name', 'email', 'scope', 'scp', 'may_act'])" },
  { id: 'cel-private-ips-require-jwks-url', path: ISSUER, description: 'allowPrivateIPs needs an explicit jwksUrl', rule: '!(has(self.allowPrivateIPs) && self.allowPrivateIPs) || (has(self.jwksUrl) && self.jwksUrl != "")' },
  { id: 'cel-expected-audience-required', path: ISSUER, description: 'trusted issuer needs expectedAudience unless it is a plain jwtBearerGrant', rule: `(has(self.jwtBearerGrant) && !((has(self.actorClaim) && size(self.actorClaim) > 0) || (has(self.actorMatcher) && size(self.actorMatcher) > 0) || (has(self.allowMayAct) && self.allowMayAct) || (has(self.allowedActors) && size(self.allowedActors) > 0))) || (has(self.expectedAudience) && size(self.expectedAudience) > 0)` },
  { id: 'cel-allowed-delegate-clients-required', path: ISSUER, description: 'audience/actor settings need allowedDelegateClients', rule: `!(${ISSUER_HAS_AUDIENCE_OR_ACTOR}) || (has(self.allowedDelegateClients) && size(self.allowedDelegateClients) > 0)` },
  { id: 'cel-max-assertion-age-positive', path: `${ISSUER}.jwtBearerGrant`, description: 'jwtBearerGrant.maxAssertionAge > 0', rule: "duration(self.maxAssertionAge) > duration('0s')" },
  { id: 'cel-subject-bindings-unique', path: `${ISSUER}.jwtBearerGrant`, description: 'jwtBearerGrant.subjectBindings subjects are unique', rule: 'self.subjectBindings.all(binding, self.subjectBindings.filter(other, other.subject == binding.subject).size() == 1)' },
  { id: 'cel-upstream-provider-config-matches-type', path: `${AUTH}.upstreamProviders[*]`, description: 'upstream provider type oidc/oauth2 with exactly the matching config', rule: "self.type == 'oidc' ? (has(self.oidcConfig) && !has(self.oauth2Config)) : self.type == 'oauth2' ? (has(self.oauth2Config) && !has(self.oidcConfig)) : false" },
  { id: 'cel-oauth2-client-id-xor-dcr', path: OAUTH2, description: 'oauth2Config: exactly one of clientId and dcrConfig', rule: '(has(self.clientId) && size(self.clientId) > 0) ? !has(self.dcrConfig) : has(self.dcrConfig)' },
  { id: 'cel-oauth2-no-secret-with-dcr', path: OAUTH2, description: 'oauth2Config: no clientSecretRef with dcrConfig', rule: '!(has(self.dcrConfig) && has(self.clientSecretRef))' },
  { id: 'cel-dcr-discovery-xor-registration', path: `${OAUTH2}.dcrConfig`, description: 'dcrConfig: exactly one of discoveryUrl and registrationEndpoint', rule: 'has(self.discoveryUrl) != has(self.registrationEndpoint)' },
  { id: 'cel-circuit-breaker-timeout-min', path: 'spec.config.operational.failureHandling.circuitBreaker.timeout', description: 'circuitBreaker.timeout >= 1s', rule: "self == '' || duration(self) >= duration('1s')" },
  { id: 'cel-embedding-headers-require-openai', path: 'spec.config.optimizer', description: 'optimizer.embeddingHeaders only with embeddingProvider openai', rule: "!has(self.embeddingHeaders) || (has(self.embeddingProvider) && self.embeddingProvider == 'openai')" },
  { id: 'cel-embedding-header-names-valid', path: 'spec.config.optimizer', description: 'embeddingHeaders names are HTTP tokens, not Authorization/Content-Type', rule: "!has(self.embeddingHeaders) || self.embeddingHeaders.all(k, k.matches('^[!#$%&\\\\x27*+.^_\\\\x60|~0-9A-Za-z-]+$') && !(k.lowerAscii() in ['authorization', 'content-type']))" },
  { id: 'cel-ratelimit-not-empty', path: 'spec.config.rateLimiting', description: 'rateLimiting needs shared, perUser or a tools entry', rule: 'has(self.shared) || has(self.perUser) || (has(self.tools) && size(self.tools) > 0)' },
  { id: 'cel-ratelimit-tool-not-empty', path: 'spec.config.rateLimiting.tools[*]', description: 'each rateLimiting.tools entry needs shared or perUser', rule: 'has(self.shared) || has(self.perUser)' },
  { id: 'cel-oidc-requires-config-ref', path: 'spec.incomingAuth', description: 'incomingAuth.type oidc needs oidcConfigRef', rule: "self.type == 'oidc' ? has(self.oidcConfigRef) : true" },
  { id: 'cel-authz-config-exclusive', path: 'spec.incomingAuth', description: 'authzConfig and authzConfigRef are mutually exclusive', rule: '!(has(self.authzConfig) && has(self.authzConfigRef))' },
  { id: 'cel-authz-configmap-matches-type', path: 'spec.incomingAuth.authzConfig', description: 'authzConfig.configMap exactly when type is configMap (the default)', rule: "self.type == 'configMap' ? has(self.configMap) : !has(self.configMap)" },
  { id: 'cel-authz-inline-matches-type', path: 'spec.incomingAuth.authzConfig', description: 'authzConfig.inline exactly when type is inline', rule: "self.type == 'inline' ? has(self.inline) : !has(self.inline)" },
  { id: 'cel-session-storage-requires-address', path: 'spec.sessionStorage', description: 'sessionStorage provider redis needs address', rule: "self.provider == 'redis' ? has(self.address) : true" },
] as const satisfies readonly CelRuleEntry[];

/** Schema path + rule text -> id. */
const byKey = new Map<string, KnownCelId>(entries.map((e) => [`${e.path}\n${e.rule}`, e.id]));

export const CEL_CRD_RULE = 'cel-crd-rule';
export type CelRuleId = KnownCelId | typeof CEL_CRD_RULE;

/** The registry id of a CRD rule, or the generic id for rules of a `--crd FILE` this registry does not know. */
export function celRuleId(schemaPath: string, rule: string): CelRuleId {
  return byKey.get(`${schemaPath}\n${rule}`) ?? CEL_CRD_RULE;
}

/** Where and what each known CEL rule is (the doc generator reads the message from the CRD by these). */
export const celRuleLocations: readonly Pick<CelRuleEntry, 'id' | 'path' | 'rule'>[] = entries;

/**
 * The API server's texts around a CRD rule (apiextensions' CEL validator); the rule's own message stays
 * in the CRD data and fills `{message}`.
 */
export const celMessages = {
  failed: '{message}',
  failedRule: 'failed rule: {rule}',
  duplicate: '',
  compile: '{error}',
  noOverload: "'no such overload': call arguments did not match a supported operator, function or macro signature for rule: {rule}",
  evaluation: '{error} evaluating rule: {rule}',
};

type KnownCelId = (typeof entries)[number]['id'];

const asRule = (e: CelRuleEntry & { readonly id: KnownCelId }): Rule<KnownCelId, keyof typeof celMessages> =>
  defineRule({ id: e.id, origin: 'cel', severity: 'error', stage: 'cel', modes: ['crd', 'strict'], description: `${e.description} (CRD rule on ${e.path})`, messages: celMessages });

export const celRules = [
  ...entries.map(asRule),
  defineRule({ id: CEL_CRD_RULE, origin: 'cel', severity: 'error', stage: 'cel', modes: ['crd', 'strict'], description: "a CEL rule of a --crd FILE that this registry does not know; the message is the CRD's", messages: celMessages }),
];
