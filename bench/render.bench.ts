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
function measure(label: string, fn: () => void): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < perRound; i++) fn();
    const used = process.cpuUsage(startCpu);
    wall.push(perRound / ((performance.now() - start) / 1000));
    cpu.push(perRound / ((used.user + used.system) / 1e6));
  }
  const median = (xs: number[]): string => Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!).toLocaleString('en-US');
  console.log(`${label.padEnd(46)} ${median(wall).padStart(7)}/s wall   ${median(cpu).padStart(7)}/s per CPU-second`);
}

const first = renderConfigs(objects, schemas);
if (!first.ok) throw new Error(first.findings.map((f) => f.message).join('\n'));
console.log(`render: full-featured spec -> ${first.outputs[0]!.configYaml.length} bytes of config.yaml`);

const vmcp = objects[0];
const index = new ObjectIndex(objects);
const defaulted = validateObject(vmcp, { mode: 'strict', schemas }).object as Record<string, unknown>;

const full = (): void => void renderConfigs(objects, schemas);
const renderOnly = (): void => void emitYaml(encodeTyped('config.Config', buildConfigModel(defaulted, index).config).node);
const precheck = (): void => void validateObject(vmcp, { mode: 'strict', schemas });
// Warm every path up before measuring any, so JIT tiering does not favour whichever runs last.
for (let i = 0; i < 3_000; i++) {
  full();
  renderOnly();
  precheck();
}

measure('renderConfigs (pre-check + render + checksum)', full);
measure('model + encode + emit (no pre-check)', renderOnly);
measure('engine pre-check alone (validateObject)', precheck);
console.log(`target: >= 5,000 renders/s for renderConfigs (load average now ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
