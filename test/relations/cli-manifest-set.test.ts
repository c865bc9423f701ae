// `validate --refs` over manifest sets: a kustomize-style directory (group, workloads, OIDC config,
// VirtualMCPServer), every reference kind present and missing, tool names right and wrong under each
// aggregation setting, related objects judged against their own vendored CRDs, stdin, defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { run } from '../../src/cli/run.js';
import { recordingIo, scratch } from '../cli/helpers.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const TH = 'toolhive.stacklok.dev/v1beta1';
type Obj = Record<string, unknown>;

interface JsonFinding {
  rule: string;
  severity: string;
  field: string;
  message: string;
  detail: string;
  line: number;
  column: number;
}
interface JsonDoc {
  kind: string;
  name: string;
  verdict: string;
  errors: JsonFinding[];
  warnings: JsonFinding[];
}

async function validate(args: string[], cwd = fixtures, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo(cwd, stdin);
  const code = await run(['validate', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function json(args: string[], cwd = fixtures, stdin = ''): Promise<{ code: number; docs: JsonDoc[] }> {
  const r = await validate([...args, '-o', 'json'], cwd, stdin);
  assert.equal(r.err, '', r.err);
  return { code: r.code, docs: (JSON.parse(r.out) as { documents: JsonDoc[] }).documents };
}

const findingsOf = (docs: JsonDoc[], kind = 'VirtualMCPServer'): JsonFinding[] => docs.filter((d) => d.kind === kind).flatMap((d) => [...d.errors, ...d.warnings]);
const relational = (docs: JsonDoc[]): JsonFinding[] => findingsOf(docs).filter((f) => /^(ref-|ratelimit-tool-unmatched)/.test(f.rule));

const obj = (kind: string, name: string, spec: Obj, namespace = 'team-a', apiVersion = TH): Obj => ({ apiVersion, kind, metadata: { name, namespace }, spec });
const group = (name = 'team-tools'): Obj => obj('MCPGroup', name, { description: 'd' });
const server = (name: string, g = 'team-tools'): Obj => obj('MCPServer', name, { image: 'ghcr.io/x/y:1', groupRef: { name: g } });
const remote = (name: string, g = 'team-tools'): Obj => obj('MCPRemoteProxy', name, { remoteUrl: 'https://r.example.com/mcp', groupRef: { name: g } });
const vmcp = (spec: Obj, name = 'gw'): Obj => obj('VirtualMCPServer', name, { groupRef: { name: 'team-tools' }, ...spec });
const limited = (names: string[], config: Obj = {}, spec: Obj = {}): Obj =>
  vmcp({
    incomingAuth: { type: 'anonymous' },
    sessionStorage: { provider: 'redis', address: 'redis:6379' },
    config: { ...config, rateLimiting: { shared: { maxTokens: 100, refillPeriod: '1m' }, tools: names.map((name) => ({ name, shared: { maxTokens: 5, refillPeriod: '1m' } })) } },
    ...spec,
  });

/** Runs `--refs warn` over a directory holding these documents (one file each, like a kustomize base). */
async function inDir(objects: Obj[], extra: string[] = []): Promise<{ code: number; docs: JsonDoc[] }> {
  const files = Object.fromEntries(objects.map((o, i) => [`base/${i}-${String(o.kind).toLowerCase()}.yaml`, stringify(o)]));
  const { dir, cleanup } = scratch({ ...files, 'base/kustomization.yaml': 'resources: []\n' });
  try {
    return await json(['--refs', 'warn', ...extra, 'base'], dir);
  } finally {
    cleanup();
  }
}

/** The rate-limit tool names reported unmatched. */
async function unmatched(objects: Obj[]): Promise<string[]> {
  const { docs } = await inDir(objects);
  return findingsOf(docs)
    .filter((f) => f.rule === 'ratelimit-tool-unmatched')
    .map((f) => /"([^"]+)"/.exec(f.message)![1]!);
}

void test('the kustomize-style fixture: one tool name no call carries, with the name that would, at its line:column', async () => {
  const { code, out } = await validate(['--refs', 'warn', 'deploy']);
  assert.equal(code, 0);
  assert.equal(
    out,
    [
      'deploy/vmcp.yaml:27:17: warning: spec.config.rateLimiting.tools[1].name: Invalid value: "create_issue": no call is ever keyed by "create_issue": vMCP names the tools of MCPGroup team-tools "{workload}_<tool>" per workload (fetch, github) and no composite tool has this name, so this bucket never applies; did you mean "fetch_create_issue" or "github_create_issue"? [ratelimit-tool-unmatched]',
      '6 documents: 5 allowed, 0 denied, 1 skipped, 0 unreadable; 0 errors, 1 warning',
      '',
    ].join('\n'),
  );
});

void test('default: relations off for plain files, related kinds skipped as before', async () => {
  const { code, docs } = await json(['deploy']);
  assert.equal(code, 0);
  assert.deepEqual(relational(docs), []);
  assert.deepEqual(docs.map((d) => [d.kind, d.verdict]).filter(([, v]) => v !== 'skipped'), [['VirtualMCPServer', 'allowed']]);
});

void test('--refs deny turns relation findings into errors (exit 1); --refs off skips them; a bad value is a usage error', async () => {
  const deny = await json(['--refs', 'deny', 'deploy']);
  assert.equal(deny.code, 1);
  const errors = deny.docs.find((d) => d.kind === 'VirtualMCPServer')!.errors;
  assert.deepEqual(errors.map((f) => [f.rule, f.severity, f.field, f.line, f.column]), [['ratelimit-tool-unmatched', 'error', 'spec.config.rateLimiting.tools[1].name', 27, 17]]);
  const off = await json(['--refs', 'off', 'deploy']);
  assert.equal(off.code, 0);
  assert.deepEqual(relational(off.docs), []);
  const bad = await validate(['--refs', 'maybe', 'deploy']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown --refs "maybe": allowed values are warn, deny, off/);
  const ctx = await validate(['--context', 'x', 'deploy']);
  assert.equal(ctx.code, 2);
  assert.match(ctx.err, /--context needs --kubeconfig/);
});

void test('kubectl kustomize ... | validate --refs warn - : the same findings from standard input', async () => {
  const { readFileSync } = await import('node:fs');
  const stream = ['group.yaml', 'workloads.yaml', 'oidc.yaml', 'vmcp.yaml'].map((f) => readFileSync(`${fixtures}deploy/${f}`, 'utf8')).join('---\n');
  const { docs } = await json(['--refs', 'warn', '-'], fixtures, stream);
  assert.deepEqual(relational(docs).map((f) => [f.rule, f.field]), [['ratelimit-tool-unmatched', 'spec.config.rateLimiting.tools[1].name']]);
});

// Every reference kind (RELATIONS.md a.2 rows 1-12): present -> nothing; missing -> ref-missing at its name field.
const everyRef = vmcp({
  incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'sso', audience: 'a' }, authzConfigRef: { name: 'authz' } },
  outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'ext-default' } }, backends: { github: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'ext-github' } } } },
  telemetryConfigRef: { name: 'otel' },
  embeddingServerRef: { name: 'embed' },
  sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: { name: 'redis-pw', key: 'password' } },
  config: { compositeToolRefs: [{ name: 'wf-a' }, { name: 'wf-b' }], aggregation: { tools: [{ workload: 'github', toolConfigRef: { name: 'gh-tools' } }] } },
});
const withConfigMap = vmcp({ incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'authz-policy' } } } }, 'gw-cm');
const withDelegates = vmcp({ authServerConfig: { issuer: 'https://auth.example.com', delegateClients: [{ clientId: 'svc-a', clientSecretRef: { name: 'svc-a-secret', key: 'secret' } }] } }, 'gw-as');
const core = (kind: string, name: string): Obj => ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'team-a' } });
const targets: Obj[] = [
  group(),
  server('github'),
  obj('MCPOIDCConfig', 'sso', { type: 'inline', inline: { issuer: 'https://sso.example.com' } }),
  obj('MCPAuthzConfig', 'authz', { type: 'cedarv1' }),
  obj('MCPExternalAuthConfig', 'ext-default', {}),
  obj('MCPExternalAuthConfig', 'ext-github', {}),
  obj('MCPTelemetryConfig', 'otel', {}),
  obj('EmbeddingServer', 'embed', {}),
  obj('VirtualMCPCompositeToolDefinition', 'wf-a', { name: 'wf_a', steps: [] }),
  obj('VirtualMCPCompositeToolDefinition', 'wf-b', { name: 'wf_b', steps: [] }),
  obj('MCPToolConfig', 'gh-tools', {}),
  core('Secret', 'redis-pw'),
  { ...core('ConfigMap', 'authz-policy'), data: { 'authz.json': '{"version":"1.0","type":"cedarv1","cedar":{"policies":["permit(principal, action, resource);"],"entities_json":"[]"}}' } },
  core('Secret', 'svc-a-secret'),
];

void test('every reference kind present: no ref-missing', async () => {
  const { docs } = await inDir([everyRef, withConfigMap, withDelegates, ...targets]);
  assert.deepEqual(findingsOf(docs).filter((f) => f.rule === 'ref-missing'), []);
});

void test('every reference kind missing: ref-missing at the name field, naming kind, namespace/name and the operator condition', async () => {
  const { docs } = await inDir([everyRef, withConfigMap, withDelegates]);
  const missing = findingsOf(docs).filter((f) => f.rule === 'ref-missing');
  assert.deepEqual(missing.map((f) => f.field), [
    'spec.groupRef.name',
    'spec.config.compositeToolRefs[0].name',
    'spec.config.compositeToolRefs[1].name',
    'spec.embeddingServerRef.name',
    'spec.incomingAuth.oidcConfigRef.name',
    'spec.incomingAuth.authzConfigRef.name',
    'spec.telemetryConfigRef.name',
    'spec.sessionStorage.passwordRef.name',
    'spec.config.aggregation.tools[0].toolConfigRef.name',
    'spec.outgoingAuth.default.externalAuthConfigRef.name',
    'spec.outgoingAuth.backends.github.externalAuthConfigRef.name',
    'spec.groupRef.name',
    'spec.incomingAuth.authzConfig.configMap.name',
    'spec.groupRef.name',
    'spec.authServerConfig.delegateClients[0].clientSecretRef.name',
  ]);
  const at = (field: string): string => missing.find((f) => f.field === field)!.message;
  assert.equal(at('spec.groupRef.name'), 'spec.groupRef.name: Not found: "team-tools": MCPGroup team-a/team-tools not found: the operator sets phase Failed, condition GroupRefValidated=False (GroupRefNotFound: "Referenced MCPGroup team-tools not found") and deploys nothing until it exists');
  assert.match(at('spec.incomingAuth.oidcConfigRef.name'), /MCPOIDCConfig team-a\/sso not found: .*OIDCConfigRefValidated=False \(OIDCConfigRefNotFound: "MCPOIDCConfig sso not found"\)/);
  assert.match(at('spec.config.compositeToolRefs[1].name'), /VirtualMCPCompositeToolDefinition team-a\/wf-b not found: .*CompositeToolRefNotFound/);
  assert.match(at('spec.authServerConfig.delegateClients[0].clientSecretRef.name'), /failed to get delegate client \\?"svc-a\\?" secret team-a\/svc-a-secret/);
  assert.ok(missing.every((f) => f.severity === 'warning' && f.line > 0 && f.column > 0));
});

void test('only the same namespace and the named kind satisfy a reference; refs the operator never reads are not checked', async () => {
  const elsewhere = { ...group(), metadata: { name: 'team-tools', namespace: 'team-b' } };
  const wrongKind = core('ConfigMap', 'team-tools');
  const ignored = vmcp({ outgoingAuth: { source: 'discovered', default: { type: 'discovered', externalAuthConfigRef: { name: 'nope' } } }, sessionStorage: { provider: 'memory', passwordRef: { name: 'nope', key: 'k' } } });
  const { docs } = await inDir([ignored, elsewhere, wrongKind]);
  assert.deepEqual(findingsOf(docs).filter((f) => f.rule === 'ref-missing').map((f) => f.field), ['spec.groupRef.name']);
  // A VirtualMCPServer without metadata.namespace (the kubectl context decides): any namespace may hold the target.
  const noNs = { ...vmcp({}), metadata: { name: 'gw' } };
  const r = await inDir([noNs, elsewhere]);
  assert.deepEqual(findingsOf(r.docs).filter((f) => f.rule === 'ref-missing'), []);
});

void test('tool names under prefix: default {workload}_, a custom format, a static prefix, composite names', async () => {
  const members = [group(), server('github'), remote('fetch')];
  assert.deepEqual(await unmatched([limited(['github_create_issue', 'fetch_fetch', 'create_issue', 'githb_create_issue']), ...members]), ['create_issue', 'githb_create_issue']);
  const dotted = { conflictResolution: 'prefix', conflictResolutionConfig: { prefixFormat: '{workload}.' } };
  assert.deepEqual(await unmatched([limited(['github.create_issue', 'github_create_issue'], { aggregation: dotted }), ...members]), ['github_create_issue']);
  const fixed = { conflictResolutionConfig: { prefixFormat: 'mcp_' } };
  assert.deepEqual(await unmatched([limited(['mcp_create_issue', 'github_create_issue'], { aggregation: fixed }), ...members]), ['github_create_issue']);
  const composite = { compositeTools: [{ name: 'triage', steps: [{ id: 's', tool: 'github.create_issue' }] }] };
  assert.deepEqual(await unmatched([limited(['triage', 'github_triage', 'triag'], composite), ...members]), ['triag']);
});

void test('the suggestion names the renamed, prefixed or near name that can match', async () => {
  const members = [group(), server('github'), remote('fetch')];
  const { docs } = await inDir([limited(['githb_create_issue']), ...members]);
  assert.match(findingsOf(docs)[0]!.message, /did you mean "github_create_issue"\?$/);
  const renamed = { aggregation: { tools: [{ workload: 'github', overrides: { create_issue: { name: 'new_issue' } } }] } };
  const r = await inDir([limited(['github_create_issue'], renamed), ...members]);
  assert.match(findingsOf(r.docs).find((f) => f.rule === 'ratelimit-tool-unmatched')!.message, /workload github renames its tool "create_issue" to "new_issue" .*did you mean "github_new_issue"\?$/);
});

void test('overrides, filters, exclusions and default visibility decide which prefixed names exist', async () => {
  const members = [group(), server('github'), remote('fetch')];
  const tools = (entries: Obj[], more: Obj = {}): Obj => ({ aggregation: { tools: entries, ...more } });
  const renamed = tools([{ workload: 'github', overrides: { create_issue: { name: 'open_issue' }, list: { description: 'only a description' } } }]);
  assert.deepEqual(await unmatched([limited(['github_open_issue', 'github_create_issue', 'github_list'], renamed), ...members]), ['github_create_issue']);
  const filtered = tools([{ workload: 'github', filter: ['open_issue'], overrides: { create_issue: { name: 'open_issue' } } }]);
  assert.deepEqual(await unmatched([limited(['github_open_issue', 'github_search', 'fetch_search'], filtered), ...members]), ['github_search']);
  const excluded = tools([{ workload: 'fetch', excludeAll: true }]);
  assert.deepEqual(await unmatched([limited(['fetch_fetch', 'github_x'], excluded), ...members]), ['fetch_fetch']);
  const all = tools([], { excludeAllTools: true });
  assert.deepEqual(await unmatched([limited(['fetch_fetch', 'github_x'], { ...all, compositeTools: [{ name: 'wf', steps: [{ id: 's', tool: 'fetch.fetch' }] }] }), ...members]), ['fetch_fetch', 'github_x']);
  const deny = tools([{ workload: 'github' }], { defaultToolVisibility: 'deny' });
  assert.deepEqual(await unmatched([limited(['github_x', 'fetch_fetch'], deny), ...members]), ['fetch_fetch']);
});

void test('a toolConfigRef merges its MCPToolConfig: its filter when the inline one is empty, its overrides under inline ones', async () => {
  const members = [group(), server('github')];
  const ref = { aggregation: { tools: [{ workload: 'github', toolConfigRef: { name: 'gh' }, overrides: { a: { name: 'inline_a' } } }] } };
  const toolConfig = obj('MCPToolConfig', 'gh', { toolsFilter: ['inline_a', 'b_new'], toolsOverride: { a: { name: 'ref_a' }, b: { name: 'b_new' } } });
  assert.deepEqual(await unmatched([limited(['github_inline_a', 'github_b_new', 'github_ref_a', 'github_c'], ref), toolConfig, ...members]), ['github_ref_a', 'github_c']);
});

void test('undecidable: priority and manual strategies, static backends, an unresolved toolConfigRef or compositeToolRef, a missing group', async () => {
  const members = [group(), server('github')];
  const cases: Obj[] = [
    limited(['x'], { aggregation: { conflictResolution: 'priority', conflictResolutionConfig: { priorityOrder: ['github'] } } }),
    limited(['x'], { aggregation: { conflictResolution: 'manual', tools: [{ workload: 'github', overrides: { a: { name: 'b' } } }] } }),
    limited(['x'], { backends: [{ name: 'github', url: 'http://github:8080' }] }),
    limited(['x'], { aggregation: { tools: [{ workload: 'github', toolConfigRef: { name: 'absent' } }] } }),
    limited(['x'], { compositeToolRefs: [{ name: 'absent' }] }),
  ];
  for (const c of cases) assert.deepEqual(await unmatched([c, ...members]), [], JSON.stringify(c));
  assert.deepEqual(await unmatched([limited(['x'])]), []);
});

void test('ref-workload-unknown: workload names that are no member of the group, with the closest member', async () => {
  const members = [group(), server('github'), remote('fetch')];
  const v = limited(['github_a'], { aggregation: { tools: [{ workload: 'githb', filter: ['a'] }] } }, { outgoingAuth: { source: 'inline', backends: { gitlab: { type: 'discovered' } } } });
  const { docs } = await inDir([v, ...members]);
  const found = findingsOf(docs).filter((f) => f.rule === 'ref-workload-unknown');
  assert.deepEqual(found.map((f) => f.field), ['spec.config.aggregation.tools[0].workload', 'spec.outgoingAuth.backends.gitlab']);
  assert.match(found[0]!.message, /workload "githb" is not in MCPGroup team-tools \(workloads: fetch, github\): vMCP only logs .*; did you mean "github"\?$/);
});

void test('related objects of the inputs are judged against their own vendored CRDs (crd mode), not skipped', async () => {
  const bad = obj('MCPOIDCConfig', 'sso', { type: 'kubernetesServiceAccount' });
  const { code, docs } = await inDir([group(), bad]);
  assert.equal(code, 1);
  const oidc = docs.find((d) => d.kind === 'MCPOIDCConfig')!;
  assert.equal(oidc.verdict, 'denied');
  assert.match(oidc.errors.map((f) => f.message).join('\n'), /kubernetesServiceAccount must be set when type is 'kubernetesServiceAccount'/);
  assert.equal(docs.find((d) => d.kind === 'MCPGroup')!.verdict, 'allowed');
});

void test('transitive: an inline MCPOIDCConfig\'s clientSecretRef Secret, reported at the oidcConfigRef', async () => {
  const v = vmcp({ incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'sso', audience: 'a' } } });
  const oidc = obj('MCPOIDCConfig', 'sso', { type: 'inline', inline: { issuer: 'https://sso.example.com', clientId: 'c', clientSecretRef: { name: 'sso-client', key: 'secret' } } });
  const without = await inDir([v, group(), oidc]);
  const found = findingsOf(without.docs).filter((f) => f.rule === 'ref-missing');
  assert.deepEqual(found.map((f) => f.field), ['spec.incomingAuth.oidcConfigRef.name']);
  assert.match(found[0]!.message, /^spec\.incomingAuth\.oidcConfigRef\.name: Not found: "sso": Secret team-a\/sso-client \(clientSecretRef of MCPOIDCConfig sso\) not found: .*AuthConfigured=False/);
  const withSecret = await inDir([v, group(), oidc, core('Secret', 'sso-client')]);
  assert.deepEqual(findingsOf(withSecret.docs).filter((f) => f.rule === 'ref-missing'), []);
});

// RELATIONS.md a.2 rows 13-15: what only the pod consults. Redis ACL secrets count only with storage type redis.
const authServer = (storage: Obj): Obj => ({
  issuer: 'https://auth.example.com',
  signingKeySecretRefs: [{ name: 'signing', key: 'key.pem' }],
  hmacSecretRefs: [{ name: 'hmac', key: 'hmac' }],
  upstreamProviders: [
    { name: 'corp', type: 'oidc', oidcConfig: { issuerUrl: 'https://idp.example.com', clientId: 'c', clientSecretRef: { name: 'corp-client', key: 'secret' } } },
    {
      name: 'gh',
      type: 'oauth2',
      oauth2Config: { authorizationEndpoint: 'https://gh.example.com/authorize', tokenEndpoint: 'https://gh.example.com/token', clientId: 'c', clientSecretRef: { name: 'gh-client', key: 'secret' }, dcrConfig: { discoveryUrl: 'https://gh.example.com/.well-known/openid-configuration', initialAccessTokenRef: { name: 'gh-dcr', key: 'token' } } },
    },
  ],
  storage,
});
const redisStorage = { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: { usernameSecretRef: { name: 'redis-user', key: 'u' }, passwordSecretRef: { name: 'redis-pass', key: 'p' } }, tls: { caCertSecretRef: { name: 'redis-ca', key: 'ca.crt' } } } };
const podRefs = vmcp({ serviceAccount: 'vmcp-sa', imagePullSecrets: [{ name: 'regcred' }], authServerConfig: authServer(redisStorage) }, 'gw-pod');
const podSecrets = ['signing', 'hmac', 'corp-client', 'gh-client', 'gh-dcr', 'redis-user', 'redis-pass', 'redis-ca', 'regcred'];

void test('rows 13-15: authServerConfig Secrets, spec.serviceAccount, imagePullSecrets missing -> ref-missing saying what the pod does', async () => {
  const { docs } = await inDir([podRefs, group()]);
  const missing = findingsOf(docs).filter((f) => f.rule === 'ref-missing');
  assert.deepEqual(missing.map((f) => f.field), [
    'spec.authServerConfig.signingKeySecretRefs[0].name',
    'spec.authServerConfig.hmacSecretRefs[0].name',
    'spec.authServerConfig.upstreamProviders[0].oidcConfig.clientSecretRef.name',
    'spec.authServerConfig.upstreamProviders[1].oauth2Config.clientSecretRef.name',
    'spec.authServerConfig.upstreamProviders[1].oauth2Config.dcrConfig.initialAccessTokenRef.name',
    'spec.authServerConfig.storage.redis.aclUserConfig.usernameSecretRef.name',
    'spec.authServerConfig.storage.redis.aclUserConfig.passwordSecretRef.name',
    'spec.authServerConfig.storage.redis.tls.caCertSecretRef.name',
    'spec.serviceAccount',
    'spec.imagePullSecrets[0].name',
  ]);
  const at = (field: string): string => missing.find((f) => f.field === field)!.message;
  assert.match(at('spec.authServerConfig.signingKeySecretRefs[0].name'), /Not found: "signing": Secret team-a\/signing not found: .*Secret volume, so the pod never starts \(kubelet: FailedMount/);
  assert.match(at('spec.authServerConfig.upstreamProviders[1].oauth2Config.dcrConfig.initialAccessTokenRef.name'), /Secret team-a\/gh-dcr not found: .*secretKeyRef env var, so the container cannot start \(CreateContainerConfigError\)$/);
  assert.match(at('spec.serviceAccount'), /^spec\.serviceAccount: Not found: "vmcp-sa": ServiceAccount team-a\/vmcp-sa not found: .*the API server refuses the vMCP pods \(the ReplicaSet reports FailedCreate\)/);
  assert.match(at('spec.imagePullSecrets[0].name'), /Secret team-a\/regcred not found: the kubelet pulls the vMCP image without it .*only an image that needs this pull secret fails/);
  assert.ok(missing.every((f) => f.severity === 'warning' && f.line > 0));
  // All present: nothing.
  const present = await inDir([podRefs, group(), core('ServiceAccount', 'vmcp-sa'), ...podSecrets.map((n) => core('Secret', n))]);
  assert.deepEqual(findingsOf(present.docs).filter((f) => f.rule === 'ref-missing'), []);
});

void test('rows 13-15, not references: the default ServiceAccount, Redis ACL secrets under storage type memory; a sentinel CA is', async () => {
  const memory = { type: 'memory', redis: { addr: 'redis:6379', aclUserConfig: { passwordSecretRef: { name: 'redis-pass', key: 'p' } } } };
  const v = vmcp({ serviceAccount: 'default', authServerConfig: { ...authServer(memory), signingKeySecretRefs: [], hmacSecretRefs: [], upstreamProviders: [] } });
  const { docs } = await inDir([v, group()]);
  assert.deepEqual(findingsOf(docs).filter((f) => f.rule === 'ref-missing').map((f) => f.field), []);
  const sentinel = { type: 'redis', redis: { sentinelConfig: { masterName: 'm', sentinelAddrs: ['s:26379'] }, aclUserConfig: { passwordSecretRef: { name: 'redis-pass', key: 'p' } }, sentinelTls: { caCertSecretRef: { name: 'sentinel-ca', key: 'ca.crt' } } } };
  const s = await inDir([vmcp({ authServerConfig: { ...authServer(sentinel), signingKeySecretRefs: [], hmacSecretRefs: [], upstreamProviders: [] } }), group(), core('Secret', 'redis-pass')]);
  assert.deepEqual(findingsOf(s.docs).filter((f) => f.rule === 'ref-missing').map((f) => f.field), ['spec.authServerConfig.storage.redis.sentinelTls.caCertSecretRef.name']);
});

void test('the authz ConfigMap key (a.3 row 4): absent or blank in the manifest set -> ref-missing at configMap.key; Secret keys are never checked', async () => {
  const cm = (data: Obj | undefined): Obj => ({ ...core('ConfigMap', 'authz-policy'), ...(data === undefined ? {} : { data }) });
  const v = (key?: string): Obj => vmcp({ incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'authz-policy', ...(key === undefined ? {} : { key }) } } } });
  const keyFindings = async (objects: Obj[]): Promise<string[]> => findingsOf((await inDir([...objects, group()])).docs).filter((f) => f.rule === 'ref-missing').map((f) => `${f.field} ${f.message}`);
  assert.deepEqual(await keyFindings([v(), cm({ 'authz.json': '{}' })]), []);
  const [absent] = await keyFindings([v(), cm(undefined)]);
  assert.match(absent!, /^spec\.incomingAuth\.authzConfig\.configMap\.key spec\.incomingAuth\.authzConfig\.configMap\.key: Not found: "authz\.json": ConfigMap team-a\/authz-policy has no key "authz\.json": .*AuthzConfigMapInvalid/);
  const [blank] = await keyFindings([v('policy.json'), cm({ 'authz.json': '{}', 'policy.json': '  \n' })]);
  assert.match(blank!, /Invalid value: "policy\.json": ConfigMap team-a\/authz-policy key "policy\.json" is empty: /);
  // binaryData is not where the operator looks (it reads data only).
  assert.equal((await keyFindings([v(), { ...cm(undefined), binaryData: { 'authz.json': 'e30=' } }])).length, 1);
  // A key named like an object property is looked up as the ConfigMap's own key only.
  for (const key of ['constructor', 'toString', '__proto__']) assert.equal((await keyFindings([v(key), cm({ 'authz.json': '{}' })])).length, 1, key);
  // A Secret with other keys satisfies a passwordRef: Secret data is never read.
  const pw = vmcp({ incomingAuth: { type: 'anonymous' }, sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: { name: 'redis-pw', key: 'password' } } });
  assert.deepEqual(await keyFindings([pw, { ...core('Secret', 'redis-pw'), data: { other: 'eA==' } }]), []);
});

void test('ref-not-ready from manifests: a manifest\'s status is ignored (the API server drops it), an MCPAuthzConfig type other than cedarv1 is reported', async () => {
  const failed = { ...group(), status: { phase: 'Failed' } };
  const invalid = { ...obj('VirtualMCPCompositeToolDefinition', 'wf-a', { name: 'wf_a', steps: [] }), status: { validationStatus: 'Invalid', validationErrors: ['x'] } };
  const authz = (type: string): Obj => obj('MCPAuthzConfig', 'authz', { type });
  const v = vmcp({ incomingAuth: { type: 'anonymous', authzConfigRef: { name: 'authz' } }, config: { compositeToolRefs: [{ name: 'wf-a' }] } });
  const notReady = async (objects: Obj[]): Promise<JsonFinding[]> => findingsOf((await inDir(objects)).docs).filter((f) => f.rule === 'ref-not-ready');
  assert.deepEqual(await notReady([v, failed, invalid, authz('cedarv1')]), []);
  const [httpv1] = await notReady([v, failed, invalid, authz('httpv1')]);
  assert.equal(httpv1!.field, 'spec.incomingAuth.authzConfigRef.name');
  assert.match(httpv1!.message, /Invalid value: "authz": MCPAuthzConfig team-a\/authz has type "httpv1": .*only cedarv1 is supported/);
});
