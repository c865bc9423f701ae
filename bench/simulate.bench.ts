// Benchmark (prints numbers, asserts nothing): calls per second through the in-memory limiter of
// `simulate`, on a seeded synthetic load against four buckets per call (server shared, tool shared,
// per user, tool per user). Decision only, and decision + tally (what `simulate -o text` does).
// Target (issue #15): >= 1,000,000 calls/s in memory.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { limiterConfig } from '../src/ratelimit/limiter-config.js';
import { MemoryLimiter, toMicros } from '../src/ratelimit/limiter.js';
import { generateLoad } from '../src/ratelimit/load.js';
import { Tally } from '../src/ratelimit/simulate.js';

const manifest = new URL('../test/ratelimit/fixtures/first-empty-bucket-reported.vmcp.yaml', import.meta.url);
const config = limiterConfig(parse(readFileSync(manifest, 'utf8')));
const calls = generateLoad({ users: 1000, rate: 2, tools: ['search', 'fetch', 'list'], durationSeconds: 500, seed: 1 });
const micros = calls.map((c) => toMicros(c.t));
const rounds = 5;

function measure(label: string, once: () => void): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    once();
    const used = process.cpuUsage(startCpu);
    wall.push(calls.length / ((performance.now() - start) / 1000));
    cpu.push(calls.length / ((used.user + used.system) / 1e6));
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const show = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(10);
  console.log(`${label.padEnd(44)} ${show(median(wall))} calls/s wall  ${show(median(cpu))} calls/s per CPU-second`);
}

console.log(`simulate in memory: ${calls.length.toLocaleString('en-US')} calls, 1000 users, up to 4 buckets per call`);
measure('simulate: decisions', () => {
  const limiter = new MemoryLimiter(config);
  for (let i = 0; i < calls.length; i++) limiter.check(calls[i]!.tool, calls[i]!.user, micros[i]!);
});
measure('simulate: decisions + tally', () => {
  const limiter = new MemoryLimiter(config);
  const tally = new Tally();
  for (let i = 0; i < calls.length; i++) tally.add(calls[i]!, limiter.check(calls[i]!.tool, calls[i]!.user, micros[i]!));
  tally.summary();
});
