// Every pattern of the CRD, translated from Go RE2 and run on samples that separate RE2 from a
// naive JavaScript reading (\s without \v or NBSP, `.` matching \r, `µ` vs `μ`, ...), plus the
// RE2 constructs JavaScript spells differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Re2SyntaxError, translateRe2 } from '../../../src/core/schema/re2.js';

const crdUrl = new URL('../../../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url);

/** pattern -> [strings RE2 matches, strings RE2 rejects] */
const crdPatterns: Record<string, [string[], string[]]> = {
  '^https?://[^\\s?#]+[^/\\s?#]$': [['https://idp.example.com', 'http://a/b', 'https://a\vb', 'https://a\u00a0b'], ['https://a/', 'https://a b', 'https://a?x', 'https://a#x', 'ftp://a', 'https://a\tb']],
  '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$': [['openid', 'a!#[]~'], ['', 'a b', 'say"hi"', 'back\\slash', 'é']],
  '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$': [['30s', '1m30s', '1.5h', '10µs', '5us'], ['', '1d', '1μs', '.5s', '1.s', '-1s', '1 s', '1S', '30s\n']],
  '^https://[^\\s?#]+$': [['https://a/b/', 'https://a\u2028'], ['http://a', 'https://a b', 'https://a?b']],
  '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$': [['a', 'my-idp', 'a1'], ['', '-a', 'a-', 'A', 'a_b']],
  '^https?://[^[:space:]]+$': [['https://a', 'http://a\u00a0b'], ['https://a\vb', 'https://a b', 'https://', 'https://a\r']],
  '^[^*]+$': [['abc', 'a b'], ['', 'a*b', '*']],
  '^https?://.*$': [['https://', 'http://a\rb', 'https://a\u2028b'], ['https://a\nb', 'ftp://x']],
  '^https://[^\\s?#]+[^/\\s?#]$': [['https://a.b/c'], ['https://a.b/', 'http://a.b']],
  '^https://.*$': [['https://x y'], ['http://x', 'https://x\n']],
  '^([a-zA-Z_][a-zA-Z0-9_]*)?$': [['', 'groups', '_a1'], ['1a', 'a-b', 'ä']],
  '^https?://': [['http://', 'https://anything at all'], ['HTTP://x', ' https://x']],
  '^[^\\x00-\\x08\\x0A-\\x1F\\x7F]*$': [['', 'tab\there', 'ünïcödé'], ['new\nline', 'bell\x07', 'del\x7f', 'cr\r']],
  '^([0-9]*[.])?[0-9]+$': [['0.05', '1', '.5'], ['1.', '', 'a', '1.2.3']],
  '^[A-Za-z_][A-Za-z0-9_]*$': [['User', '_x9'], ['', '9x', 'a b']],
  '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$': [['Group', 'a:b,c_d'], ['a:', ':a', '']],
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$': [['name', 'example.com/name', 'a.b/C_d.e'], ['', '/name', 'Example.com/name', 'name-', 'a/b/c']],
};

function collectPatterns(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectPatterns(n, into));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') into.add(v);
      else collectPatterns(v, into);
    }
  }
  return into;
}

void test('every pattern in the CRD has samples here', () => {
  const crd = parse(readFileSync(crdUrl, 'utf8'));
  const found = collectPatterns(crd.spec.versions, new Set());
  assert.deepEqual([...found].sort(), Object.keys(crdPatterns).sort());
});

for (const [pattern, [matching, rejected]] of Object.entries(crdPatterns)) {
  void test(`CRD pattern ${pattern}`, () => {
    const re = new RegExp(translateRe2(pattern), 'u');
    for (const s of matching) assert.ok(re.test(s), `${JSON.stringify(s)} should match`);
    for (const s of rejected) assert.ok(!re.test(s), `${JSON.stringify(s)} should not match`);
  });
}

const constructs: [string, string[], string[]][] = [
  ['\\Aab\\z', ['ab'], ['ab\n', 'xab']],
  ['(?i)ab', ['AB', 'aB'], ['a']],
  ['(?i)k', ['\u212a', 'K'], ['x']],
  ['a(?i:b)c', ['aBc'], ['ABc']],
  ['(?s)a.b', ['a\nb'], ['ab']],
  ['(?m)^b$', ['a\nb\nc'], ['a\rb']],
  ['\\Q.*\\E', ['.*'], ['ab']],
  ['^a{,2}$', ['a{,2}'], ['aa']],
  ['^a{2}$', ['aa'], ['a']],
  ['^[]a]+$', [']a]'], ['b']],
  ['^[[:^digit:]]+$', ['ab'], ['a1']],
  ['^\\x{1F600}$', ['\u{1F600}'], ['x']],
  ['^\\101$', ['A'], ['B']],
  ['^\\pL+$', ['héllo'], ['h1']],
  ['^\\p{Greek}$', ['λ'], ['l']],
  ['^\\-\\#$', ['-#'], ['x']],
  ['^a}]$', ['a}]'], ['a']],
  ['^(?P<year>\\d{4})$', ['2024'], ['24']],
  ['^[\\d\\-]+$', ['1-2'], ['a']],
  ['^\\S+$', ['a\u00a0b'], ['a b']],
  ['(?U)a+', ['a'], ['b']],
];

for (const [pattern, matching, rejected] of constructs) {
  void test(`RE2 construct ${pattern}`, () => {
    const re = new RegExp(translateRe2(pattern), 'u');
    for (const s of matching) assert.ok(re.test(s), `${JSON.stringify(s)} should match ${re.source}`);
    for (const s of rejected) assert.ok(!re.test(s), `${JSON.stringify(s)} should not match ${re.source}`);
  });
}

void test('(?U) makes greedy quantifiers lazy and lazy ones greedy', () => {
  assert.equal(new RegExp(translateRe2('(?U)a+'), 'u').exec('aaa')?.[0], 'a');
  assert.equal(new RegExp(translateRe2('(?U)a+?'), 'u').exec('aaa')?.[0], 'aaa');
});

void test('syntax RE2 rejects is reported, not mistranslated', () => {
  for (const bad of ['\\1', '(a', 'a)', '[a', '\\q', '[z-a]', '(?#x)']) {
    assert.throws(() => translateRe2(bad), Re2SyntaxError, bad);
  }
});
