// Benchmark (prints numbers, asserts nothing): renders per second of one full-featured
// VirtualMCPServer (OIDC + inline authz, rate limits on every level, Redis session storage,
// aggregation with a referenced MCPToolConfig, composite tools, operational overrides, metadata,
// audit, optimizer, codeMode). Full path = engine pre-check + model + emitter + ConfigMap checksum;
// also the render steps alone. Target (issue #3): >= 5,000 renders/s.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { loadBuiltinSchemas } from '../src/core/schema/builtin.js';
import { validateObject } from '../src/core/validate.js';
import { buildConfigModel } from '../src/render/config-model.js';
import { buildConfigMap } from '../src/render/configmap.js';
import { emitYaml } from '../src/render/emit-yaml.js';
import { encodeTyped } from '../src/render/encode-typed.js';
import { ObjectIndex } from '../src/render/refs.js';
import { renderConfigs } from '../src/render/render.js';

const fixture = new URL('../test/render/fixtures/full-featured.vmcp.yaml', import.meta.url);
const objects = parseAllDocuments(readFileSync(fixture, 'utf8')).map((d) => d.toJS() as unknown);
const schemas = await loadBuiltinSchemas();
const rounds = 5;
const perRound = 2_000;

/** Wall-clock rate and rate per CPU-second of this process (the latter is steadier on a busy machine). */
function measure(label: string, fn: () => void, objectsPerCall = 1): number {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < perRound; i++) fn();
    const used = process.cpuUsage(startCpu);
    wall.push((perRound * objectsPerCall) / ((performance.now() - start) / 1000));
    cpu.push((perRound * objectsPerCall) / ((used.user + used.system) / 1e6));
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const show = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(7);
  console.log(`${label.padEnd(46)} ${show(median(wall))}/s wall   ${show(median(cpu))}/s per CPU-second   ${(1e6 / median(cpu)).toFixed(1).padStart(6)} us`);
  return median(cpu);
}

const first = renderConfigs(objects, schemas);
if (!first.ok) throw new Error(first.findings.map((f) => f.message).join('\n'));
console.log(`render: full-featured spec -> ${first.outputs[0]!.configYaml.length} bytes of config.yaml`);

const vmcp = objects[0];
const index = new ObjectIndex(objects);
const defaulted = validateObject(vmcp, { mode: 'strict', schemas }).object as Record<string, unknown>;

const model = buildConfigModel(defaulted, index).config;
const encoded = encodeTyped('config.Config', model).node;
const yamlText = emitYaml(encoded);
const full = (): void => void renderConfigs(objects, schemas);
const renderOnly = (): void => void emitYaml(encodeTyped('config.Config', buildConfigModel(defaulted, index).config).node);
const precheck = (): void => void validateObject(vmcp, { mode: 'strict', schemas });
const parts: readonly [string, () => void][] = [
  ['  model (buildConfigModel)', (): void => void buildConfigModel(defaulted, index)],
  ['  encode (encodeTyped)', (): void => void encodeTyped('config.Config', model)],
  ['  emit (emitYaml)', (): void => void emitYaml(encoded)],
  ['  ConfigMap + checksum (buildConfigMap)', (): void => void buildConfigMap('demo', 'tools', yamlText)],
];
// Warm every path up before measuring any, so JIT tiering does not favour whichever runs last.
for (let i = 0; i < 3_000; i++) {
  full();
  renderOnly();
  precheck();
  for (const [, fn] of parts) fn();
}

const fullRate = measure('renderConfigs (pre-check + render + checksum)', full);
const renderRate = measure('model + encode + emit (no pre-check)', renderOnly);
const partRates = parts.map(([label, fn]) => measure(label, fn));
const precheckRate = measure('engine pre-check alone (validateObject)', precheck);
// The whole costs more than its parts: each part alone runs with warm caches (CPU caches, V8's
// shared property-lookup cache); alternating engine and renderer per object refills them each time.
// Running each part for 10 objects before the next part shows it (most of the extra goes away).
const BLOCK = 10;
const blocked = (): void => {
  for (let i = 0; i < BLOCK; i++) precheck();
  for (let i = 0; i < BLOCK; i++) renderOnly();
  for (let i = 0; i < BLOCK; i++) parts[3]![1]();
};
measure(`the three parts, ${BLOCK} objects per phase`, blocked, BLOCK);
const sumUs = 1e6 / precheckRate + 1e6 / renderRate + 1e6 / partRates[3]!;
console.log(`renderConfigs ${(1e6 / fullRate).toFixed(1)} us vs ${sumUs.toFixed(1)} us for pre-check + render + ConfigMap measured apart (x${(1e6 / fullRate / sumUs).toFixed(2)})`);
console.log(`target: >= 5,000 renders/s for renderConfigs: ${Math.round(fullRate).toLocaleString('en-US')}/s per CPU-second = x${(fullRate / 5000).toFixed(2)} of target (load average now ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
