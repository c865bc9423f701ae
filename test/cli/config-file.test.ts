// .vmcp-admission.yaml: found upward, checked by its JSON Schema with line:column, mapped to options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { configFileSchema, findConfigFile, loadConfigFile, parseConfigFile } from '../../src/cli/config-file.js';
import { failOnLevels, modes, outputFormats, refsLevels } from '../../src/cli/args.js';
import { scratch } from './helpers.js';

void test('every option with its flag\'s values; names as the flags spell them', async () => {
  const r = await parseConfigFile('mode: crd\noutput: sarif\nfail-on: warning\ndisable: [lint-deprecated-version]\nexclude: ["charts/**"]\nrefs: warn\n', 'c.yaml');
  assert.deepEqual(r, { ok: true, path: 'c.yaml', options: { mode: 'crd', output: 'sarif', failOn: 'warning', disable: ['lint-deprecated-version'], exclude: ['charts/**'], refs: 'warn' } });
  assert.deepEqual(await parseConfigFile('', 'c.yaml'), { ok: true, path: 'c.yaml', options: {} });
  assert.deepEqual(configFileSchema.properties.mode.enum, modes);
  assert.deepEqual(configFileSchema.properties.output.enum, outputFormats);
  assert.deepEqual(configFileSchema.properties['fail-on'].enum, failOnLevels);
  assert.deepEqual(configFileSchema.properties.refs.enum, refsLevels);
});

const error = async (text: string): Promise<string> => {
  const r = await parseConfigFile(text, 'c.yaml');
  assert.ok(!r.ok);
  return r.ok ? '' : r.error;
};

void test('schema errors name the file, line and column of the offending node', async () => {
  assert.equal(await error('mode: strict\nfailOn: warning\n'), 'c.yaml:2:1: unknown option "failOn"; allowed: mode, output, fail-on, disable, exclude, refs');
  assert.equal(await error('exclude:\n  - ok\n  - 3\n'), 'c.yaml:3:5: exclude[1] must be string');
  assert.equal(await error('refs: always\n'), 'c.yaml:1:7: refs must be one of warn, deny, off');
  assert.equal(await error('- a\n'), 'c.yaml:1:1: the file must be object');
  assert.equal(await error('mode: crd\nmode: strict\n'), 'c.yaml:2:1: yaml: Map keys must be unique');
  assert.match(await error('disable: [cel-crd-rule]\n'), /^c\.yaml: disable: cel-crd-rule: a cel rule .* cannot be disabled/);
});

void test('found in the working directory or above; --config names one; --no-config ignores them', async () => {
  const { dir, cleanup } = scratch({ '.vmcp-admission.yaml': 'mode: crd\n', 'a/b/placeholder': '' });
  try {
    assert.equal(await findConfigFile(join(dir, 'a', 'b')), join(dir, '.vmcp-admission.yaml'));
    assert.deepEqual(await loadConfigFile(undefined, join(dir, 'a', 'b')), { ok: true, path: '../../.vmcp-admission.yaml', options: { mode: 'crd' } });
    assert.deepEqual(await loadConfigFile(false, dir), { ok: true, path: undefined, options: {} });
    assert.deepEqual(await loadConfigFile('nope.yaml', dir), { ok: false, error: 'nope.yaml: cannot read the configuration file: no such file' });
  } finally {
    cleanup();
  }
});
