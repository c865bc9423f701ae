// schemas/ is generated and committed: regenerating it from upstream/ must give the same bytes,
// and the built-in provider must load it (from source and from the build) without the CRD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { renderSchemaFiles, validatorsFile, validatorsTypesFile } from '../../../scripts/schema-output.js';
import { celFile, celTypesFile } from '../../../scripts/cel-output.js';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';

const root = new URL('../../../', import.meta.url);
const crdText = readFileSync(new URL('upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', root), 'utf8');

void test('committed schemas/ equal a fresh generation from the CRD (run `npm run schemas` on drift)', () => {
  const files = renderSchemaFiles(crdText);
  assert.deepEqual([...files.keys()].sort(), [celTypesFile, celFile, 'virtualmcpserver.v1alpha1.json', 'virtualmcpserver.v1beta1.json', validatorsFile, validatorsTypesFile].sort());
  for (const [name, content] of files) {
    assert.ok(readFileSync(new URL(`schemas/${name}`, root), 'utf8') === content, `schemas/${name} is out of date`);
  }
});

void test('metadata files keep the documented shape and strip description prose only', () => {
  const meta = JSON.parse(readFileSync(new URL('schemas/virtualmcpserver.v1alpha1.json', root), 'utf8'));
  assert.deepEqual(Object.keys(meta), ['group', 'kind', 'version', 'served', 'storage', 'deprecated', 'deprecationWarning', 'statusSubresource', 'schema']);
  assert.equal(meta.deprecationWarning, 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1');
  assert.equal(meta.statusSubresource, true, 'the CRD declares subresources.status');
  const text = JSON.stringify(meta.schema);
  assert.ok(!text.includes('"description":"'), 'no description prose left');
  // `description` as a field name survives (composite tool output properties declare one).
  const out = meta.schema.properties.spec.properties.config.properties.compositeTools.items.properties.output;
  assert.ok(out.properties.properties.additionalProperties.properties.description !== undefined);
});

void test('loadBuiltinSchemas serves both versions, storage first, memoized', async () => {
  const p = await loadBuiltinSchemas();
  assert.equal(p.group, 'toolhive.stacklok.dev');
  assert.equal(p.kind, 'VirtualMCPServer');
  assert.deepEqual(p.versions, ['v1beta1', 'v1alpha1']);
  assert.equal(await loadBuiltinSchemas(), p);
  assert.equal(p.get('v1alpha1')?.meta.deprecated, true);
  assert.equal(p.get('v1beta1')?.meta.deprecationWarning, undefined);
  assert.equal(p.get('v2'), undefined);
  const v = p.get('v1beta1')!;
  assert.equal(v.validate({ apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'VirtualMCPServer', spec: { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' } } }), true);
  assert.equal(v.validate({ spec: { incomingAuth: { type: 'local' } } }), false);
  assert.deepEqual(v.validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`), ['/spec required', '/spec/incomingAuth/type enum']);
});

void test('the built module loads the same schemas from dist/', { skip: !existsSync(new URL('dist/core/schema/builtin.js', root)) && 'not built' }, () => {
  const script = "import('./dist/core/schema/builtin.js').then(async (m) => { const p = await m.loadBuiltinSchemas(); console.log(p.versions.join(',')); })";
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  assert.equal(out.trim(), 'v1beta1,v1alpha1');
});
