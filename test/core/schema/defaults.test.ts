// Structural defaulting like the API server, checked against defaults read from the CRD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadBuiltinSchemas } from '../../../src/core/schema/builtin.js';
import { applyDefaults } from '../../../src/core/schema/defaults.js';
import type { SchemaNode } from '../../../src/core/schema/types.js';
import { minimal, type Json } from './helpers.js';

const schema = async (): Promise<SchemaNode> => (await loadBuiltinSchemas()).get('v1beta1')!.meta.schema;
const crd = parse(readFileSync(new URL('../../../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url), 'utf8'));
/** The `default:` the CRD itself declares at a property path (read from ../shared, not from memory). */
function crdDefault(...path: string[]): unknown {
  let node = crd.spec.versions.find((v: Json) => v.name === 'v1beta1').schema.openAPIV3Schema;
  for (const p of path) node = node.properties[p];
  return node.default;
}
const spec = (o: unknown): Json => (o as Json).spec as Json;

void test('defaults apply only inside objects that are present', async () => {
  const input = minimal({ outgoingAuth: {}, incomingAuth: { type: 'oidc', authzConfig: { inline: { policies: ['permit(principal, action, resource);'] } } }, config: { aggregation: { conflictResolutionConfig: {} }, operational: { failureHandling: {} }, codeMode: {} } });
  const before = JSON.stringify(input);
  const out = spec(await applyDefaults(input, await schema()));
  const authz = (out.incomingAuth as Json).authzConfig as Json;
  assert.equal(authz.type, crdDefault('spec', 'incomingAuth', 'authzConfig', 'type'));
  assert.equal(authz.type, 'configMap');
  assert.equal((authz.inline as Json).entitiesJson, crdDefault('spec', 'incomingAuth', 'authzConfig', 'inline', 'entitiesJson'));
  assert.equal(authz.configMap, undefined, 'no object is created for an absent configMap');
  const config = out.config as Json;
  const fh = (config.operational as Json).failureHandling as Json;
  assert.equal(fh.healthCheckTimeout, '10s');
  assert.equal(fh.healthCheckTimeout, crdDefault('spec', 'config', 'operational', 'failureHandling', 'healthCheckTimeout'));
  assert.equal(fh.circuitBreaker, undefined);
  assert.equal((config.operational as Json).timeouts, undefined);
  assert.equal(((config.aggregation as Json).conflictResolutionConfig as Json).prefixFormat, '{workload}_');
  assert.equal((config.codeMode as Json).stepLimit, crdDefault('spec', 'config', 'codeMode', 'stepLimit'));
  assert.equal((config.codeMode as Json).stepLimit, 100000);
  assert.equal((out.outgoingAuth as Json).source, 'discovered');
  assert.equal(out.serviceType, 'ClusterIP');
  assert.equal(out.config && (config.optimizer), undefined, 'no optimizer object appears');
  assert.equal(JSON.stringify(input), before, 'input untouched');
});

void test('without the parent object there is no default', async () => {
  const out = spec(await applyDefaults(minimal(), await schema()));
  assert.equal(out.config, undefined);
  assert.equal(out.outgoingAuth, undefined);
  assert.deepEqual(Object.keys(out).sort(), ['groupRef', 'incomingAuth', 'serviceType', 'sessionAffinity']);
});

void test('a null on a non-nullable field: defaulted when it has a default, dropped otherwise', async () => {
  const out = spec(await applyDefaults(minimal({ sessionStorage: { provider: 'redis', db: null, keyPrefix: null } }), await schema()));
  assert.deepEqual(out.sessionStorage, { provider: 'redis', db: 0 });
});

void test('array items and map values are defaulted', async () => {
  const out = spec(await applyDefaults(minimal({ imagePullSecrets: [{}], config: { compositeTools: [{ name: 't', steps: [{ id: 'a', onError: {} }] }] } }), await schema()));
  assert.deepEqual(out.imagePullSecrets, [{ name: '' }]);
  const step = (((out.config as Json).compositeTools as Json[])[0]!.steps as Json[])[0]!;
  assert.equal(step.type, 'tool');
  assert.deepEqual(step.onError, { action: 'abort' });
  const s: SchemaNode = { type: 'object', properties: { m: { type: 'object', additionalProperties: { type: 'object', default: { x: 1 }, properties: { x: { type: 'integer' }, y: { type: 'integer', default: 2 } } } } } };
  assert.deepEqual(applyDefaults({ m: { a: {}, b: null } }, s), { m: { a: { y: 2 }, b: { x: 1 } } });
});

void test('nested defaults inside a newly defaulted object are applied', () => {
  const s: SchemaNode = { type: 'object', properties: { a: { type: 'object', default: {}, properties: { b: { type: 'string', default: 'x' } } } } };
  assert.deepEqual(applyDefaults({}, s), { a: { b: 'x' } });
});
