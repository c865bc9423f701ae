import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatcher } from '../../src/cli/glob.js';

void test('a pattern without / matches any one name on the path; * and ? stay within a name', () => {
  const m = globMatcher(['vendor', '*.generated.yaml', 'v?.json']);
  assert.ok(m('charts/vendor/x.yaml'));
  assert.ok(m('vendor'));
  assert.ok(m('a/b.generated.yaml'));
  assert.ok(m('v1.json'));
  assert.ok(!m('vendors/x.yaml'));
  assert.ok(!m('a/b.yaml'));
  assert.ok(!m('v10.json'));
});

void test('a pattern with / matches the whole path; ** spans folders; ./ and backslashes are normalised', () => {
  const m = globMatcher(['charts/**', 'deploy/*/secret.yaml', '**/test/*.yaml']);
  assert.ok(m('charts/a/b/c.yaml'));
  assert.ok(m('./charts/a.yaml'));
  assert.ok(m('deploy\\prod\\secret.yaml'));
  assert.ok(!m('deploy/prod/eu/secret.yaml'));
  assert.ok(m('test/x.yaml'));
  assert.ok(m('a/b/test/x.yaml'));
  assert.ok(!m('other/charts/a.yaml'));
  assert.ok(!m('deploy/prod/other.yaml'));
});

void test('regex characters are literal; no globs match nothing', () => {
  assert.ok(globMatcher(['a+b(1).yaml'])('x/a+b(1).yaml'));
  assert.ok(!globMatcher(['a+b(1).yaml'])('x/aab1.yaml'));
  assert.ok(!globMatcher([])('anything'));
});
