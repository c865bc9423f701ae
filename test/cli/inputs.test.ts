import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, type Input } from '../../src/cli/inputs.js';
import { maxInputBytes } from '../../src/cli/input-limits.js';
import { problemText } from '../../src/cli/input-problem.js';
import { recordingIo, scratch } from './helpers.js';

const summary = (inputs: Input[]): string[] => inputs.map((i) => (i.kind === 'text' ? `${i.source}=${i.text}` : `${i.source}!${i.rule}: ${problemText(i)}`));

void test('directories are searched recursively for .yaml/.yml/.json, sorted, named under the argument', async () => {
  const { dir, cleanup } = scratch({ 'm/b.yaml': 'b', 'm/a.yml': 'a', 'm/sub/z.json': 'z', 'm/A.yaml': 'A', 'm/notes.txt': 'x', 'm/sub/deeper/c.yaml': 'c', 'one.yaml': '1' });
  try {
    const inputs = await readInputs(['one.yaml', 'm'], recordingIo(dir));
    assert.deepEqual(summary(inputs), ['one.yaml=1', 'm/A.yaml=A', 'm/a.yml=a', 'm/b.yaml=b', 'm/sub/deeper/c.yaml=c', 'm/sub/z.json=z']);
  } finally {
    cleanup();
  }
});

void test('unreadable inputs become values that name the input and the reason', async () => {
  const { dir, cleanup } = scratch({ 'bin.yaml': new Uint8Array([0x61, 0, 0x62]), 'latin1.yaml': new Uint8Array([0x61, 0xe9, 0x0a]), 'bom.yaml': '\uFEFFa: 1\n' });
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'readme.md'), '# none');
  try {
    const inputs = await readInputs(['missing.yaml', 'bin.yaml', 'latin1.yaml', 'empty', 'bom.yaml'], recordingIo(dir));
    assert.deepEqual(summary(inputs), [
      'missing.yaml!input-unreadable: cannot read: no such file or directory',
      'bin.yaml!input-not-text: binary data (NUL byte), not a YAML or JSON text',
      'latin1.yaml!input-not-text: not valid UTF-8 text',
      'empty!input-no-manifests: directory contains no .yaml, .yml or .json files',
      'bom.yaml=a: 1\n',
    ]);
  } finally {
    cleanup();
  }
});

void test('a file over the size limit is refused without reading it', async () => {
  const { dir, cleanup } = scratch({ 'huge.yaml': '' });
  truncateSync(join(dir, 'huge.yaml'), maxInputBytes + 1); // sparse: no 32 MiB write
  try {
    assert.deepEqual(summary(await readInputs(['huge.yaml'], recordingIo(dir))), ['huge.yaml!input-too-large: file is larger than 32 MiB']);
  } finally {
    cleanup();
  }
});

void test('stdin is read once through the injected io; its failures are reported, not thrown', async () => {
  assert.deepEqual(summary(await readInputs(['-'], recordingIo('/', 'kind: X\n'))), ['<stdin>=kind: X\n']);
  assert.deepEqual(summary(await readInputs(['-'], recordingIo('/', new Error('input is larger than 32 MiB')))), [
    '<stdin>!input-unreadable: cannot read standard input: input is larger than 32 MiB',
  ]);
  assert.deepEqual(summary(await readInputs(['-'], recordingIo('/', 'a\u0000'))), ['<stdin>!input-not-text: binary data (NUL byte), not a YAML or JSON text']);
});
