// The built bin as users run it (`npm test` builds first): real processes, real stdin, exit codes,
// and broken inputs that must end in a clear message, never a stack trace or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxInputBytes } from '../../src/cli/input-limits.js';
import { scratch } from './helpers.js';

const bin = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const fixtures = new URL('./fixtures/', import.meta.url).pathname;

interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function cli(args: string[], input?: string | Buffer): Ran {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: fixtures, input: input ?? '', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  const ran = { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
  assert.doesNotMatch(ran.err, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
  return ran;
}

void test('exit 0 for a valid manifest on stdin; exit 1 for a directory with a denied one', () => {
  const valid = cli(['validate', '-'], readFileSync(join(fixtures, 'manifests/valid.yaml')));
  assert.deepEqual([valid.code, valid.out], [0, '1 document: 1 allowed, 0 denied, 0 skipped, 0 unreadable; 0 errors, 0 warnings\n']);
  const dir = cli(['validate', '-o', 'github', 'manifests']);
  assert.equal(dir.code, 1);
  assert.match(dir.out, /^::error file=manifests\/mixed\.yaml,line=15,col=1,title=vmcp-admission cel-/m);
});

void test('exit 2 for usage errors, with the allowed values', () => {
  const r = cli(['validate', '--mode', 'lenient', 'x.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown --mode "lenient": allowed values are strict, crd/);
  assert.equal(cli(['frobnicate']).code, 2);
});

void test('broken inputs: syntax error and duplicate key with line:col, nonexistent file, alias bomb', () => {
  const r = cli(['validate', 'syntax-error.yaml', 'duplicate-key.yaml', 'nope.yaml', 'alias-bomb.yaml']);
  assert.equal(r.code, 2);
  assert.equal(
    r.out,
    [
      'syntax-error.yaml:8:11: yaml: Nested mappings are not allowed in compact mappings [yaml-syntax]',
      'duplicate-key.yaml:11:9: yaml: duplicate key "maxTokens" [yaml-duplicate-key]',
      'nope.yaml:1:1: cannot read: no such file or directory [input-unreadable]',
      'alias-bomb.yaml:3:1: yaml: more than 100 alias expansions; refusing a possible alias bomb [yaml-alias-limit]',
      '5 documents: 0 allowed, 0 denied, 1 skipped, 4 unreadable; 4 errors, 0 warnings',
      '',
    ].join('\n'),
  );
});

void test('binary garbage, empty input and a directory without manifests exit 2 with a clear message', () => {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const bin_ = cli(['validate', '-'], garbage);
  assert.deepEqual([bin_.code, bin_.out.split('\n')[0]], [2, '<stdin>:1:1: cannot read standard input: binary data (NUL byte), not a YAML or JSON text [input-unreadable]']);
  const empty = cli(['validate', '-'], '');
  assert.deepEqual([empty.code, empty.err], [2, 'vmcp-admission validate: no YAML document found in -\n']);
  const { dir, cleanup } = scratch({ 'docs/readme.md': '# not a manifest' });
  mkdirSync(join(dir, 'docs', 'empty'));
  try {
    const none = cli(['validate', join(dir, 'docs')]);
    assert.equal(none.code, 2);
    assert.match(none.out, /docs:1:1: directory contains no \.yaml, \.yml or \.json files \[input-no-manifests\]\n/);
  } finally {
    cleanup();
  }
});

void test('oversized stdin and pathological nesting are bounded, not crashes', () => {
  const huge = cli(['validate', '-'], Buffer.alloc(maxInputBytes + 1024, 'a'));
  assert.equal(huge.code, 2);
  assert.match(huge.out, /^<stdin>:1:1: cannot read standard input: input is larger than 32 MiB \[input-unreadable\]\n/);
  const deep = cli(['validate', '-o', 'json', '-'], `a: ${'['.repeat(200_000)}\n`);
  assert.equal(deep.code, 2);
  assert.equal(JSON.parse(deep.out).documents[0].errors[0].rule, 'yaml-too-deep');
});
