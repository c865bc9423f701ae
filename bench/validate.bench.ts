// Benchmark (prints numbers, asserts nothing): the full `validate` path against a bare parse of the
// same 10,000-document file with the same YAML library and position tracking, measured in the same
// run; then the cold start of the built CLI on one file against bare `node -e 0`.
// Targets (issue #2): validate/parse throughput ratio >= 0.8; cold start <= 2.5x bare node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseAllDocuments } from 'yaml';
import { run } from '../dist/cli/run.js';

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

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function bareParse(text: string): number {
  const lineCounter = new LineCounter();
  let n = 0;
  for (const doc of parseAllDocuments(text, { lineCounter, version: '1.1' })) {
    if (doc.toJS() !== null) n++;
  }
  return n;
}

async function validateFile(file: string): Promise<number> {
  let out = '';
  const code = await run(['validate', '--output', 'json', file], {
    stdout: (t) => (out += t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => Promise.resolve(''),
    cwd: process.cwd(),
    env: {},
  });
  if (code > 1) throw new Error(`validate exited ${code}`);
  return (JSON.parse(out) as { summary: { documents: number } }).summary.documents;
}

function coldStart(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status === null || r.status > 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-bench-'));
  try {
    const big = join(dir, 'many.yaml');
    const text = Array.from({ length: documents }, (_, i) => manifest(i)).join('---\n');
    writeFileSync(big, text);
    const one = join(dir, 'one.yaml');
    writeFileSync(one, manifest(0));
    console.log(`validate benchmark: ${documents} documents, ${(text.length / 1024 / 1024).toFixed(1)} MiB, node ${process.version}`);

    if (bareParse(text) !== documents || (await validateFile(big)) !== documents) throw new Error('document count mismatch');
    const parseMs: number[] = [];
    const validateMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      parseMs.push(time(() => bareParse(text)));
      validateMs.push(await timeAsync(() => validateFile(big)));
    }
    const parseRate = documents / (median(parseMs) / 1000);
    const validateRate = documents / (median(validateMs) / 1000);
    console.log(`bare parse (yaml + LineCounter + toJS): ${parseRate.toFixed(0)} documents/s (median of ${rounds})`);
    console.log(`full validate (read, parse, engine, locate, json output): ${validateRate.toFixed(0)} documents/s (median of ${rounds})`);
    console.log(`throughput ratio validate/parse: ${(validateRate / parseRate).toFixed(2)} (target >= 0.8)`);

    const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    coldStart(['-e', '0']);
    coldStart([main, 'validate', one]);
    const bare: number[] = [];
    const cli: number[] = [];
    for (let r = 0; r < coldRuns; r++) {
      bare.push(coldStart(['-e', '0']));
      cli.push(coldStart([main, 'validate', one]));
    }
    console.log(`cold start: node -e 0 ${median(bare).toFixed(1)} ms, validate one file ${median(cli).toFixed(1)} ms (median of ${coldRuns})`);
    console.log(`cold start ratio: ${(median(cli) / median(bare)).toFixed(2)}x (target <= 2.5x)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
