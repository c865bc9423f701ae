// renderConfigs: the engine pre-check, unresolvable references, cluster-only lookups and values
// the operator could not decode all stop rendering with findings that name what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { renderConfigs, type RenderResult } from '../../src/render/render.js';

const vmcp = (name: string, specYaml: string): string =>
  `apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata:\n  name: ${name}\n  namespace: tools\nspec:\n  groupRef:\n    name: team\n${specYaml}`;
const anonymous = '  incomingAuth:\n    type: anonymous\n';

async function render(text: string, mode: 'strict' | 'crd' = 'strict'): Promise<RenderResult> {
  return renderConfigs(parseAllDocuments(text).map((d) => d.toJS() as unknown), await loadBuiltinSchemas(), { mode });
}

function messages(r: RenderResult): string[] {
  assert.equal(r.ok, false, 'expected a refusal');
  return r.ok ? [] : r.findings.map((f) => f.message);
}

void test('a spec the engine denies is not rendered; its findings are returned', async () => {
  const r = await render(vmcp('x', `${anonymous}  config:\n    rateLimiting:\n      perUser: {maxTokens: 1, refillPeriod: 1m}\n`));
  const m = messages(r);
  assert.ok(m.includes("spec: Invalid value: \"object\": config.rateLimiting requires sessionStorage with provider 'redis'"), m.join('\n'));
  assert.ok(m.includes('spec: Invalid value: "object": config.rateLimiting.perUser requires incomingAuth.type oidc'), m.join('\n'));
});

const missing: ReadonlyArray<readonly [string, string, string, string]> = [
  ['MCPOIDCConfig', '  incomingAuth:\n    type: oidc\n    oidcConfigRef: {name: idp, audience: a}\n', 'spec.incomingAuth.oidcConfigRef', 'MCPOIDCConfig tools/idp'],
  ['ConfigMap', '  incomingAuth:\n    type: anonymous\n    authzConfig:\n      configMap: {name: policies}\n', 'spec.incomingAuth.authzConfig.configMap', 'ConfigMap tools/policies'],
  ['MCPAuthzConfig', '  incomingAuth:\n    type: anonymous\n    authzConfigRef: {name: shared}\n', 'spec.incomingAuth.authzConfigRef', 'MCPAuthzConfig tools/shared'],
  ['MCPToolConfig', `${anonymous}  config:\n    aggregation:\n      tools:\n        - workload: gh\n          toolConfigRef: {name: gh-tools}\n`, 'spec.config.aggregation.tools[0].toolConfigRef', 'MCPToolConfig tools/gh-tools'],
  ['VirtualMCPCompositeToolDefinition', `${anonymous}  config:\n    compositeToolRefs:\n      - name: notes\n`, 'spec.config.compositeToolRefs[0].name', 'VirtualMCPCompositeToolDefinition tools/notes'],
  ['MCPExternalAuthConfig', `${anonymous}  outgoingAuth:\n    default:\n      type: externalAuthConfigRef\n      externalAuthConfigRef: {name: gh}\n`, 'spec.outgoingAuth.default.externalAuthConfigRef', 'MCPExternalAuthConfig tools/gh'],
];

for (const [kind, spec, field, what] of missing) {
  void test(`an unresolvable ${kind} reference names kind, namespace and name`, async () => {
    const r = await render(vmcp('x', spec));
    assert.deepEqual(messages(r), [`${field}: Not found: ${what} not found in the input (the operator reads it from the cluster)`]);
  });
}

void test('a reference in another namespace does not resolve', async () => {
  const other = '---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPToolConfig\nmetadata: {name: gh-tools, namespace: elsewhere}\nspec: {toolsFilter: [a]}\n';
  const r = await render(vmcp('x', missing[3]![1]) + other);
  assert.match(messages(r)[0]!, /MCPToolConfig tools\/gh-tools not found/);
});

void test('cluster-only inputs are refused with the reason', async () => {
  const r = await render(vmcp('x', `${anonymous}  outgoingAuth:\n    source: inline\n  embeddingServerRef:\n    name: tei\n`));
  const m = messages(r);
  assert.ok(m.some((x) => x.startsWith('spec.outgoingAuth.source: Forbidden: source inline')), m.join('\n'));
  assert.ok(m.some((x) => x.startsWith('spec.embeddingServerRef: Forbidden:') && x.includes('EmbeddingServer tools/tei')), m.join('\n'));
});

void test('crd mode admits an unparsable refillPeriod; the operator could not decode it, so render refuses', async () => {
  const spec = `${anonymous}  sessionStorage: {provider: redis, address: "r:6379"}\n  config:\n    rateLimiting:\n      shared: {maxTokens: 1, refillPeriod: one minute}\n`;
  const m = messages(await render(vmcp('x', spec), 'crd'));
  assert.deepEqual(m, ['spec.config.rateLimiting.shared.refillPeriod: Invalid value: time: invalid duration "one minute"']);
});

void test('duplicate composite tool names across inline and referenced tools are refused', async () => {
  const def = '---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPCompositeToolDefinition\nmetadata: {name: d, namespace: tools}\nspec: {name: t, steps: []}\n';
  const spec = `${anonymous}  config:\n    compositeTools:\n      - {name: t, steps: []}\n    compositeToolRefs:\n      - name: d\n`;
  assert.match(messages(await render(vmcp('x', spec) + def))[0]!, /duplicate composite tool name: "t"/);
});

void test('inline telemetry is dropped, audit is passed through even when disabled, namespace defaults to default', async () => {
  const spec = `${anonymous}  config:\n    telemetry: {endpoint: "otel:4317"}\n    audit: {enabled: false}\n`;
  const text = vmcp('x', spec).replace('  namespace: tools\n', '');
  const r = await render(text);
  assert.ok(r.ok);
  const out = r.outputs[0]!;
  assert.equal(out.namespace, 'default');
  assert.doesNotMatch(out.configYaml, /telemetry/);
  assert.match(out.configYaml, /\naudit:\n {4}component: x\n {4}detectApplicationErrors: true\n/);
});

void test('objects other than VirtualMCPServer are not rendered; each VirtualMCPServer gives one output', async () => {
  const r = await render(`${vmcp('a', anonymous)}---\n${vmcp('b', anonymous)}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`);
  assert.ok(r.ok);
  assert.deepEqual(r.outputs.map((o) => [o.index, o.name, o.configMap.metadata.name]), [[0, 'a', 'a-vmcp-config'], [1, 'b', 'b-vmcp-config']]);
});
