// `--crd FILE`: the same conversion at run time, with clear errors naming the file and the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { schemasFromCrdText } from '../../../src/core/schema/from-crd.js';
import { checkOpenApi } from '../../../src/core/schema/openapi-check.js';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { fixture } from './helpers.js';

const crdText = readFileSync(new URL('../../../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url), 'utf8');

void test('the upstream CRD loads and judges like the built-in schemas', async () => {
  const r = schemasFromCrdText(crdText, 'crd.yaml');
  assert.ok(r.ok);
  assert.deepEqual(r.provider.versions, ['v1beta1', 'v1alpha1']);
  const builtin = await loadBuiltinSchemas();
  const broken = fixture('ratelimit-schema-errors.json');
  const runtime = checkOpenApi(broken, r.provider.get('v1beta1')!).map((f) => f.message);
  assert.deepEqual(runtime, checkOpenApi(broken, builtin.get('v1beta1')!).map((f) => f.message));
  assert.equal(runtime.length, 5);
  assert.deepEqual(r.provider.get('v1alpha1')!.meta, builtin.get('v1alpha1')!.meta);
});

void test('a file bundling several CRDs yields the VirtualMCPServer one', () => {
  const other = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: {group: toolhive.stacklok.dev, names: {kind: MCPServer}, versions: []}\n';
  const r = schemasFromCrdText(`${other}---\n${crdText}`, 'all-crds.yaml');
  assert.ok(r.ok);
  assert.equal(r.provider.kind, 'VirtualMCPServer');
});

const crd = (spec: string): string => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec: ${spec}\n`;
const header = '{group: toolhive.stacklok.dev, names: {kind: VirtualMCPServer}, versions: ';

const bad: [string, string, string][] = [
  ['empty file', '', 'my.yaml: no YAML document found (empty file), expected a CustomResourceDefinition'],
  ['not YAML', 'a: [1,\nb', 'my.yaml: not valid YAML at line 2, column 1:'],
  ['not a CRD', 'apiVersion: v1\nkind: ConfigMap\n', 'my.yaml: not a CustomResourceDefinition (kind: "ConfigMap")'],
  ['a scalar', '42', 'my.yaml: not a Kubernetes object (expected a CustomResourceDefinition mapping)'],
  ['wrong group', crd('{group: example.com, names: {kind: VirtualMCPServer}, versions: []}'), 'my.yaml: CRD group is "example.com", expected "toolhive.stacklok.dev"'],
  ['wrong kind', crd('{group: toolhive.stacklok.dev, names: {kind: MCPServer}, versions: []}'), 'my.yaml: CRD kind is "MCPServer", expected "VirtualMCPServer"'],
  ['no served versions', crd(`${header}[{name: v1, served: false, storage: true}]}`), 'my.yaml: CRD has no served versions'],
  ['no schema', crd(`${header}[{name: v1, served: true, storage: true}]}`), 'my.yaml: version v1 has no schema.openAPIV3Schema'],
  ['bad RE2 pattern', crd(`${header}[{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {a: {type: string, pattern: "(x"}}}}}}}]}`), "my.yaml: version v1: pattern '(x' at spec.a: missing closing )"],
];

for (const [name, text, error] of bad) {
  void test(`rejects ${name} with a clear message`, () => {
    const r = schemasFromCrdText(text, 'my.yaml');
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(r.error.startsWith(error), r.error);
  });
}

void test('a small custom CRD works end to end, including a translated pattern', () => {
  const text = crd(`${header}[{name: v9, served: true, storage: true, schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {host: {type: string, pattern: '^[^[:space:]]+$'}, n: {x-kubernetes-int-or-string: true}, when: {type: string, format: date-time}}}}}}}]}`);
  const r = schemasFromCrdText(text, 'mine.yaml');
  assert.ok(r.ok);
  const v = r.provider.get('v9')!;
  const msgs = (o: unknown): string[] => checkOpenApi(o, v).map((f) => f.message);
  assert.deepEqual(msgs({ spec: { host: 'a\u00a0b', n: '50%', when: '2024-01-01T00:00:00Z' } }), []);
  assert.deepEqual(msgs({ spec: { host: 'a b', n: true, when: 'yesterday' } }), [
    "spec.host: Invalid value: \"a b\": spec.host in body should match '^[^[:space:]]+$'",
    'spec.n: Invalid value: "boolean": spec.n in body must be of type integer,string: "boolean"',
    'spec.when: Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"',
  ]);
});
