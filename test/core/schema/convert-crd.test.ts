// CRD -> structural + ajv schema conversion details.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertCrd, stripDescriptions } from '../../../src/core/schema/convert-crd.js';
import { toAjvSchema } from '../../../src/core/schema/to-ajv.js';

void test('description prose goes, description as a property name stays', () => {
  const node = { description: 'prose', type: 'object', properties: { description: { description: 'more prose', type: 'string', default: 'd' } } };
  assert.deepEqual(stripDescriptions(node), { type: 'object', properties: { description: { type: 'string', default: 'd' } } });
});

void test('ajv schema: extensions and defaults out, nullable and int-or-string as type lists, bounds and formats converted', () => {
  const ajv = toAjvSchema({
    type: 'object',
    required: ['a'],
    'x-kubernetes-validations': [{ rule: 'true' }],
    properties: {
      a: { type: 'string', nullable: true, default: 'x', pattern: '^\\s$' },
      b: { 'x-kubernetes-int-or-string': true },
      c: { type: 'integer', format: 'int32', minimum: 0, exclusiveMinimum: true, maximum: 9 },
      d: { type: 'string', format: 'date-time' },
      e: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, additionalProperties: { type: 'string', 'x-kubernetes-list-type': 'atomic' } },
    },
  });
  assert.deepEqual(ajv, {
    type: 'object',
    required: ['a'],
    properties: {
      a: { type: ['string', 'null'], pattern: '^[\\u{9}-\\u{A}\\u{C}-\\u{D}\\u{20}]$' },
      b: { type: ['integer', 'string'] },
      c: { type: 'integer', exclusiveMinimum: 0, maximum: 9 },
      d: { type: 'string', format: 'date-time' },
      e: { type: 'object', additionalProperties: { type: 'string' } },
    },
  });
});

void test('only served versions are converted, metadata carried', () => {
  const crd = {
    kind: 'CustomResourceDefinition',
    spec: {
      group: 'g.io',
      names: { kind: 'K' },
      versions: [
        { name: 'v0', served: false, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
        { name: 'v1', served: true, storage: true, deprecated: true, deprecationWarning: 'old', schema: { openAPIV3Schema: { type: 'object', description: 'x' } } },
      ],
    },
  };
  const r = convertCrd(crd);
  assert.ok(r.ok);
  assert.deepEqual(r.versions.map((v) => v.meta), [{ group: 'g.io', kind: 'K', version: 'v1', served: true, storage: true, deprecated: true, deprecationWarning: 'old', schema: { type: 'object' } }]);
});

void test('a version with subresources.status records statusSubresource; one without does not', () => {
  const version = (name: string, extra: Record<string, unknown>): Record<string, unknown> => ({ name, served: true, storage: name === 'v1', schema: { openAPIV3Schema: { type: 'object' } }, ...extra });
  const crd = { kind: 'CustomResourceDefinition', spec: { group: 'g.io', names: { kind: 'K' }, versions: [version('v1', { subresources: { status: {} } }), version('v2', { subresources: { scale: {} } }), version('v3', {})] } };
  const r = convertCrd(crd);
  assert.ok(r.ok);
  assert.deepEqual(r.versions.map((v) => [v.meta.version, v.meta.statusSubresource]), [['v1', true], ['v2', undefined], ['v3', undefined]]);
});
