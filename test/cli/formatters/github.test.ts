import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeData, escapeProperty, formatGithub } from '../../../src/cli/formatters/github.js';
import { sampleReport } from './sample-report.js';

void test('workflow-command escaping: data escapes % CR LF; properties also : and ,', () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('dir/a, b: c%.yaml'), 'dir/a%2C b%3A c%25.yaml');
});

void test('one command per finding, errors as ::error and warnings as ::warning, never a raw newline inside', () => {
  const lines = formatGithub(sampleReport).trimEnd().split('\n');
  const commands = lines.filter((l) => l.startsWith('::'));
  assert.equal(commands.length, 6);
  assert.equal(commands.filter((l) => l.startsWith('::warning ')).length, 2);
  assert.ok(commands.includes('::error file=odd%2C name%3A "x".yaml,line=4,col=3,title=vmcp-admission yaml-duplicate-key::yaml: duplicate key "a"'));
  assert.match(lines.at(-1)!, /^5 documents: /);
});
