// checkInputs with the real engine and the built-in schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkInputs } from '../../src/cli/check.js';
import type { Input } from '../../src/cli/inputs.js';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';

const mixed = readFileSync(new URL('./fixtures/manifests/mixed.yaml', import.meta.url), 'utf8');
const text = (source: string, body: string): Input => ({ kind: 'text', source, text: body });

void test('other kinds are skipped, VirtualMCPServers judged, findings placed at line:column', async () => {
  const schemas = await loadBuiltinSchemas();
  const reports = checkInputs([text('mixed.yaml', mixed)], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual(reports.map((r) => [r.index, r.line, r.kind, r.name, r.verdict]), [
    [0, 4, 'ConfigMap', 'settings', 'skipped'],
    [1, 11, 'VirtualMCPServer', 'anonymous-per-user', 'denied'],
    [3, 31, 'VirtualMCPServer', 'plain', 'allowed'],
  ]);
  assert.deepEqual(reports[1]!.errors.map((f) => [f.origin, f.field, `${f.line}:${f.column}`]), [
    ['cel', 'spec', '15:1'],
    ['runtime', 'spec.config.rateLimiting.perUser.refillPeriod', '27:23'],
    ['runtime', 'spec.config.ratelimit', '28:5'],
  ]);
});

void test('crd mode reports only what the API server would', async () => {
  const schemas = await loadBuiltinSchemas();
  const [, denied] = checkInputs([text('mixed.yaml', mixed)], { mode: 'crd', schemas, quiet: false });
  assert.deepEqual(denied!.errors.map((f) => f.message), ['spec: Invalid value: "object": config.rateLimiting.perUser requires incomingAuth.type oidc']);
});

void test('warnings are kept, or dropped with quiet; an unserved version or another group goes to the engine, as does a misspelt kind', async () => {
  const schemas = await loadBuiltinSchemas();
  const old = 'apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: VirtualMCPServer\nmetadata: {name: old}\nspec:\n  groupRef: {name: g}\n  incomingAuth: {type: anonymous}\n';
  const [loud] = checkInputs([text('old.yaml', old)], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual(loud!.warnings.map((w) => [w.rule, w.line]), [['lint-deprecated-version', 1]]);
  const [quiet] = checkInputs([text('old.yaml', old)], { mode: 'strict', schemas, quiet: true });
  assert.deepEqual([quiet!.verdict, quiet!.warnings], ['allowed', []]);
  const [unserved] = checkInputs([text('v9.yaml', old.replace('v1alpha1', 'v9'))], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual([unserved!.verdict, unserved!.errors[0]!.rule, unserved!.errors[0]!.line, unserved!.errors[0]!.column], ['denied', 'document-unserved-version', 1, 13]);
  const [foreign] = checkInputs([text('x.yaml', old.replace('toolhive.stacklok.dev', 'toolhive.stacklok.io'))], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual([foreign!.verdict, foreign!.errors.map((f) => f.message)], ['denied', ['apiVersion: Invalid value: "toolhive.stacklok.io/v1alpha1": no matches for kind "VirtualMCPServer" in version "toolhive.stacklok.io/v1alpha1": served versions are toolhive.stacklok.dev/v1beta1, toolhive.stacklok.dev/v1alpha1']]);
  for (const kind of ['VirtualMcpServer', 'VirtualMCPServers', 'virtualmcpserver']) {
    const [misspelt] = checkInputs([text('k.yaml', old.replace('kind: VirtualMCPServer', `kind: ${kind}`))], { mode: 'strict', schemas, quiet: false });
    assert.deepEqual([misspelt!.verdict, misspelt!.errors.map((f) => [f.rule, f.line])], ['denied', [['document-kind', 2]]], kind);
  }
  for (const kind of ['MCPServer', 'MCPGroup', 'ConfigMap']) {
    const [other] = checkInputs([text('o.yaml', old.replace('kind: VirtualMCPServer', `kind: ${kind}`))], { mode: 'strict', schemas, quiet: false });
    assert.equal(other!.verdict, 'skipped', kind);
  }
});

void test('unreadable inputs and broken documents become error verdicts with positions', async () => {
  const schemas = await loadBuiltinSchemas();
  const reports = checkInputs(
    [{ kind: 'error', source: 'gone.yaml', rule: 'input-unreadable', messageId: 'noSuchFile', data: {} }, text('bad.yaml', 'kind: VirtualMCPServer\nspec: [\n')],
    { mode: 'strict', schemas, quiet: false },
  );
  assert.deepEqual(reports.map((r) => [r.source, r.verdict, r.errors[0]!.rule, r.errors[0]!.origin, `${r.errors[0]!.line}:${r.errors[0]!.column}`]), [
    ['gone.yaml', 'error', 'input-unreadable', 'input', '1:1'],
    ['bad.yaml', 'error', 'yaml-syntax', 'input', '3:1'],
  ]);
});

void test('a List document (kubectl get -o yaml) is judged item by item, findings placed inside the item', async () => {
  const schemas = await loadBuiltinSchemas();
  const list = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: v1',
    '  kind: ConfigMap',
    '  metadata: {name: settings}',
    '- apiVersion: toolhive.stacklok.dev/v1beta1',
    '  kind: VirtualMCPServer',
    '  metadata: {name: broken}',
    '  spec:',
    '    groupRef: {name: g}',
    '    incomingAuth: {type: anonymous}',
    '    sessionStorage: {provider: redis, address: "redis:6379"}',
    '    config:',
    '      rateLimiting:',
    '        shared: {maxTokens: 10, refillPeriod: one minute}',
    '',
  ].join('\n');
  const reports = checkInputs([text('list.yaml', list), text('empty.yaml', 'apiVersion: v1\nkind: List\nitems: []\n')], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual(reports.map((r) => [r.source, r.index, r.item, r.line, r.kind, r.name, r.verdict]), [
    ['list.yaml', 0, 0, 4, 'ConfigMap', 'settings', 'skipped'],
    ['list.yaml', 0, 1, 7, 'VirtualMCPServer', 'broken', 'denied'],
    ['empty.yaml', 0, undefined, 1, 'List', null, 'skipped'],
  ]);
  assert.deepEqual(reports[1]!.errors.map((f) => [f.field, `${f.line}:${f.column}`]), [['spec.config.rateLimiting.shared.refillPeriod', '16:47']]);
  const typed = list.replace('kind: List', 'kind: VirtualMCPServerList').replace('apiVersion: v1\n', 'apiVersion: toolhive.stacklok.dev/v1beta1\n');
  assert.deepEqual(checkInputs([text('typed.yaml', typed)], { mode: 'strict', schemas, quiet: false }).map((r) => r.verdict), ['skipped', 'denied']);
});

void test('Lists are never a silent pass: typed items take kind/apiVersion from the list, nested Lists flatten, bad items are input errors', async () => {
  const schemas = await loadBuiltinSchemas();
  const vmcpItem = (name: string, period: string): string =>
    `- metadata: {name: ${name}}\n  spec:\n    groupRef: {name: g}\n    incomingAuth: {type: anonymous}\n    sessionStorage: {provider: redis, address: "r:6379"}\n    config: {rateLimiting: {shared: {maxTokens: 1, refillPeriod: ${period}}}}\n`;
  const typed = `apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServerList\nitems:\n${vmcpItem('ok', '1m')}${vmcpItem('bad', 'one minute')}`;
  const [ok, bad] = checkInputs([text('typed.yaml', typed)], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual([ok!.kind, ok!.apiVersion, ok!.verdict, bad!.verdict], ['VirtualMCPServer', 'toolhive.stacklok.dev/v1beta1', 'allowed', 'denied']);
  assert.deepEqual(bad!.errors.map((f) => [f.field, f.line]), [['spec.config.rateLimiting.shared.refillPeriod', 15]]);

  const nested = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: toolhive.stacklok.dev/v1beta1\n    kind: VirtualMCPServer\n    metadata: {name: inner}\n    spec: {groupRef: {name: g}}\n- null\n- 7\n`;
  const reports = checkInputs([text('nested.yaml', nested)], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual(reports.map((r) => [r.item, r.line, r.name, r.verdict]), [[0, 7, 'inner', 'denied'], [1, 11, null, 'error'], [2, 12, null, 'error']]);
  assert.deepEqual(reports.slice(1).map((r) => r.errors.map((f) => [f.rule, f.message])), [[['list-item-invalid', 'items[1]: must be an object, got null']], [['list-item-invalid', 'items[2]: must be an object, got number']]]);

  const [mapItems] = checkInputs([text('map.yaml', 'apiVersion: v1\nkind: List\nitems: {a: 1}\n')], { mode: 'strict', schemas, quiet: false });
  assert.deepEqual([mapItems!.verdict, mapItems!.line, mapItems!.errors[0]!.message], ['error', 3, 'items: must be a list of objects, got object']);
});

void test('as kubectl decodes: any document with an items list is a list, a kind-less item is an error, a list of empty lists is one skip', async () => {
  const schemas = await loadBuiltinSchemas();
  const check = (body: string): ReturnType<typeof checkInputs> => checkInputs([text('l.yaml', body)], { mode: 'strict', schemas, quiet: false });
  const kindless = check('apiVersion: v1\nkind: List\nitems:\n- apiVersion: toolhive.stacklok.dev/v1beta1\n  metadata: {name: x}\n');
  assert.deepEqual(kindless.map((r) => [r.verdict, r.line, r.errors.map((f) => `${f.rule} ${f.message} ${f.line}:${f.column}`)]), [['error', 4, ["list-item-invalid items[0]: Object 'Kind' is missing 4:3"]]]);
  const partial = check('apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServerList\nitems:\n- kind: VirtualMCPServer\n  metadata: {name: x}\n  spec: {groupRef: {name: g}}\n');
  assert.deepEqual(partial.map((r) => [r.verdict, r.apiVersion]), [['denied', null]], 'kind without apiVersion is not filled in (apimachinery fills both or neither)');
  const bundle = check('kind: Bundle\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n');
  assert.deepEqual(bundle.map((r) => [r.item, r.kind, r.verdict]), [[0, 'ConfigMap', 'skipped']]);
  const empties = check('apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: List, items: []}\n');
  assert.deepEqual(empties.map((r) => [r.item, r.kind, r.verdict]), [[undefined, 'List', 'skipped']]);
});
