import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate } from '../../src/cli/locate.js';
import { readYamlStream } from '../../src/cli/yaml-stream.js';
import type { PathSegment } from '../../src/core/field-path.js';

const source = `# leading comment
apiVersion: toolhive.stacklok.dev/v1beta1
kind: VirtualMCPServer
metadata: {name: team, labels: {"0": zero}}
spec:
  groupRef:
    name: backends
  config:
    rateLimiting:
      shared: &bucket
        maxTokens: 0
        refillPeriod: 1m
      tools:
        - name: search
          shared: *bucket
        - name: fetch
          perUser:
            <<: *bucket
            maxTokens: 5
      perUser:
`;

const stream = readYamlStream(`---\nother: doc\n---\n${source}`);
const docs = [...stream.items].flatMap((item) => ('doc' in item ? [item.doc] : []));
const doc = docs[1]!;
const at = (path: readonly PathSegment[] | null): string => {
  const pos = locate(doc, stream.lineCounter, path);
  return `${pos.line}:${pos.col}`;
};

void test('a present scalar points at its value, a present collection at its key', () => {
  assert.equal(at(['spec', 'config', 'rateLimiting', 'shared', 'maxTokens']), '14:20');
  assert.equal(at(['spec', 'config', 'rateLimiting', 'shared']), '13:7');
  assert.equal(at(['spec']), '8:1');
  assert.equal(at(['metadata', 'name']), '7:18');
});

void test('sequence items by index; flow mappings; numeric-looking map keys', () => {
  assert.equal(at(['spec', 'config', 'rateLimiting', 'tools', 1, 'name']), '19:17');
  assert.equal(at(['spec', 'config', 'rateLimiting', 'tools', 1]), '19:11');
  assert.equal(at(['metadata', 'labels', 0]), '7:38');
});

void test('a missing field points at its nearest present parent', () => {
  assert.equal(at(['spec', 'incomingAuth', 'type']), '8:1');
  assert.equal(at(['spec', 'config', 'rateLimiting', 'tools', 7, 'name']), '16:7');
  assert.equal(at(['spec', 'groupRef', 'name', 'deeper']), '10:11');
});

void test('an empty or null path, or a missing top-level field, points at the document start', () => {
  assert.equal(at(null), '5:1');
  assert.equal(at([]), '5:1');
  assert.equal(at(['status']), '5:1');
});

void test('aliases and merge keys are followed to where the value is written', () => {
  assert.equal(at(['spec', 'config', 'rateLimiting', 'tools', 0, 'shared', 'refillPeriod']), '15:23');
  assert.equal(at(['spec', 'config', 'rateLimiting', 'tools', 1, 'perUser', 'refillPeriod']), '15:23');
  assert.equal(at(['spec', 'config', 'rateLimiting', 'tools', 1, 'perUser', 'maxTokens']), '22:24');
});

void test('a key with an empty value points at the key', () => {
  assert.equal(at(['spec', 'config', 'rateLimiting', 'perUser']), '23:7');
  assert.equal(at(['spec', 'config', 'rateLimiting', 'perUser', 'maxTokens']), '23:7');
});
