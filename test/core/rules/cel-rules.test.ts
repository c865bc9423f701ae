// ESLint-style valid/invalid tables for all 32 CRD CEL rules (docs/upstream-behaviour.md b), evaluated on the committed
// schema with @bufbuild/cel: each invalid case asserts {rule, messageId, field} and the rendered value; an
// evaluation error also the error it carries; a `failed` finding's text is the CRD's own message for that
// rule (read from the CRD, the one copy). Full texts are asserted once, in messages.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCelRules } from '../../../src/core/cel/evaluate.js';
import { celRuleId, celRuleLocations } from '../../../src/core/rules/cel-rules.js';
import type { Finding } from '../../../src/core/contract.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';
import { validateObject } from '../../../src/core/validate.js';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

const schema = committedVersion('v1beta1').schema;
type Spec = Record<string, unknown>;
interface Expect { rule: string; messageId: string; field: string; value?: string; has?: string }
interface Case { name: string; spec: Spec; errors: Expect[]; schema?: Expect[] }

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
/** The schema stage's pattern finding on the circuit breaker timeout (its text: schema-pattern's row in messages.test.ts). */
const timeoutPattern = (value: string): Expect => ({ rule: 'schema-pattern', messageId: 'pattern', field: 'spec.config.operational.failureHandling.circuitBreaker.timeout', value });

/** Third element: what the schema stage adds end to end (non-blocking, so CEL still runs). */
const valid: readonly [string, Spec, Expect[]?][] = [
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
  ['circuit breaker empty', cb(''), [timeoutPattern('""')]],
  ['circuit breaker 1000ms', cb('1000ms')],
  ['openai embedding headers', config({ optimizer: { embeddingProvider: 'openai', embeddingHeaders: { 'X-Api-Key': 'k', "a!#$%&'*+.^_`|~9": 'v' } } })],
  ['oidc with ref', { ...baseSpec(), incomingAuth: oidc }],
  ['authz configMap', authz({ type: 'configMap', configMap: { name: 'c' } })],
  ['authz inline', authz({ type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } })],
  ['authzConfigRef alone', { ...baseSpec(), incomingAuth: { type: 'anonymous', authzConfigRef: { name: 'a' } } }],
  ['memory session storage', { ...baseSpec(), sessionStorage: { provider: 'memory' } }],
];

const TI = 'spec.authServerConfig.trustedIssuers[0]';
const OA = 'spec.authServerConfig.upstreamProviders[0].oauth2Config';
const invalid: readonly Case[] = [
  { name: 'rate limiting without session storage', spec: rl({ shared: bucket }, {}), errors: [{ rule: 'cel-ratelimit-requires-redis', messageId: 'failed', field: 'spec', value: '"object"' }] },
  { name: 'rate limiting with memory', spec: rl({ shared: bucket }, { sessionStorage: { provider: 'memory' } }), errors: [{ rule: 'cel-ratelimit-requires-redis', messageId: 'failed', field: 'spec', value: '"object"' }] },
  { name: 'perUser with anonymous', spec: rl({ perUser: bucket }), errors: [{ rule: 'cel-peruser-requires-oidc', messageId: 'failed', field: 'spec', value: '"object"' }] },
  { name: 'tool perUser with anonymous', spec: rl({ tools: [{ name: 'a', shared: bucket }, { name: 'b', perUser: bucket }] }), errors: [{ rule: 'cel-tool-peruser-requires-oidc', messageId: 'failed', field: 'spec', value: '"object"' }] },
  { name: 'embeddingServerRef with openai', spec: { ...config({ optimizer: { embeddingProvider: 'openai' } }), embeddingServerRef: { name: 'e' } }, errors: [{ rule: 'cel-embedding-server-not-with-openai', messageId: 'failed', field: 'spec', value: '"object"' }] },
  { name: 'confidential registration over http', spec: auth({ allowConfidentialClientRegistration: true, insecureAllowHTTP: true }), errors: [{ rule: 'cel-confidential-registration-not-with-insecure-http', messageId: 'failed', field: 'spec.authServerConfig', value: '"object"' }] },
  { name: 'delegate clients with http issuer', spec: auth({ delegateClients: [delegate()] }, 'http://issuer.example'), errors: [{ rule: 'cel-delegate-clients-require-https-issuer', messageId: 'failed', field: 'spec.authServerConfig', value: '"object"' }] },
  { name: 'force confidential without registration', spec: auth({ forceConfidentialRedirectUris: ['https://x'] }), errors: [{ rule: 'cel-force-confidential-requires-registration', messageId: 'failed', field: 'spec.authServerConfig', value: '"object"' }] },
  { name: 'delegate client without secret', spec: auth({ delegateClients: [delegate(), delegate({ name: 's', key: '' }), delegate({ name: '', key: 'k' })] }), errors: [1, 2].map((i) => ({ rule: 'cel-delegate-client-secret-ref', messageId: 'failed', field: `spec.authServerConfig.delegateClients[${i}]`, value: '"object"' })) },
  { name: 'auth redis with neither addr nor sentinel', spec: redisStorage({ addr: '' }), errors: [{ rule: 'cel-authserver-redis-addr-xor-sentinel', messageId: 'failed', field: 'spec.authServerConfig.storage.redis', value: '"object"' }] },
  { name: 'auth redis cluster with sentinel', spec: redisStorage({ clusterMode: true, sentinelConfig: { masterName: 'm' } }), errors: [{ rule: 'cel-authserver-redis-cluster-requires-addr', messageId: 'failed', field: 'spec.authServerConfig.storage.redis', value: '"object"' }] },
  { name: 'wildcard with other delegates', spec: issuer({ expectedAudience: 'a', allowedDelegateClients: ['*', 'c'] }), errors: [{ rule: 'cel-delegate-wildcard-alone', messageId: 'failed', field: TI, value: '"object"' }] },
  { name: 'may act with wildcard', spec: issuer({ expectedAudience: 'a', allowMayAct: true, allowedDelegateClients: ['*'] }), errors: [{ rule: 'cel-may-act-not-with-wildcard', messageId: 'failed', field: TI, value: '"object"' }] },
  { name: 'may act without delegates (evaluation error, as cel-go reports a missing key)', spec: issuer({ expectedAudience: 'a', allowMayAct: true }), errors: [
    { rule: 'cel-may-act-not-with-wildcard', messageId: 'evaluation', field: TI, value: '"object"', has: `no such key: allowedDelegateClients evaluating rule: ` },
    { rule: 'cel-allowed-delegate-clients-required', messageId: 'failed', field: TI, value: '"object"' },
  ] },
  { name: 'reserved actor claim', spec: issuer({ expectedAudience: 'a', allowedDelegateClients: ['c'], actorClaim: 'may_act' }), errors: [{ rule: 'cel-actor-claim-not-reserved', messageId: 'failed', field: TI, value: '"object"' }] },
  { name: 'private IPs without jwksUrl', spec: issuer({ expectedAudience: 'a', allowedDelegateClients: ['c'], allowPrivateIPs: true, jwksUrl: '' }), errors: [{ rule: 'cel-private-ips-require-jwks-url', messageId: 'failed', field: TI, value: '"object"' }] },
  { name: 'issuer without audience', spec: issuer({}), errors: [{ rule: 'cel-expected-audience-required', messageId: 'failed', field: TI, value: '"object"' }] },
  { name: 'audience without delegates', spec: issuer({ expectedAudience: 'a' }), errors: [{ rule: 'cel-allowed-delegate-clients-required', messageId: 'failed', field: TI, value: '"object"' }] },
  { name: 'zero max assertion age', spec: grant({ maxAssertionAge: '0s' }), errors: [{ rule: 'cel-max-assertion-age-positive', messageId: 'failed', field: `${TI}.jwtBearerGrant`, value: '"object"' }] },
  { name: 'negative max assertion age', spec: grant({ maxAssertionAge: '-1m' }), errors: [{ rule: 'cel-max-assertion-age-positive', messageId: 'failed', field: `${TI}.jwtBearerGrant`, value: '"object"' }] },
  { name: 'max assertion age in days (not Go)', spec: grant({ maxAssertionAge: '1d' }), errors: [{ rule: 'cel-max-assertion-age-positive', messageId: 'evaluation', field: `${TI}.jwtBearerGrant`, value: '"object"', has: `type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: ` }] },
  { name: 'duplicate subject bindings', spec: grant({ subjectBindings: [binding('a'), binding('b'), binding('a')] }), errors: [{ rule: 'cel-subject-bindings-unique', messageId: 'failed', field: `${TI}.jwtBearerGrant`, value: '"object"' }] },
  { name: 'oidc provider with oauth2 config', spec: provider({ type: 'oidc', oidcConfig: { issuerUrl: 'https://idp.example', clientId: 'c' }, oauth2Config: oauth2({ clientId: 'c' }) }), errors: [{ rule: 'cel-upstream-provider-config-matches-type', messageId: 'failed', field: 'spec.authServerConfig.upstreamProviders[0]', value: '"object"' }] },
  { name: 'oauth2 with neither client id nor dcr', spec: provider({ type: 'oauth2', oauth2Config: oauth2({ clientId: '' }) }), errors: [{ rule: 'cel-oauth2-client-id-xor-dcr', messageId: 'failed', field: OA, value: '"object"' }] },
  { name: 'oauth2 dcr with secret', spec: provider({ type: 'oauth2', oauth2Config: oauth2({ dcrConfig: { registrationEndpoint: 'https://idp.example/register' }, clientSecretRef: { name: 'n', key: 'k' } }) }), errors: [{ rule: 'cel-oauth2-no-secret-with-dcr', messageId: 'failed', field: OA, value: '"object"' }] },
  { name: 'dcr with both endpoints', spec: provider({ type: 'oauth2', oauth2Config: oauth2({ dcrConfig: { discoveryUrl: 'https://idp.example/discovery', registrationEndpoint: 'https://idp.example/register' } }) }), errors: [{ rule: 'cel-dcr-discovery-xor-registration', messageId: 'failed', field: `${OA}.dcrConfig`, value: '"object"' }] },
  { name: 'circuit breaker 500ms', spec: cb('500ms'), errors: [{ rule: 'cel-circuit-breaker-timeout-min', messageId: 'failed', field: 'spec.config.operational.failureHandling.circuitBreaker.timeout', value: '"string"' }] },
  { name: 'circuit breaker not a duration', spec: cb('soon'), schema: [timeoutPattern('"soon"')], errors: [{ rule: 'cel-circuit-breaker-timeout-min', messageId: 'evaluation', field: 'spec.config.operational.failureHandling.circuitBreaker.timeout', value: '"string"', has: "type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: " }] },
  { name: 'embedding headers with tei', spec: config({ optimizer: { embeddingProvider: 'tei', embeddingHeaders: { 'X-A': 'b' } } }), errors: [{ rule: 'cel-embedding-headers-require-openai', messageId: 'failed', field: 'spec.config.optimizer', value: '"object"' }] },
  ...[{ 'Content-TYPE': 'x' }, { AUTHORIZATION: 'x' }, { 'bad header': 'x' }, { 'x(y)': 'x' }].map((h) => ({ name: `embedding header ${Object.keys(h)[0]}`, spec: config({ optimizer: { embeddingProvider: 'openai', embeddingHeaders: h } }), errors: [{ rule: 'cel-embedding-header-names-valid', messageId: 'failed', field: 'spec.config.optimizer', value: '"object"' }] })),
  { name: 'empty rate limiting', spec: rl({}), errors: [{ rule: 'cel-ratelimit-not-empty', messageId: 'failed', field: 'spec.config.rateLimiting', value: '"object"' }] },
  { name: 'rate limiting with empty tools', spec: rl({ tools: [] }), errors: [{ rule: 'cel-ratelimit-not-empty', messageId: 'failed', field: 'spec.config.rateLimiting', value: '"object"' }] },
  { name: 'tool without bucket', spec: rl({ tools: [{ name: 'a', shared: bucket }, { name: 'b' }] }), errors: [{ rule: 'cel-ratelimit-tool-not-empty', messageId: 'failed', field: 'spec.config.rateLimiting.tools[1]', value: '"object"' }] },
  { name: 'oidc without ref', spec: { ...baseSpec(), incomingAuth: { type: 'oidc' } }, errors: [{ rule: 'cel-oidc-requires-config-ref', messageId: 'failed', field: 'spec.incomingAuth', value: '"object"' }] },
  { name: 'authz config and ref', spec: { ...baseSpec(), incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'c' } }, authzConfigRef: { name: 'a' } } }, errors: [{ rule: 'cel-authz-config-exclusive', messageId: 'failed', field: 'spec.incomingAuth', value: '"object"' }] },
  { name: 'authz configMap type without configMap', spec: authz({ type: 'configMap' }), errors: [{ rule: 'cel-authz-configmap-matches-type', messageId: 'failed', field: 'spec.incomingAuth.authzConfig', value: '"object"' }] },
  { name: 'authz inline type with configMap', spec: authz({ type: 'inline', inline: { policies: ['p'] }, configMap: { name: 'c' } }), errors: [{ rule: 'cel-authz-configmap-matches-type', messageId: 'failed', field: 'spec.incomingAuth.authzConfig', value: '"object"' }] },
  { name: 'authz inline type without inline', spec: authz({ type: 'inline' }), errors: [{ rule: 'cel-authz-inline-matches-type', messageId: 'failed', field: 'spec.incomingAuth.authzConfig', value: '"object"' }] },
  { name: 'redis without address', spec: { ...baseSpec(), sessionStorage: { provider: 'redis' } }, errors: [{ rule: 'cel-session-storage-requires-address', messageId: 'failed', field: 'spec.sessionStorage', value: '"object"' }] },
];

/** Each known CRD rule's own message, from the CRD (the one copy of the text a `failed` finding carries). */
function crdMessages(node: SchemaNode, path: string, out: Map<string, string>): Map<string, string> {
  for (const v of node['x-kubernetes-validations'] ?? []) if (v.message !== undefined) out.set(celRuleId(path, v.rule), v.message);
  for (const [k, child] of Object.entries(node.properties ?? {})) crdMessages(child, path === '' ? k : `${path}.${k}`, out);
  if (typeof node.additionalProperties === 'object') crdMessages(node.additionalProperties, `${path}{*}`, out);
  if (node.items !== undefined) crdMessages(node.items, `${path}[*]`, out);
  return out;
}
const crdMessage = crdMessages(schema, '', new Map());

const summarize = (f: Finding, like: Expect | undefined): Expect => {
  const out: Expect = { rule: f.rule, messageId: f.messageId, field: f.field ?? '<nil>' };
  if (f.value !== undefined) out.value = f.value;
  if (like?.has !== undefined) out.has = f.detail.includes(like.has) ? like.has : f.detail;
  return out;
};
const summary = (findings: readonly Finding[], expected: readonly Expect[] = []): Expect[] => findings.map((f, i) => summarize(f, expected[i]));

void test('valid specs pass every CRD rule', () => {
  for (const [name, spec] of valid) assert.deepEqual(summary(evaluateCelRules(vmcp(spec), schema)), [], name);
});

void test('invalid specs fail with rule id, message id, field and value; a failed rule carries its CRD message', () => {
  for (const c of invalid) {
    const found = evaluateCelRules(vmcp(c.spec), schema);
    assert.deepEqual(summary(found, c.errors), c.errors, c.name);
    for (const f of found) if (f.messageId === 'failed') assert.equal(f.detail, crdMessage.get(f.rule), `${c.name}: ${f.rule}`);
  }
});

void test('end to end (crd mode, built-in schemas, defaults applied): the same findings and nothing else', async () => {
  const schemas = await loadBuiltinSchemas();
  const found = (spec: Spec, expected: readonly Expect[] = []): Expect[] => summary(validateObject(vmcp(spec), { mode: 'crd', schemas }).findings, expected);
  for (const [name, spec, schemaFindings] of valid) assert.deepEqual(found(spec, schemaFindings), schemaFindings ?? [], name);
  for (const c of invalid) {
    const expected = [...(c.schema ?? []), ...c.errors];
    assert.deepEqual(found(c.spec, expected), expected, c.name);
  }
});

void test('every one of the 32 CRD rules has a failing case in this table', () => {
  const covered = new Set(invalid.flatMap((c) => c.errors.map((e) => e.rule)));
  const missing = celRuleLocations.map((l) => l.id).filter((id) => !covered.has(id));
  assert.equal(celRuleLocations.length, 32);
  assert.deepEqual(missing, []);
});
