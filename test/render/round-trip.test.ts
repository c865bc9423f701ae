// Round trip: the rendered text, parsed back by an independent YAML parser, yields exactly the
// values the model holds (so quoting never changes a value's type), for every golden case and
// for the emitter's scalar table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { validateObject } from '../../src/core/validate.js';
import { buildConfigModel } from '../../src/render/config-model.js';
import { emitYaml } from '../../src/render/emit-yaml.js';
import { encodeTyped } from '../../src/render/encode-typed.js';
import { ObjectIndex } from '../../src/render/refs.js';
import { Float64, YamlMap, type YamlNode } from '../../src/render/yaml-node.js';

function toJs(node: YamlNode): unknown {
  if (node instanceof YamlMap) return Object.fromEntries(node.entries.map(([k, v]) => [k, toJs(v)]));
  if (Array.isArray(node)) return (node as readonly YamlNode[]).map(toJs);
  if (node instanceof Float64) return node.value;
  return typeof node === 'bigint' ? Number(node) : node;
}

const dir = new URL('./golden/', import.meta.url);

void test('every golden config parses back to the model values', async () => {
  const schemas = await loadBuiltinSchemas();
  const files = readdirSync(dir).filter((f) => f.endsWith('.vmcp.yaml'));
  let checked = 0;
  for (const file of files) {
    const objects = parseAllDocuments(readFileSync(new URL(file, dir), 'utf8')).map((d) => d.toJS() as unknown);
    const index = new ObjectIndex(objects);
    for (const o of objects) {
      if ((o as { kind?: string }).kind !== 'VirtualMCPServer') continue;
      const validated = validateObject(o, { mode: 'strict', schemas });
      const node = encodeTyped('config.Config', buildConfigModel(validated.object as Record<string, unknown>, index).config).node;
      assert.deepEqual(parse(emitYaml(node)), toJs(node), file);
      checked++;
    }
  }
  assert.ok(checked >= 20);
});

const tricky = ['on', 'yes', 'n', 'Y', 'true', 'null', '~', '', '123', '1.0', '0x1F', '1e3', '.5', '-12', '1_000', '08', '.inf', '1:20',
  '2024-01-02', '{workload}_', '[]', 'thv:prod:', 'a: b', 'a #b', '@x', '- x', '-', '---', "'q'", '"q"', ' a', 'a ', 'a\tb', 'a\u0001b',
  'a😀', 'héllo', 'a\nb', 'a\nb\n', 'a\n\n', ' a\nb', 'a \nb', '\ufeffa', 'x'.repeat(200)];
// Not here: U+2028 (a line break for yaml.v3's YAML 1.1 reader, not for a YAML 1.2 parser) and
// 1e400 (yaml.v3 keeps it a string because Go's ParseFloat overflows).

void test('tricky strings survive as strings, as values and as keys', () => {
  for (const s of tricky) {
    const text = emitYaml(new YamlMap([['k', s], [s, 'v']]));
    const back = parse(text) as Record<string, unknown>;
    assert.equal(back.k, s, JSON.stringify(s));
    assert.equal(back[s], 'v', JSON.stringify(s));
  }
});

void test('float64 values survive', () => {
  for (const f of [1000000, 1234567.8, 0.00001, 2.5, 999999, 0.0001, 1e100, -1500000, 9007199254740992]) {
    assert.equal((parse(emitYaml(new YamlMap([['k', new Float64(f)]]))) as { k: number }).k, f);
  }
});
