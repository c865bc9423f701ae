// Integration: every fixture under ./fixtures runs through validateObject with the built-in schemas;
// its leading comment lists the expected findings per mode (`# <mode>: <severity> <rule> <message>`
// or `# <mode>: none`), in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateObject, type Mode } from '../../src/core/validate.js';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';

const dir = new URL('./fixtures/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function expected(text: string, mode: Mode): string[] {
  const lines = text.split('\n').filter((l) => l.startsWith(`# ${mode}: `)).map((l) => l.slice(`# ${mode}: `.length));
  return lines.length === 1 && lines[0] === 'none' ? [] : lines;
}

void test('fixtures carry expectations for both modes', () => {
  assert.ok(files.length >= 10);
  for (const f of files) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    for (const mode of ['crd', 'strict']) assert.match(text, new RegExp(`^# ${mode}: `, 'm'), `${f} lacks # ${mode}:`);
  }
});

for (const file of files) {
  void test(`fixture ${file}`, async () => {
    const schemas = await loadBuiltinSchemas();
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const mode of ['crd', 'strict'] as const) {
      const result = validateObject(parse(text, { version: '1.1' }), { mode, schemas });
      const got = result.findings.map((f) => `${f.severity} ${f.rule} ${f.message}`);
      assert.deepEqual(got, expected(text, mode), `${file} (${mode})`);
      assert.equal(result.allowed, !got.some((g) => g.startsWith('error ')));
    }
  });
}
