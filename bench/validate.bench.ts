// Benchmark (prints numbers, asserts nothing): the full `validate` path against a bare parse of the
// same 10,000-document file with the same YAML library and position tracking, measured in the same
// run; then the cold start of the built CLI on one file against bare `node -e 0`.
// Targets: validate/parse throughput ratio >= 0.8 (issue #2); cold start <= 2.0x bare node (issue #16).
// The package bin runs with the V8 code cache that `npm run build` wrote for this Node.js (or, if
// there is none, the warm-up run writes it): the bench prints which cache file it found, and the
// machine's load average, which moves these wall-clock figures a lot on a shared machine.
// Each throughput side runs in its own child process (this file with `--side`), so neither inherits
// the other's JIT feedback or heap: run in one process, whichever goes second was measurably slower.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { run as runSource } from '../src/cli/run.js';

const documents = 10_000;
const rounds = 5;
const coldRuns = 15;

/** Realistic VirtualMCPServers: mostly valid, some denied by CEL, runtime and schema rules, plus other kinds. */
function manifest(i: number): string {
  const variant = i % 10;
  const refill = ['1m', '30s', '1h', '500ms', '2m30s', '1m', 'one minute', '0s', '1m', '10s'][variant];
  const auth = variant === 3 ? 'anonymous' : 'oidc';
  const storage = variant === 4 ? 'memory' : 'redis';
  if (variant === 9) return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: team-${i % 7}\ndata:\n  key: "value ${i}"\n`;
  return `apiVersion: toolhive.stacklok.dev/v1beta1
kind: VirtualMCPServer
metadata:
  name: vmcp-${i}
  namespace: team-${i % 7}
  labels:
    app.kubernetes.io/name: vmcp
spec:
  groupRef:
    name: backends-${i % 13}
  incomingAuth:
    type: ${auth}${auth === 'oidc' ? `\n    oidcConfigRef:\n      name: corp-sso\n      audience: vmcp-${i}` : ''}
  sessionStorage:
    provider: ${storage}
    address: redis.toolhive.svc:6379
  config:
    rateLimiting:
      shared:
        maxTokens: ${variant === 5 ? 0 : 100 + (i % 500)}
        refillPeriod: ${refill}
      perUser:
        maxTokens: ${10 + (i % 50)}
        refillPeriod: 1m
      tools:
        - name: search
          perUser:
            maxTokens: 5
            refillPeriod: 30s
        - name: fetch-${i % 3}
          shared:
            maxTokens: 50
            refillPeriod: 10s
`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing {
  readonly wall: number;
  /** CPU time (user + system) of the process: steadier than wall time on a busy machine. */
  readonly cpu: number;
}

/** Bare parse: the same library, YAML 1.1 as Kubernetes reads it, a LineCounter, every document decoded. */
function bareParse(text: string): number {
  const lineCounter = new LineCounter();
  let n = 0;
  for (const doc of parseAllDocuments(text, { lineCounter, version: '1.1' })) {
    if (doc.toJS() !== null) n++;
  }
  return n;
}

/** The whole shipped `validate` command in-process (default text output); returns its document count. */
async function validateFile(file: string): Promise<number> {
  const distRun = '../dist/cli/run.js';
  const { run } = (await import(distRun)) as { run: typeof runSource };
  let out = '';
  const code = await run(['validate', file], {
    stdout: (t) => (out += t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => Promise.resolve(''),
    cwd: process.cwd(),
    env: {},
  });
  if (code > 1) throw new Error(`validate exited ${code}`);
  return Number(/^(\d+) documents?:/m.exec(out)?.[1]);
}

/** Child mode: one warm-up, then `rounds` timed runs of one side, a full GC before each; JSON on stdout. */
async function side(kind: string, file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const text = readFileSync(file, 'utf8');
  const once = (): Promise<number> => (kind === 'parse' ? Promise.resolve(bareParse(text)) : validateFile(file));
  if ((await once()) !== documents) throw new Error(`${kind}: document count mismatch`);
  const timings: Timing[] = [];
  for (let r = 0; r < rounds; r++) {
    gc();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await once();
    const used = process.cpuUsage(cpu);
    timings.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
  }
  process.stdout.write(JSON.stringify(timings));
}

function measure(kind: 'parse' | 'validate', file: string): Timing[] {
  const args = [...process.execArgv, '--expose-gc', import.meta.filename, '--side', kind, file];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${kind} side failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Timing[];
}

function coldStart(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - start;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-bench-'));
  try {
    const big = join(dir, 'many.yaml');
    const text = Array.from({ length: documents }, (_, i) => manifest(i)).join('---\n');
    writeFileSync(big, text);
    const one = join(dir, 'one.yaml');
    writeFileSync(one, manifest(0));
    console.log(`validate benchmark: ${documents} documents, ${(text.length / 1024 / 1024).toFixed(1)} MiB, node ${process.version}`);

    const parse = measure('parse', big);
    const validate = measure('validate', big);
    const rate = (ts: Timing[], k: keyof Timing): number => documents / (median(ts.map((t) => t[k])) / 1000);
    const ms = (ts: Timing[]): string => `${median(ts.map((t) => t.wall)).toFixed(0)} ms wall, ${median(ts.map((t) => t.cpu)).toFixed(0)} ms CPU`;
    console.log(`bare parse: ${ms(parse)}; full validate: ${ms(validate)} (medians of ${rounds}, each side in its own process)`);
    console.log(`bare parse (yaml + LineCounter + toJS): ${rate(parse, 'wall').toFixed(0)} documents/s`);
    console.log(`full validate (read, parse, engine, locate, text output): ${rate(validate, 'wall').toFixed(0)} documents/s`);
    console.log(`throughput ratio validate/parse: ${(rate(validate, 'wall') / rate(parse, 'wall')).toFixed(2)} wall time, ${(rate(validate, 'cpu') / rate(parse, 'cpu')).toFixed(2)} CPU time (target >= 0.8)`);

    // The package bin (the esbuild bundle) is what users run; the unbundled tsc output is shown for comparison.
    const root = join(import.meta.dirname, '..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const entries: [string, string][] = [
      ['package bin', join(root, pkg.bin['vmcp-admission']!)],
      ['unbundled dist', join(root, 'dist', 'cli', 'main.js')],
    ];
    coldStart(['-e', '0']);
    for (const [, file] of entries) coldStart([file, 'validate', one]);
    const bare: number[] = [];
    const cli: number[][] = entries.map(() => []);
    for (let r = 0; r < coldRuns; r++) {
      bare.push(coldStart(['-e', '0']));
      entries.forEach(([, file], i) => cli[i]!.push(coldStart([file, 'validate', one])));
    }
    const binDir = join(root, pkg.bin['vmcp-admission']!, '..');
    const suffix = `.node-${process.version}-${process.arch}.code-cache`;
    const cache = readdirSync(binDir).find((f) => f.endsWith(suffix));
    console.log(`cold start: code cache ${cache === undefined ? 'none' : `${cache} (${(statSync(join(binDir, cache)).size / 1024 / 1024).toFixed(1)} MiB)`}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`cold start: node -e 0 ${median(bare).toFixed(1)} ms (median of ${coldRuns})`);
    entries.forEach(([label], i) => {
      const ratio = median(cli[i]!) / median(bare);
      console.log(`cold start ${label}: validate one file ${median(cli[i]!).toFixed(1)} ms, ratio ${ratio.toFixed(2)}x${i === 0 ? ' (target <= 2.0x, issue #16)' : ''}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sideAt = process.argv.indexOf('--side');
if (sideAt > 0) await side(process.argv[sideAt + 1]!, process.argv[sideAt + 2]!);
else main();
