// The operator's conversion (upstream-behaviour §c.1) on already-defaulted specs, value by value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structFields } from '../../src/render/config-fields.js';
import { buildConfigModel } from '../../src/render/config-model.js';
import { ensureOperationalDefaults } from '../../src/render/model-operational.js';
import { ObjectIndex } from '../../src/render/refs.js';
import { issueFinding } from '../../src/render/render.js';

const vmcp = (spec: Record<string, unknown>, name = 'v'): Record<string, unknown> => ({
  apiVersion: 'toolhive.stacklok.dev/v1beta1',
  kind: 'VirtualMCPServer',
  metadata: { name, namespace: 'ns' },
  spec: { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' }, ...spec },
});
const oidcConfig = (spec: Record<string, unknown>): Record<string, unknown> => ({ kind: 'MCPOIDCConfig', metadata: { name: 'idp', namespace: 'ns' }, spec });
const model = (v: Record<string, unknown>, others: unknown[] = []): ReturnType<typeof buildConfigModel> => buildConfigModel(v, new ObjectIndex([v, ...others]));

void test('name and groupRef always come from metadata.name and spec.groupRef, not spec.config', () => {
  const { config } = model(vmcp({ config: { name: 'other', groupRef: 'other' } }));
  assert.equal(config.name, 'v');
  assert.equal(config.groupRef, 'g');
});

void test('the model has exactly the config.Config fields, in Go order, whatever spec.config holds', () => {
  const fields = structFields['config.Config']!.map(([key]) => key);
  const full = { backends: [{ name: 'b' }], compositeToolRefs: [{ name: 't' }], metadata: { a: 'b' }, optimizer: {}, codeMode: {}, rateLimiting: {}, passthroughHeaders: ['X-A'] };
  for (const config of [{}, full]) assert.deepEqual(Object.keys(model(vmcp({ config })).config), fields);
  const { config } = model(vmcp({ config: full }));
  for (const key of ['backends', 'compositeToolRefs', 'metadata', 'optimizer', 'codeMode', 'rateLimiting', 'passthroughHeaders'] as const) assert.equal(config[key], full[key], key);
});

void test('audit: every audit.Config field is kept, component defaults to the server name', () => {
  const audit = { enabled: true, eventTypes: ['a'], excludeEventTypes: ['b'], includeRequestData: true, includeResponseData: true, detectApplicationErrors: false, maxDataSize: 9, maxDelegationDepth: 2, logFile: '/l' };
  const fields = structFields['audit.Config']!.map(([key]) => key);
  const rendered = model(vmcp({ config: { audit } })).config.audit as Record<string, unknown>;
  assert.deepEqual(Object.keys(rendered), fields);
  assert.deepEqual(rendered, { ...audit, component: 'v' });
  assert.equal((model(vmcp({ config: { audit: { component: 'c' } } })).config.audit as Record<string, unknown>).component, 'c');
  assert.equal(model(vmcp({ config: {} })).config.audit, undefined);
});

void test('spec.passthroughHeaders wins over spec.config.passthroughHeaders unless empty', () => {
  const config = { passthroughHeaders: ['X-Config'] };
  assert.deepEqual(model(vmcp({ passthroughHeaders: ['X-Spec'], config })).config.passthroughHeaders, ['X-Spec']);
  assert.deepEqual(model(vmcp({ passthroughHeaders: [], config })).config.passthroughHeaders, ['X-Config']);
});

void test('operational defaults fill only zero fields, recursing into present objects; no healthCheckTimeout', () => {
  const merged = ensureOperationalDefaults({ failureHandling: { unhealthyThreshold: 7, circuitBreaker: { enabled: true } } });
  assert.deepEqual(merged, {
    timeouts: { default: '30s' },
    failureHandling: { unhealthyThreshold: 7, circuitBreaker: { enabled: true, failureThreshold: 5, timeout: '60s' }, healthCheckInterval: '30s', statusReportingInterval: '30s', partialFailureMode: 'fail' },
  });
  assert.equal('healthCheckTimeout' in (merged.failureHandling as object), false);
  assert.equal('logLevel' in merged, false);
});

void test('kubernetesServiceAccount with useClusterAuth false gets neither the CA path nor private IPs', () => {
  const v = vmcp({ incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'a' } } });
  const { config, issues } = model(v, [oidcConfig({ type: 'kubernetesServiceAccount', kubernetesServiceAccount: { useClusterAuth: false, issuer: 'https://k' } })]);
  assert.deepEqual(issues, []);
  const oidc = (config.incomingAuth as { oidc: Record<string, unknown> }).oidc;
  assert.equal(oidc.issuer, 'https://k');
  assert.equal(oidc.caBundlePath, undefined);
  assert.equal(oidc.jwksAllowPrivateIp, undefined);
  assert.equal(oidc.resource, 'http://v.ns.svc.cluster.local:4483');
});

void test('inline OIDC: CA bundle key, private-IP flags, no client secret env without a secret ref', () => {
  const v = vmcp({ incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'a', resourceUrl: 'https://r' } } });
  const inline = { issuer: 'https://i', caBundleRef: { configMapRef: { name: 'ca', key: 'bundle.pem' } }, protectedResourceAllowPrivateIP: true, insecureAllowHTTP: true };
  const oidc = (model(v, [oidcConfig({ type: 'inline', inline })]).config.incomingAuth as { oidc: Record<string, unknown> }).oidc;
  assert.equal(oidc.caBundlePath, '/config/certs/ca/bundle.pem');
  assert.equal(oidc.protectedResourceAllowPrivateIp, true);
  assert.equal(oidc.insecureAllowHttp, true);
  assert.equal(oidc.clientSecretEnv, undefined);
  assert.equal(oidc.resource, 'https://r');
});

void test('aggregation: absent -> prefix default; priority without config -> {}; empty tools list dropped', () => {
  assert.deepEqual(model(vmcp({})).config.aggregation, { conflictResolution: 'prefix', conflictResolutionConfig: { prefixFormat: '{workload}_' } });
  const agg = model(vmcp({ config: { aggregation: { conflictResolution: 'priority', tools: [] } } })).config.aggregation as Record<string, unknown>;
  assert.deepEqual(agg.conflictResolutionConfig, {});
  assert.equal(agg.tools, undefined);
});

void test('outgoingAuth: discovered default and backends become unauthenticated', () => {
  const out = model(vmcp({ outgoingAuth: { source: 'discovered', default: { type: 'discovered' }, backends: { b: { type: 'discovered' } } } })).config.outgoingAuth;
  assert.deepEqual(out, { source: 'discovered', default: { type: 'unauthenticated' }, backends: { b: { type: 'unauthenticated' } } });
});

void test('MCPAuthzConfig of another type is refused with the operator message', () => {
  const v = vmcp({ incomingAuth: { type: 'anonymous', authzConfigRef: { name: 'z' } } });
  const { issues } = model(v, [{ kind: 'MCPAuthzConfig', metadata: { name: 'z', namespace: 'ns' }, spec: { type: 'httpv1', config: {} } }]);
  assert.deepEqual(issues.map((i) => issueFinding(i).detail), ['MCPAuthzConfig type "httpv1" is not yet supported for VirtualMCPServer; only cedarv1 is supported']);
});

void test('sessionStorage memory is not written; the password reference never is', () => {
  assert.equal(model(vmcp({ sessionStorage: { provider: 'memory' } })).config.sessionStorage, undefined);
  const s = model(vmcp({ sessionStorage: { provider: 'redis', address: 'r:1', passwordRef: { name: 'p', key: 'k' } } })).config.sessionStorage;
  assert.deepEqual(s, { provider: 'redis', address: 'r:1', db: undefined, keyPrefix: undefined });
});

void test('an unauthenticated MCPExternalAuthConfig converts; other types are refused with the reason', () => {
  const ext = (name: string, type: string): Record<string, unknown> => ({ kind: 'MCPExternalAuthConfig', metadata: { name, namespace: 'ns' }, spec: { type } });
  const ref = (name: string): Record<string, unknown> => ({ type: 'externalAuthConfigRef', externalAuthConfigRef: { name } });
  const { config, issues } = model(vmcp({ outgoingAuth: { source: 'discovered', backends: { a: ref('none'), b: ref('hdr') } } }), [ext('none', 'unauthenticated'), ext('hdr', 'headerInjection')]);
  assert.deepEqual((config.outgoingAuth as { backends: Record<string, unknown> }).backends.a, { type: 'unauthenticated' });
  assert.deepEqual(issues.map((i) => [i.path.join('.'), i.type]), [['spec.outgoingAuth.backends.b.externalAuthConfigRef', 'Forbidden']]);
});

void test('an MCPAuthzConfig whose status says Valid=False is refused; without status it is used', () => {
  const authz = (status?: unknown): Record<string, unknown> => ({ kind: 'MCPAuthzConfig', metadata: { name: 'z', namespace: 'ns' }, spec: { type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } }, ...(status === undefined ? {} : { status }) });
  const v = vmcp({ incomingAuth: { type: 'anonymous', authzConfigRef: { name: 'z' } } });
  assert.deepEqual((model(v, [authz()]).config.incomingAuth as { authz: Record<string, unknown> }).authz.policies, ['permit(principal, action, resource);']);
  const refused = model(v, [authz({ conditions: [{ type: 'Valid', status: 'False' }] })]);
  assert.match(issueFinding(refused.issues[0]!).detail, /MCPAuthzConfig ns\/z is not Valid/);
});

void test('map keys named like Object.prototype members are data: a __proto__ backend and a toString override are kept', () => {
  const backends = JSON.parse('{"__proto__": {"type": "discovered"}, "b": {"type": "discovered"}}') as Record<string, unknown>;
  const out = model(vmcp({ outgoingAuth: { source: 'discovered', backends } })).config.outgoingAuth as { backends: Record<string, unknown> };
  assert.deepEqual(Object.keys(out.backends), ['__proto__', 'b']);
  assert.equal(Object.getPrototypeOf(out.backends), Object.prototype);
  const toolConfig = { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPToolConfig', metadata: { name: 'tc', namespace: 'ns' }, spec: { toolsOverride: { toString: { name: 'renamed' } } } };
  const agg = model(vmcp({ config: { aggregation: { tools: [{ workload: 'w', toolConfigRef: { name: 'tc' } }] } } }), [toolConfig]).config.aggregation as { tools: { overrides?: Record<string, unknown> }[] };
  assert.deepEqual(Object.keys(agg.tools[0]!.overrides ?? {}), ['toString']);
});
