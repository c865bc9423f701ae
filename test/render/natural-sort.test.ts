// yaml.v3's natural key order (sorter.go keyList.Less), worked out by hand from its rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { naturalLess } from '../../src/render/natural-sort.js';

const sorted = (keys: string[]): string[] => [...keys].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));

void test('digit runs compare by value, then by length (leading zeros last)', () => {
  assert.deepEqual(sorted(['a01', 'a1', 'a00', 'a', 'a0']), ['a', 'a0', 'a00', 'a1', 'a01']);
  assert.deepEqual(sorted(['region10', 'region2', 'region1']), ['region1', 'region2', 'region10']);
  assert.deepEqual(sorted(['v1.10', 'v1.9', 'v1.2']), ['v1.2', 'v1.9', 'v1.10']);
});

// x_1 < x9: at a mismatch of two non-letters Go compares digit runs, and a non-digit counts as 0.
void test('letters by code point; a non-letter before a letter, except right after digits', () => {
  assert.deepEqual(sorted(['xa', 'x_1', 'x.1', 'x9']), ['x.1', 'x_1', 'x9', 'xa']);
  assert.deepEqual(sorted(['1_', '1a']), ['1a', '1_']);
  assert.deepEqual(sorted(['b', 'B', 'a', 'A', 'é']), ['A', 'B', 'a', 'b', 'é']);
});

void test('a prefix sorts first; equal keys are not less', () => {
  assert.equal(naturalLess('team', 'teams'), true);
  assert.equal(naturalLess('same', 'same'), false);
});
