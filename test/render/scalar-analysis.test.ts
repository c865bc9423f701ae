// The printable-ASCII fast path of analyzeScalar must agree with libyaml's character scan
// (analyzeByScan) on every string: checked on hand-picked edge cases and on all short strings
// drawn from the characters that drive the decisions (spaces and every indicator).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeByScan, analyzeScalar } from '../../src/render/scalar-analysis.js';

const EDGES = [
  'https://example.com/a b', 'a: b', 'a:b', 'a:', ' a', 'a ', ' ', '  ', 'a #b', 'a#b', '#a', '---', '--- x', '...x',
  '- a', '-a', '-', '? a', '?a', ':', ': a', "'q'", '"q"', '`x`', '@x', '%x', '|x', '>x', '!x', '*x', '&x', '{x', '[x', ',x',
  'x]', 'x}', 'rate limit of 10 tokens', 'x\ty', 'é a', 'a\nb',
];

void test('fast path agrees with the scan on edge cases', () => {
  for (const s of EDGES) assert.deepEqual(analyzeScalar(s), analyzeByScan(s), JSON.stringify(s));
});

void test('fast path agrees with the scan on every string up to length 4 over the deciding characters', () => {
  const alphabet = [' ', 'a', '#', ':', '-', '?', '.', ',', '[', '&', '|', "'", '/'];
  let strings = [''];
  for (let len = 1; len <= 4; len++) {
    strings = strings.flatMap((s) => (s.length === len - 1 ? alphabet.map((c) => s + c) : []));
    for (const s of strings) assert.deepEqual(analyzeScalar(s), analyzeByScan(s), JSON.stringify(s));
  }
});

void test('the cases the fast path distinguishes', () => {
  assert.equal(analyzeScalar('a: b').blockPlain, false);
  assert.equal(analyzeScalar('http://x').blockPlain, true);
  assert.equal(analyzeScalar('a ').block, false);
  assert.equal(analyzeScalar(' a').block, true);
  assert.equal(analyzeScalar(' a').blockPlain, false);
});
