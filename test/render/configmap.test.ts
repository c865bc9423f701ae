// The ConfigMap around config.yaml (upstream-behaviour §c.2): name, namespace, `.io` labels and the content
// checksum, recomputed here independently from its definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { buildConfigMap, configMapNode, contentChecksum } from '../../src/render/configmap.js';
import { emitYaml } from '../../src/render/emit-yaml.js';

const configYaml = 'name: demo\ngroupRef: team\n';

void test('name, namespace and labels', () => {
  const cm = buildConfigMap('demo', 'tools', configYaml);
  assert.equal(cm.metadata.name, 'demo-vmcp-config');
  assert.equal(cm.metadata.namespace, 'tools');
  assert.deepEqual(cm.metadata.labels, {
    'toolhive.stacklok.io/component': 'vmcp-config',
    'toolhive.stacklok.io/virtual-mcp-server': 'demo',
    'toolhive.stacklok.io/managed-by': 'toolhive-operator',
  });
  assert.deepEqual(cm.data, { 'config.yaml': configYaml });
});

void test('checksum = sha256(data key+value, then labels sorted by key), no separators', () => {
  const cm = buildConfigMap('demo', 'tools', configYaml);
  const independent = createHash('sha256')
    .update(['config.yaml', configYaml, 'toolhive.stacklok.io/component', 'vmcp-config', 'toolhive.stacklok.io/managed-by', 'toolhive-operator', 'toolhive.stacklok.io/virtual-mcp-server', 'demo'].join(''))
    .digest('hex');
  assert.equal(cm.metadata.annotations['toolhive.stacklok.dev/content-checksum'], independent);
  assert.match(independent, /^[0-9a-f]{64}$/);
});

void test('any byte of config.yaml changes the checksum; data keys are sorted', () => {
  const labels = { b: '2', a: '1' };
  assert.notEqual(contentChecksum({ 'config.yaml': 'x\n' }, labels), contentChecksum({ 'config.yaml': 'x \n' }, labels));
  const expected = createHash('sha256').update('a.yamlAz.yamlZa1b2').digest('hex');
  assert.equal(contentChecksum({ 'z.yaml': 'Z', 'a.yaml': 'A' }, labels), expected);
});

void test('keys sort by UTF-8 bytes, not UTF-16 units (U+FFFD before an emoji, like Go sort.Strings)', () => {
  const emoji = '\u{1F600}';
  const expected = createHash('sha256').update(`\uFFFDr${emoji}eaAbB`).digest('hex');
  assert.equal(contentChecksum({ [emoji]: 'e', '\uFFFD': 'r' }, { b: 'B', a: 'A' }), expected);
  const ascii = createHash('sha256').update('a1b2c3').digest('hex');
  assert.equal(contentChecksum({}, { c: '3', a: '1', b: '2' }), ascii);
});

void test('the ConfigMap manifest parses back with config.yaml intact', () => {
  const cm = buildConfigMap('demo', 'tools', 'name: demo\nmetadata:\n    "yes": "no"\n');
  const back = parse(emitYaml(configMapNode(cm))) as { kind: string; data: Record<string, string>; metadata: { annotations: Record<string, string> } };
  assert.equal(back.kind, 'ConfigMap');
  assert.equal(back.data['config.yaml'], cm.data['config.yaml']);
  assert.equal(back.metadata.annotations['toolhive.stacklok.dev/content-checksum'], cm.metadata.annotations['toolhive.stacklok.dev/content-checksum']);
});
