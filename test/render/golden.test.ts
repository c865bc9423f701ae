// Golden pairs under golden/: <case>.vmcp.yaml (VirtualMCPServer(s) + referenced objects) and
// <case>.config.yaml, the operator's config.yaml written by hand from docs/upstream-behaviour.md c/d (several
// VirtualMCPServers: their configs joined with `---`). Byte-exact, then a round trip through the
// `yaml` parser must give back the same values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { loadBuiltinSchemas } from '../../src/core/schema/builtin.js';
import { renderConfigs } from '../../src/render/render.js';

const dir = new URL('./golden/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.vmcp.yaml')).map((f) => f.slice(0, -'.vmcp.yaml'.length)).sort();
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

void test('every golden case has its expected config', () => {
  assert.ok(cases.length >= 20, `only ${cases.length} golden cases`);
  for (const c of cases) assert.ok(readdirSync(dir).includes(`${c}.config.yaml`), c);
});

for (const c of cases) {
  void test(`golden: ${c}`, async () => {
    const objects = parseAllDocuments(read(`${c}.vmcp.yaml`)).map((d) => d.toJS() as unknown);
    const result = renderConfigs(objects, await loadBuiltinSchemas());
    assert.ok(result.ok, result.ok ? '' : result.findings.map((f) => f.message).join('\n'));
    const text = result.outputs.map((o) => o.configYaml).join('---\n');
    assert.equal(text, read(`${c}.config.yaml`));
    for (const o of result.outputs) {
      const reparsed = parse(o.configYaml) as Record<string, unknown>;
      assert.equal(reparsed.name, o.name);
      assert.equal(parse(o.configMap.data['config.yaml']!, { version: '1.1' }) !== null, true);
    }
  });
}
