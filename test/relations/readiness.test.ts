// What the operator reads from a referenced object before using it (src/relations/readiness.ts): only
// a reported status counts; an absent status or condition says nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRelations } from '../../src/relations/check.js';
import { notReady } from '../../src/relations/readiness.js';
import { worldOf, type RelatedObject } from '../../src/relations/world.js';

const o = (kind: string, status?: Record<string, unknown>, spec: Record<string, unknown> = {}): RelatedObject => ({ kind, namespace: 'ns', name: 'x', spec, ...(status === undefined ? {} : { status }) });
const id = (r: RelatedObject): string | undefined => notReady(r)?.messageId;
const valid = (status: string, message?: string): Record<string, unknown> => ({ conditions: [{ type: 'Ready', status: 'False' }, { type: 'Valid', status, ...(message === undefined ? {} : { message }) }] });

void test('no status, or no phase / condition reported yet: nothing', () => {
  for (const kind of ['MCPGroup', 'MCPOIDCConfig', 'MCPAuthzConfig', 'VirtualMCPCompositeToolDefinition', 'EmbeddingServer', 'MCPToolConfig']) {
    assert.equal(id(o(kind)), undefined, kind);
    assert.equal(id(o(kind, {})), undefined, kind);
  }
  assert.equal(id(o('MCPOIDCConfig', { conditions: [{ type: 'Ready', status: 'False' }] })), undefined, 'only the Valid condition counts');
});

void test('MCPGroup: any phase but Ready; every phase but Failed is one the operator waits out (transient)', () => {
  assert.equal(id(o('MCPGroup', { phase: 'Ready' })), undefined);
  assert.deepEqual(notReady(o('MCPGroup', { phase: 'Failed' })), { messageId: 'groupNotReady', data: { phase: 'Failed' } });
  assert.deepEqual(notReady(o('MCPGroup', { phase: 'Pending' })), { messageId: 'groupNotReady', data: { phase: 'Pending' }, transient: true });
});

void test('MCPOIDCConfig and MCPAuthzConfig: Valid not True (False or Unknown), with its message; authz type other than cedarv1 from the spec', () => {
  assert.equal(id(o('MCPOIDCConfig', valid('True'))), undefined);
  assert.deepEqual(notReady(o('MCPOIDCConfig', valid('Unknown', 'issuer unreachable'))), { messageId: 'oidcConfigNotValid', data: { status: 'Unknown', detail: ': issuer unreachable' } });
  assert.deepEqual(notReady(o('MCPAuthzConfig', valid('False'), { type: 'cedarv1' })), { messageId: 'authzConfigNotValid', data: { status: 'False', detail: '' } });
  assert.deepEqual(notReady(o('MCPAuthzConfig', undefined, { type: 'httpv1' })), { messageId: 'authzConfigType', data: { type: 'httpv1' } });
  assert.equal(id(o('MCPAuthzConfig', valid('True'), { type: 'cedarv1' })), undefined);
});

void test('VirtualMCPCompositeToolDefinition: validationStatus Invalid only (Unknown is not)', () => {
  assert.equal(id(o('VirtualMCPCompositeToolDefinition', { validationStatus: 'Unknown' })), undefined);
  assert.deepEqual(notReady(o('VirtualMCPCompositeToolDefinition', { validationStatus: 'Invalid' })), { messageId: 'compositeToolInvalid', data: { detail: '' } });
});

void test('EmbeddingServer: ready = phase Ready with a ready replica; Failed is its own case', () => {
  assert.equal(id(o('EmbeddingServer', { phase: 'Ready', readyReplicas: 2 })), undefined);
  assert.deepEqual(notReady(o('EmbeddingServer', { phase: 'Ready' })), { messageId: 'embeddingServerNotReady', data: { phase: 'Ready', replicas: '0' }, transient: true });
  assert.equal(id(o('EmbeddingServer', { phase: 'Failed', readyReplicas: 1 })), 'embeddingServerFailed');
});

void test('--refs deny: a transient state stays a warning, a failed or invalid one is an error', () => {
  const vmcp = { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'VirtualMCPServer', metadata: { name: 'gw', namespace: 'ns' }, spec: { groupRef: { name: 'x' }, incomingAuth: { type: 'anonymous' } } };
  const severities = (phase: string): string[] =>
    checkRelations(vmcp, worldOf([o('MCPGroup', { phase })]), { refs: 'deny' })
      .filter((f) => f.rule === 'ref-not-ready')
      .map((f) => `${f.field} ${f.severity}`);
  assert.deepEqual(severities('Pending'), ['spec.groupRef.name warning']);
  assert.deepEqual(severities('Failed'), ['spec.groupRef.name error']);
});
