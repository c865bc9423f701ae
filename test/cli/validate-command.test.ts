// run(['validate', ...]) in-process with an injected io: exit codes, streams, formats, --crd.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { validateHelp } from '../../src/cli/args.js';
import { recordingIo, scratch, type RecordingIo } from './helpers.js';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const crdPath = new URL('../../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url).pathname;

async function validate(args: string[], stdin: string | Error = ''): Promise<{ code: number; io: RecordingIo }> {
  const io = recordingIo(fixtures, stdin);
  const code = await run(['validate', ...args], io);
  return { code, io };
}

void test('exit 0 when every document is allowed; the text summary on stdout, nothing on stderr', async () => {
  const { code, io } = await validate(['manifests/valid.yaml', 'manifests/nested/settings.json']);
  assert.equal(code, 0);
  assert.equal(io.out(), '2 documents: 1 allowed, 0 denied, 1 skipped, 0 unreadable; 0 errors, 0 warnings\n');
  assert.equal(io.err(), '');
});

void test('exit 1 when a document is denied; a directory is walked in sorted order', async () => {
  const { code, io } = await validate(['manifests']);
  assert.equal(code, 1);
  assert.equal(
    io.out(),
    [
      'manifests/mixed.yaml:15:1: spec: Invalid value: "object": config.rateLimiting.perUser requires incomingAuth.type oidc [cel-peruser-requires-oidc]',
      'manifests/mixed.yaml:27:23: spec.config.rateLimiting.perUser.refillPeriod: Invalid value: "one minute": time: invalid duration "one minute" [runtime-refill-period-duration]',
      'manifests/mixed.yaml:28:5: spec.config.ratelimit: Forbidden: unknown field "ratelimit": the operator drops it silently; did you mean "rateLimiting"? [runtime-config-unknown-key]',
      'manifests/nested/deprecated.yml:2:1: warning: toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1 [lint-deprecated-version]',
      '6 documents: 3 allowed, 1 denied, 2 skipped, 0 unreadable; 3 errors, 1 warning',
      '',
    ].join('\n'),
  );
});

void test('json output follows the contract and is identical run after run', async () => {
  const first = await validate(['-o', 'json', '--mode', 'crd', 'manifests']);
  const second = await validate(['-o', 'json', '--mode', 'crd', 'manifests']);
  assert.equal(first.io.out(), second.io.out());
  const out = JSON.parse(first.io.out());
  assert.equal(out.mode, 'crd');
  assert.deepEqual(out.summary, { documents: 6, allowed: 3, denied: 1, skipped: 2, errors: 1, warnings: 1 });
  assert.deepEqual(
    out.documents.map((d: { source: string; index: number; verdict: string }) => `${d.source}#${d.index}=${d.verdict}`),
    ['manifests/mixed.yaml#0=skipped', 'manifests/mixed.yaml#1=denied', 'manifests/mixed.yaml#3=allowed', 'manifests/nested/deprecated.yml#0=allowed', 'manifests/nested/settings.json#0=skipped', 'manifests/valid.yaml#0=allowed'],
  );
});

void test('stdin with -, and --quiet drops warnings', async () => {
  const text = readFileSync(join(fixtures, 'manifests/nested/deprecated.yml'), 'utf8');
  const loud = await validate(['-'], text);
  assert.match(loud.io.out(), /^<stdin>:2:1: warning: /);
  const quiet = await validate(['-q', '-'], text);
  assert.equal(quiet.io.out(), '1 document: 1 allowed, 0 denied, 0 skipped, 0 unreadable; 0 errors, 0 warnings\n');
  assert.equal(quiet.code, 0);
});

void test('exit 2: usage errors print one line and a hint on stderr; --help prints to stdout', async () => {
  const bad = await validate(['--output', 'yaml', 'x.yaml']);
  assert.equal(bad.code, 2);
  assert.equal(bad.io.out(), '');
  assert.equal(bad.io.err(), `vmcp-admission validate: unknown --output "yaml": allowed values are text, json, junit, sarif, github\nRun 'vmcp-admission validate --help' for usage.\n`);
  const help = await validate(['--help']);
  assert.deepEqual([help.code, help.io.out(), help.io.err()], [0, validateHelp, '']);
});

void test('exit 2: unreadable or unparseable input, and no document at all', async () => {
  const broken = await validate(['missing.yaml', 'duplicate-key.yaml', 'manifests/valid.yaml']);
  assert.equal(broken.code, 2);
  assert.match(broken.io.out(), /^missing\.yaml:1:1: cannot read: no such file or directory \[input-unreadable\]\nduplicate-key\.yaml:11:9: yaml: duplicate key "maxTokens" \[yaml-duplicate-key\]\n/);
  const empty = await validate(['-'], '# nothing here\n');
  assert.equal(empty.code, 2);
  assert.equal(empty.io.err(), 'vmcp-admission validate: no YAML document found in -\n');
  const failing = await validate(['-'], new Error('input is larger than 32 MiB'));
  assert.equal(failing.code, 2);
  assert.match(failing.io.out(), /^<stdin>:1:1: cannot read standard input: input is larger than 32 MiB \[input-unreadable\]\n/);
});

void test('--crd validates against a CRD file; an unusable CRD is a usage error naming the file', async () => {
  const withCrd = await validate(['--crd', crdPath, '-o', 'json', 'manifests/mixed.yaml']);
  assert.equal(withCrd.code, 1);
  assert.deepEqual(JSON.parse(withCrd.io.out()).summary, { documents: 3, allowed: 1, denied: 1, skipped: 1, errors: 3, warnings: 0 });
  const missing = await validate(['--crd', 'nope.yaml', 'manifests/valid.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.io.err(), /^vmcp-admission validate: --crd nope\.yaml: cannot read: /);
  const { dir, cleanup } = scratch({});
  try {
    writeFileSync(join(dir, 'not-a-crd.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    const wrong = await validate(['--crd', join(dir, 'not-a-crd.yaml'), 'manifests/valid.yaml']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.io.err(), /--crd .*not-a-crd\.yaml: /);
  } finally {
    cleanup();
  }
});

void test('a label the API server would reject is denied offline, at its position', async () => {
  const valid = readFileSync(join(fixtures, 'manifests/valid.yaml'), 'utf8');
  const text = valid.replace('  namespace: toolhive\n', '  namespace: toolhive\n  labels:\n    team: platform\n    owner: platform team\n');
  const { code, io } = await validate(['-'], text);
  assert.equal(code, 1);
  const [line] = io.out().split('\n');
  assert.match(line!, /^<stdin>:9:12: metadata\.labels: Invalid value: "platform team": a valid label must be an empty string or consist of /);
});
