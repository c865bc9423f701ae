import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicateKeys } from '../../src/cli/duplicate-keys.js';
import { readYamlStream } from '../../src/cli/yaml-stream.js';

function duplicates(text: string): string[] {
  const stream = readYamlStream(text);
  const docs = [...stream.items].flatMap((i) => ('doc' in i ? [i.doc] : []));
  return docs.flatMap((d) => findDuplicateKeys(d).map((k) => {
    const pos = stream.lineCounter.linePos(k.offset);
    return `${k.key}@${pos.line}:${pos.col}`;
  }));
}

void test('repeated keys in block and flow mappings, nested in sequences, in document order', () => {
  assert.deepEqual(duplicates('a: 1\nb:\n  - {x: 1, x: 2}\n  - z: 1\n    z: 2\na: 3\n'), ['x@3:12', 'z@5:5', 'a@6:1']);
});

void test('equal values are duplicates, different types are not; merge keys may repeat', () => {
  assert.deepEqual(duplicates('"a": 1\na: 2\n1: x\n"1": y\n'), ['a@2:1']);
  assert.deepEqual(duplicates('b: &b {x: 1}\nc: &c {y: 1}\nm:\n  <<: *b\n  <<: *c\n'), []);
  assert.deepEqual(duplicates('a: 1\n---\na: 2\n'), []);
});

void test('linear time: a mapping of 60,000 keys with one repeat at the end is checked quickly', () => {
  const text = `${Array.from({ length: 60_000 }, (_, i) => `k${i}: 1\n`).join('')}k7: 2\n`;
  const start = performance.now();
  assert.deepEqual(duplicates(text), ['k7@60001:1']);
  assert.ok(performance.now() - start < 20_000);
});
