// --namespace-selector text as a metav1.LabelSelector.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabelSelector } from '../../src/policy/selector.js';

void test('equality, inequality, sets and existence, with commas inside sets', () => {
  assert.deepEqual(parseLabelSelector('team=a, env==prod,tier!=db,zone in (a, b),legacy,!frozen,app notin (x)'), {
    selector: {
      matchLabels: { team: 'a', env: 'prod' },
      matchExpressions: [
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'zone', operator: 'In', values: ['a', 'b'] },
        { key: 'legacy', operator: 'Exists' },
        { key: 'frozen', operator: 'DoesNotExist' },
        { key: 'app', operator: 'NotIn', values: ['x'] },
      ],
    },
  });
  assert.deepEqual(parseLabelSelector('kubernetes.io/metadata.name=team-a'), { selector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-a' } } });
});

void test('text that is not a selector term is an error naming the term', () => {
  assert.deepEqual(parseLabelSelector('a b'), { error: 'not a label selector term: "a b"' });
  assert.ok('error' in parseLabelSelector('a=b,'));
});
