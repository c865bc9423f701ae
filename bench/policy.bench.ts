// Benchmark (prints numbers, asserts nothing): what `vmcp-admission policy` spends its time on, the
// bounds search (src/policy/bounds.ts), against baselines measured in the same run:
//  - one pricing of both policies at the bounds with the full two-pass estimate of every loop step
//    (reuseSteps: false, as before the reuse; exponential in the nesting) against the shipped one;
//  - the whole search (many trials, with its memo) against that one full-estimate pricing;
//  - the cold start of the built `policy` and `policy --explain` against bare `node -e 0`.
// Target: `policy` under 1 s on the shared 2-core development machine (was ~5 s). CPU time is the
// steadier figure there; the load average printed with the cold starts moves the wall clock a lot.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBuiltinSchemas } from '../src/core/schema/builtin.js';
import { policyCost, resourceShape, searchBounds } from '../src/policy/bounds.js';
import { specBuilder } from '../src/policy/build.js';
import { parseCel } from '../src/policy/cel-parse.js';

const rounds = 5;
const coldRuns = 9;
const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median CPU milliseconds of `once` over the rounds (after one warm-up call). */
function cpuMs(once: () => void): number {
  once();
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    once();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  return median(cpu);
}

const schemas = await loadBuiltinSchemas();
const schema = schemas.get('v1beta1')!.meta.schema;
const object = resourceShape(schema);
const bounds = searchBounds(specBuilder(schema), schema, parseCel);
const specs = specBuilder(schema)(bounds);
const asts = new Map<string, ReturnType<typeof parseCel>>();
const parse = (t: string): ReturnType<typeof parseCel> => asts.get(t) ?? asts.set(t, parseCel(t)).get(t)!;
const price = (reuseSteps: boolean) => (): void => specs.forEach((spec) => void policyCost(spec, { parse, object, reuseSteps }));

const full = cpuMs(price(false));
const reused = cpuMs(price(true));
const search = cpuMs(() => void searchBounds(specBuilder(schema), schema, parseCel));
console.log(`policy bounds: tools ${bounds.tools}, configKeys ${bounds.configKeys}, mapEntries ${bounds.mapEntries}`);
console.log(`pricing both policies once at the bounds: full two-pass estimate ${full.toFixed(1)} ms CPU, with reuse ${reused.toFixed(1)} ms CPU, ratio ${(full / reused).toFixed(1)}x`);
console.log(`whole bounds search (warm, memo over the trials): ${search.toFixed(1)} ms CPU = ${(search / full).toFixed(2)}x one full-estimate pricing`);

function coldStart(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - start;
}

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const bin = join(root, pkg.bin['vmcp-admission']!);
const runs: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['policy', [bin, 'policy']],
  ['policy --explain', [bin, 'policy', '--explain']],
];
runs.forEach(([, args]) => coldStart(args));
const times = runs.map((): number[] => []);
for (let r = 0; r < coldRuns; r++) runs.forEach(([, args], i) => times[i]!.push(coldStart(args)));
console.log(`cold start (median of ${coldRuns}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
const bare = median(times[0]!);
runs.forEach(([label], i) => console.log(`  ${label.padEnd(18)} ${median(times[i]!).toFixed(0).padStart(5)} ms wall${i === 0 ? '' : `, ${(median(times[i]!) / bare).toFixed(1)}x node -e 0`}`));
