// ESLint-style valid/invalid tables for all 32 CRD CEL rules (docs/upstream-behaviour.md b), evaluated on the committed
// schema with @bufbuild/cel: each invalid case asserts rule id, field and the exact API-server line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCelRules } from '../../../src/core/cel/evaluate.js';
import { celRuleLocations } from '../../../src/core/rules/cel-rules.js';
import { validateObject } from '../../../src/core/validate.js';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const schema = committedVersion('v1beta1').schema;
type Spec = Record<string, unknown>;
interface Expect { rule: string; field: string; message: string }
interface Case { name: string; spec: Spec; errors: Expect[]; schema?: string[] }

const redis = { provider: 'redis', address: 'redis:6379' };
const bucket = { maxTokens: 10, refillPeriod: '1m' };
const oidc = { type: 'oidc', oidcConfigRef: { name: 'oidc', audience: 'vmcp' } };
const oidcProvider = { name: 'up', type: 'oidc', oidcConfig: { issuerUrl: 'https://idp.example', clientId: 'c' } };
const auth = (extra: Spec, issuerUrl = 'https://issuer.example'): Spec => ({ ...baseSpec(), authServerConfig: { issuer: issuerUrl, upstreamProviders: [oidcProvider], ...extra } });
const issuer = (i: Spec): Spec => auth({ trustedIssuers: [{ issuerUrl: 'https://trusted.example', ...i }] });
const provider = (p: Spec): Spec => auth({ upstreamProviders: [{ name: 'up', ...p }] });
const oauth2 = (o: Spec): Spec => ({ authorizationEndpoint: 'https://idp.example/authorize', tokenEndpoint: 'https://idp.example/token', ...o });
const delegate = (secret: Spec = { name: 's', key: 'k' }): Spec => ({ clientId: 'd', audiences: ['https://aud.example'], scopes: ['read'], clientSecretRef: secret });
const redisStorage = (r: Spec): Spec => auth({ storage: { type: 'redis', redis: { aclUserConfig: { passwordSecretRef: { name: 'p', key: 'k' } }, ...r } } });
const grant = (g: Spec): Spec => issuer({ jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: [{ subject: 'a', allowedResources: ['https://r'] }], ...g } });
const binding = (subject: string): Spec => ({ subject, allowedResources: ['https://r'] });
const config = (c: Spec, extra: Spec = {}): Spec => ({ ...baseSpec(), ...extra, config: c });
const rl = (r: Spec, extra: Spec = { sessionStorage: redis }): Spec => config({ rateLimiting: r }, extra);
const authz = (a: Spec): Spec => ({ ...baseSpec(), incomingAuth: { type: 'anonymous', authzConfig: a } });
const cb = (timeout: string): Spec => config({ operational: { failureHandling: { circuitBreaker: { timeout } } } });

/** Third element: what the schema stage adds end to end (non-blocking, so CEL still runs). */
const valid: readonly [string, Spec, string[]?][] = [
  ['minimal spec', baseSpec()],
  ['rate limiting with redis', rl({ shared: bucket })],
  ['perUser with oidc', rl({ perUser: bucket }, { sessionStorage: redis, incomingAuth: oidc })],
  ['tool perUser with oidc', rl({ tools: [{ name: 't', perUser: bucket }] }, { sessionStorage: redis, incomingAuth: oidc })],
  ['tool shared with anonymous', rl({ tools: [{ name: 't', shared: bucket }] })],
  ['embeddingServerRef with tei', { ...config({ optimizer: { embeddingProvider: 'tei' } }), embeddingServerRef: { name: 'e' } }],
  ['confidential registration over https', auth({ allowConfidentialClientRegistration: true, forceConfidentialRedirectUris: ['https://x'] })],
  ['delegate clients with https issuer', auth({ delegateClients: [delegate()] })],
  ['empty delegate clients with http issuer', auth({ delegateClients: [] }, 'http://issuer.example')],
  ['auth redis addr', redisStorage({ addr: 'r:6379', clusterMode: true })],
  ['auth redis sentinel', redisStorage({ sentinelConfig: { masterName: 'm' } })],
  ['issuer with audience and delegates', issuer({ expectedAudience: 'a', allowedDelegateClients: ['c'], actorClaim: 'azp', allowPrivateIPs: true, jwksUrl: 'https://j' })],
  ['wildcard alone', issuer({ expectedAudience: 'a', allowedDelegateClients: ['*'] })],
  ['plain jwt bearer grant', grant({})],
  ['distinct subject bindings', grant({ subjectBindings: [binding('a'), binding('b')] })],
  ['oidc provider', provider({ type: 'oidc', oidcConfig: { issuerUrl: 'https://idp.example', clientId: 'c' } })],
  ['oauth2 with client id', provider({ type: 'oauth2', oauth2Config: oauth2({ clientId: 'c', clientSecretRef: { name: 'n', key: 'k' } }) })],
  ['oauth2 with dcr discovery', provider({ type: 'oauth2', oauth2Config: oauth2({ dcrConfig: { discoveryUrl: 'https://idp.example/discovery' } }) })],
  ['circuit breaker 1s', cb('1s')],
  ['circuit breaker empty', cb(''), [`spec.config.operational.failureHandling.circuitBreaker.timeout: Invalid value: "": spec.config.operational.failureHandling.circuitBreaker.timeout in body should match '^([0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))+$'`]],
  ['circuit breaker 1000ms', cb('1000ms')],
  ['openai embedding headers', config({ optimizer: { embeddingProvider: 'openai', embeddingHeaders: { 'X-Api-Key': 'k', "a!#$%&'*+.^_`|~9": 'v' } } })],
  ['oidc with ref', { ...baseSpec(), incomingAuth: oidc }],
  ['authz configMap', authz({ type: 'configMap', configMap: { name: 'c' } })],
  ['authz inline', authz({ type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } })],
  ['authzConfigRef alone', { ...baseSpec(), incomingAuth: { type: 'anonymous', authzConfigRef: { name: 'a' } } }],
  ['memory session storage', { ...baseSpec(), sessionStorage: { provider: 'memory' } }],
];

const S = 'spec: Invalid value: "object": ';
const TI = 'spec.authServerConfig.trustedIssuers[0]';
const OA = 'spec.authServerConfig.upstreamProviders[0].oauth2Config';
const invalid: readonly Case[] = [
  { name: 'rate limiting without session storage', spec: rl({ shared: bucket }, {}), errors: [{ rule: 'cel-ratelimit-requires-redis', field: 'spec', message: `${S}config.rateLimiting requires sessionStorage with provider 'redis'` }] },
  { name: 'rate limiting with memory', spec: rl({ shared: bucket }, { sessionStorage: { provider: 'memory' } }), errors: [{ rule: 'cel-ratelimit-requires-redis', field: 'spec', message: `${S}config.rateLimiting requires sessionStorage with provider 'redis'` }] },
  { name: 'perUser with anonymous', spec: rl({ perUser: bucket }), errors: [{ rule: 'cel-peruser-requires-oidc', field: 'spec', message: `${S}config.rateLimiting.perUser requires incomingAuth.type oidc` }] },
  { name: 'tool perUser with anonymous', spec: rl({ tools: [{ name: 'a', shared: bucket }, { name: 'b', perUser: bucket }] }), errors: [{ rule: 'cel-tool-peruser-requires-oidc', field: 'spec', message: `${S}per-tool perUser rate limiting requires incomingAuth.type oidc` }] },
  { name: 'embeddingServerRef with openai', spec: { ...config({ optimizer: { embeddingProvider: 'openai' } }), embeddingServerRef: { name: 'e' } }, errors: [{ rule: 'cel-embedding-server-not-with-openai', field: 'spec', message: `${S}embeddingServerRef provisions a managed TEI server and cannot be combined with optimizer.embeddingProvider 'openai'; openai mode uses embeddingService directly` }] },
  { name: 'confidential registration over http', spec: auth({ allowConfidentialClientRegistration: true, insecureAllowHTTP: true }), errors: [{ rule: 'cel-confidential-registration-not-with-insecure-http', field: 'spec.authServerConfig', message: 'spec.authServerConfig: Invalid value: "object": allowConfidentialClientRegistration cannot be combined with insecureAllowHTTP; client secrets would be issued in cleartext over an unauthenticated endpoint' }] },
  { name: 'delegate clients with http issuer', spec: auth({ delegateClients: [delegate()] }, 'http://issuer.example'), errors: [{ rule: 'cel-delegate-clients-require-https-issuer', field: 'spec.authServerConfig', message: 'spec.authServerConfig: Invalid value: "object": delegateClients require an https:// issuer; delegate client secrets must not be sent over plaintext HTTP' }] },
  { name: 'force confidential without registration', spec: auth({ forceConfidentialRedirectUris: ['https://x'] }), errors: [{ rule: 'cel-force-confidential-requires-registration', field: 'spec.authServerConfig', message: 'spec.authServerConfig: Invalid value: "object": forceConfidentialRedirectUris requires allowConfidentialClientRegistration to be true' }] },
  { name: 'delegate client without secret', spec: auth({ delegateClients: [delegate(), delegate({ name: 's', key: '' }), delegate({ name: '', key: 'k' })] }), errors: [1, 2].map((i) => ({ rule: 'cel-delegate-client-secret-ref', field: `spec.authServerConfig.delegateClients[${i}]`, message: `spec.authServerConfig.delegateClients[${i}]: Invalid value: "object": clientSecretRef.name and clientSecretRef.key are required and must be non-empty` })) },
  { name: 'auth redis with neither addr nor sentinel', spec: redisStorage({ addr: '' }), errors: [{ rule: 'cel-authserver-redis-addr-xor-sentinel', field: 'spec.authServerConfig.storage.redis', message: 'spec.authServerConfig.storage.redis: Invalid value: "object": exactly one of addr or sentinelConfig must be set' }] },
  { name: 'auth redis cluster with sentinel', spec: redisStorage({ clusterMode: true, sentinelConfig: { masterName: 'm' } }), errors: [{ rule: 'cel-authserver-redis-cluster-requires-addr', field: 'spec.authServerConfig.storage.redis', message: 'spec.authServerConfig.storage.redis: Invalid value: "object": clusterMode requires addr to be set' }] },
  { name: 'wildcard with other delegates', spec: issuer({ expectedAudience: 'a', allowedDelegateClients: ['*', 'c'] }), errors: [{ rule: 'cel-delegate-wildcard-alone', field: TI, message: `${TI}: Invalid value: "object": allowedDelegateClients must not combine the wildcard "*" with specific client IDs` }] },
  { name: 'may act with wildcard', spec: issuer({ expectedAudience: 'a', allowMayAct: true, allowedDelegateClients: ['*'] }), errors: [{ rule: 'cel-may-act-not-with-wildcard', field: TI, message: `${TI}: Invalid value: "object": allowMayAct must not be enabled when allowedDelegateClients contains the wildcard "*"` }] },
  { name: 'may act without delegates (evaluation error, as cel-go reports a missing key)', spec: issuer({ expectedAudience: 'a', allowMayAct: true }), errors: [
    { rule: 'cel-may-act-not-with-wildcard', field: TI, message: `${TI}: Invalid value: "object": no such key: allowedDelegateClients evaluating rule: allowMayAct must not be enabled when allowedDelegateClients contains the wildcard "*"` },
    { rule: 'cel-allowed-delegate-clients-required', field: TI, message: `${TI}: Invalid value: "object": allowedDelegateClients is required when expectedAudience, actorClaim, actorMatcher, or allowMayAct is set` },
  ] },
  { name: 'reserved actor claim', spec: issuer({ expectedAudience: 'a', allowedDelegateClients: ['c'], actorClaim: 'may_act' }), errors: [{ rule: 'cel-actor-claim-not-reserved', field: TI, message: `${TI}: Invalid value: "object": actorClaim must name a readable claim; use client_id or a non-reserved claim such as azp, appid, or cid` }] },
  { name: 'private IPs without jwksUrl', spec: issuer({ expectedAudience: 'a', allowedDelegateClients: ['c'], allowPrivateIPs: true, jwksUrl: '' }), errors: [{ rule: 'cel-private-ips-require-jwks-url', field: TI, message: `${TI}: Invalid value: "object": allowPrivateIPs requires jwksUrl to be set explicitly` }] },
  { name: 'issuer without audience', spec: issuer({}), errors: [{ rule: 'cel-expected-audience-required', field: TI, message: `${TI}: Invalid value: "object": expectedAudience is required unless jwtBearerGrant is configured without actorClaim, actorMatcher, allowMayAct, or allowedActors` }] },
  { name: 'audience without delegates', spec: issuer({ expectedAudience: 'a' }), errors: [{ rule: 'cel-allowed-delegate-clients-required', field: TI, message: `${TI}: Invalid value: "object": allowedDelegateClients is required when expectedAudience, actorClaim, actorMatcher, or allowMayAct is set` }] },
  { name: 'zero max assertion age', spec: grant({ maxAssertionAge: '0s' }), errors: [{ rule: 'cel-max-assertion-age-positive', field: `${TI}.jwtBearerGrant`, message: `${TI}.jwtBearerGrant: Invalid value: "object": maxAssertionAge must be greater than zero` }] },
  { name: 'negative max assertion age', spec: grant({ maxAssertionAge: '-1m' }), errors: [{ rule: 'cel-max-assertion-age-positive', field: `${TI}.jwtBearerGrant`, message: `${TI}.jwtBearerGrant: Invalid value: "object": maxAssertionAge must be greater than zero` }] },
  { name: 'max assertion age in days (not Go)', spec: grant({ maxAssertionAge: '1d' }), errors: [{ rule: 'cel-max-assertion-age-positive', field: `${TI}.jwtBearerGrant`, message: `${TI}.jwtBearerGrant: Invalid value: "object": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: maxAssertionAge must be greater than zero` }] },
  { name: 'duplicate subject bindings', spec: grant({ subjectBindings: [binding('a'), binding('b'), binding('a')] }), errors: [{ rule: 'cel-subject-bindings-unique', field: `${TI}.jwtBearerGrant`, message: `${TI}.jwtBearerGrant: Invalid value: "object": subjectBindings must not contain duplicate subjects` }] },
  { name: 'oidc provider with oauth2 config', spec: provider({ type: 'oidc', oidcConfig: { issuerUrl: 'https://idp.example', clientId: 'c' }, oauth2Config: oauth2({ clientId: 'c' }) }), errors: [{ rule: 'cel-upstream-provider-config-matches-type', field: 'spec.authServerConfig.upstreamProviders[0]', message: "spec.authServerConfig.upstreamProviders[0]: Invalid value: \"object\": type must be 'oidc' or 'oauth2'; oidcConfig must be set when type is 'oidc' and oauth2Config must be set when type is 'oauth2' (and the other must not be set)" }] },
  { name: 'oauth2 with neither client id nor dcr', spec: provider({ type: 'oauth2', oauth2Config: oauth2({ clientId: '' }) }), errors: [{ rule: 'cel-oauth2-client-id-xor-dcr', field: OA, message: `${OA}: Invalid value: "object": exactly one of clientId or dcrConfig must be set` }] },
  { name: 'oauth2 dcr with secret', spec: provider({ type: 'oauth2', oauth2Config: oauth2({ dcrConfig: { registrationEndpoint: 'https://idp.example/register' }, clientSecretRef: { name: 'n', key: 'k' } }) }), errors: [{ rule: 'cel-oauth2-no-secret-with-dcr', field: OA, message: `${OA}: Invalid value: "object": clientSecretRef must not be set when dcrConfig is set; the client_secret is obtained at runtime via Dynamic Client Registration` }] },
  { name: 'dcr with both endpoints', spec: provider({ type: 'oauth2', oauth2Config: oauth2({ dcrConfig: { discoveryUrl: 'https://idp.example/discovery', registrationEndpoint: 'https://idp.example/register' } }) }), errors: [{ rule: 'cel-dcr-discovery-xor-registration', field: `${OA}.dcrConfig`, message: `${OA}.dcrConfig: Invalid value: "object": exactly one of discoveryUrl or registrationEndpoint must be set` }] },
  { name: 'circuit breaker 500ms', spec: cb('500ms'), errors: [{ rule: 'cel-circuit-breaker-timeout-min', field: 'spec.config.operational.failureHandling.circuitBreaker.timeout', message: 'spec.config.operational.failureHandling.circuitBreaker.timeout: Invalid value: "string": timeout must be >= 1s' }] },
  { name: 'circuit breaker not a duration', spec: cb('soon'), schema: [`spec.config.operational.failureHandling.circuitBreaker.timeout: Invalid value: "soon": spec.config.operational.failureHandling.circuitBreaker.timeout in body should match '^([0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))+$'`], errors: [{ rule: 'cel-circuit-breaker-timeout-min', field: 'spec.config.operational.failureHandling.circuitBreaker.timeout', message: "spec.config.operational.failureHandling.circuitBreaker.timeout: Invalid value: \"string\": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: timeout must be >= 1s" }] },
  { name: 'embedding headers with tei', spec: config({ optimizer: { embeddingProvider: 'tei', embeddingHeaders: { 'X-A': 'b' } } }), errors: [{ rule: 'cel-embedding-headers-require-openai', field: 'spec.config.optimizer', message: "spec.config.optimizer: Invalid value: \"object\": embeddingHeaders is only supported when embeddingProvider is 'openai'" }] },
  ...[{ 'Content-TYPE': 'x' }, { AUTHORIZATION: 'x' }, { 'bad header': 'x' }, { 'x(y)': 'x' }].map((h) => ({ name: `embedding header ${Object.keys(h)[0]}`, spec: config({ optimizer: { embeddingProvider: 'openai', embeddingHeaders: h } }), errors: [{ rule: 'cel-embedding-header-names-valid', field: 'spec.config.optimizer', message: 'spec.config.optimizer: Invalid value: "object": embeddingHeaders names must be valid HTTP header names and must not include Authorization or Content-Type' }] })),
  { name: 'empty rate limiting', spec: rl({}), errors: [{ rule: 'cel-ratelimit-not-empty', field: 'spec.config.rateLimiting', message: 'spec.config.rateLimiting: Invalid value: "object": at least one of shared, perUser, or tools must be configured' }] },
  { name: 'rate limiting with empty tools', spec: rl({ tools: [] }), errors: [{ rule: 'cel-ratelimit-not-empty', field: 'spec.config.rateLimiting', message: 'spec.config.rateLimiting: Invalid value: "object": at least one of shared, perUser, or tools must be configured' }] },
  { name: 'tool without bucket', spec: rl({ tools: [{ name: 'a', shared: bucket }, { name: 'b' }] }), errors: [{ rule: 'cel-ratelimit-tool-not-empty', field: 'spec.config.rateLimiting.tools[1]', message: 'spec.config.rateLimiting.tools[1]: Invalid value: "object": at least one of shared or perUser must be configured' }] },
  { name: 'oidc without ref', spec: { ...baseSpec(), incomingAuth: { type: 'oidc' } }, errors: [{ rule: 'cel-oidc-requires-config-ref', field: 'spec.incomingAuth', message: 'spec.incomingAuth: Invalid value: "object": spec.incomingAuth.oidcConfigRef is required when type is oidc' }] },
  { name: 'authz config and ref', spec: { ...baseSpec(), incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'c' } }, authzConfigRef: { name: 'a' } } }, errors: [{ rule: 'cel-authz-config-exclusive', field: 'spec.incomingAuth', message: 'spec.incomingAuth: Invalid value: "object": authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig' }] },
  { name: 'authz configMap type without configMap', spec: authz({ type: 'configMap' }), errors: [{ rule: 'cel-authz-configmap-matches-type', field: 'spec.incomingAuth.authzConfig', message: "spec.incomingAuth.authzConfig: Invalid value: \"object\": configMap must be set when type is 'configMap', and must not be set otherwise" }] },
  { name: 'authz inline type with configMap', spec: authz({ type: 'inline', inline: { policies: ['p'] }, configMap: { name: 'c' } }), errors: [{ rule: 'cel-authz-configmap-matches-type', field: 'spec.incomingAuth.authzConfig', message: "spec.incomingAuth.authzConfig: Invalid value: \"object\": configMap must be set when type is 'configMap', and must not be set otherwise" }] },
  { name: 'authz inline type without inline', spec: authz({ type: 'inline' }), errors: [{ rule: 'cel-authz-inline-matches-type', field: 'spec.incomingAuth.authzConfig', message: "spec.incomingAuth.authzConfig: Invalid value: \"object\": inline must be set when type is 'inline', and must not be set otherwise" }] },
  { name: 'redis without address', spec: { ...baseSpec(), sessionStorage: { provider: 'redis' } }, errors: [{ rule: 'cel-session-storage-requires-address', field: 'spec.sessionStorage', message: 'spec.sessionStorage: Invalid value: "object": address is required' }] },
];

const summary = (spec: Spec): Expect[] =>
  evaluateCelRules(vmcp(spec), schema).map((f) => ({ rule: f.rule, field: f.field ?? '<nil>', message: f.message }));

void test('valid specs pass every CRD rule', () => {
  for (const [name, spec] of valid) assert.deepEqual(summary(spec), [], name);
});

void test('invalid specs fail with rule id, field and the exact API-server line', () => {
  for (const c of invalid) assert.deepEqual(summary(c.spec), c.errors, c.name);
});

void test('end to end (crd mode, built-in schemas, defaults applied): the same lines and nothing else', async () => {
  const schemas = await loadBuiltinSchemas();
  const lines = (spec: Spec): string[] => validateObject(vmcp(spec), { mode: 'crd', schemas }).findings.map((f) => f.message);
  for (const [name, spec, schemaLines] of valid) assert.deepEqual(lines(spec), schemaLines ?? [], name);
  for (const c of invalid) assert.deepEqual(lines(c.spec), [...(c.schema ?? []), ...c.errors.map((e) => e.message)], c.name);
});

void test('every one of the 32 CRD rules has a failing case in this table', () => {
  const covered = new Set(invalid.flatMap((c) => c.errors.map((e) => e.rule)));
  const missing = celRuleLocations.map((l) => l.id).filter((id) => !covered.has(id));
  assert.equal(celRuleLocations.length, 32);
  assert.deepEqual(missing, []);
});
