// `vmcp-admission simulate <file> --trace <trace.jsonl|-> | --load SPEC [-o text|json]
//  [--plot FILE.svg] [--redis URL]`: replays tools/call traffic through the rate limiter of one
// VirtualMCPServer, in memory (default) or inside a real Redis with the Lua script.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { LimiterConfig } from '../ratelimit/limiter-config.js';
import { MemoryLimiter, toMicros, type Rejection, type Touch } from '../ratelimit/limiter.js';
import { generateLoad, parseLoadSpec } from '../ratelimit/load.js';
import { PlotRecorder, plotSpec } from '../ratelimit/plot.js';
import { Tally, resultOf, traceWarnings, type Summary } from '../ratelimit/simulate.js';
import { callJson, JSON_HEAD, jsonTail, simulateText } from '../ratelimit/simulate-text.js';
import { parseTraceLine, type TraceCall } from '../ratelimit/trace.js';
import { pick, readCommandLine, usageErrorText } from './command-line.js';
import { printable } from './formatters/text.js';
import { problemText } from './input-problem.js';
import { describeFsError, stdinName } from './inputs.js';
import { ExitCode, type CliIo, type Command } from './io.js';
import { connectRedis, simulateInRedis } from './redis.js';
import { loadServers, pickServer } from './servers.js';

export const simulateHelp = `Usage: vmcp-admission simulate [options] <path|-> (--trace FILE|- | --load SPEC)

Replays tools/call traffic through the rate limiter of a VirtualMCPServer exactly as the vMCP
runtime decides (bucket order, all-or-nothing, continuous refill at the %.6f rate, Retry-After).

Traffic:
  --trace FILE|-        JSON Lines, one call per line: {"t": <seconds, non-decreasing>,
                        "tool": "<advertised tool name>", "user": "<identity subject>"};
                        "user" absent or "" = no identity (per-user buckets are skipped)
  --load SPEC           synthetic, seeded Poisson traffic, e.g.
                        users=50,rate=2/s,tools=search|fetch,duration=60s,seed=1
                        (rate per user: N/s, N/m, N/h or N/<duration>; users=0: no identity)

Options:
  -o, --output FORMAT   text (default): rejections per bucket, first rejection, per-user counts;
                        json: {"version":1,"calls":[...],"summary":{...}}
  --plot FILE.svg       draw each bucket's tokens over time (top lanes by rejections)
  --top N               lanes in the plot and rows in the text tables (default 8)
  --redis URL           decide inside this Redis with a Lua script (private key prefix,
                        deleted afterwards); password from THV_SESSION_REDIS_PASSWORD
  --db N                Redis database (default: from the URL, else 0)
  --server NAME         the VirtualMCPServer to use when the input has several
  -h, --help            show this help

Exit codes: 0 simulated, 1 denied manifest (findings on stderr), 2 usage error, unreadable
input, bad trace line (with its line number) or Redis unreachable, 3 internal error.
`;

const optionSpec = {
  trace: { type: 'string' },
  load: { type: 'string' },
  output: { type: 'string', short: 'o' },
  plot: { type: 'string' },
  top: { type: 'string' },
  redis: { type: 'string' },
  db: { type: 'string' },
  server: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Options {
  readonly inputs: readonly string[];
  readonly trace: string | undefined;
  readonly load: string | undefined;
  readonly output: 'text' | 'json';
  readonly plot: string | undefined;
  readonly top: number;
  readonly redis: string | undefined;
  readonly db: number | undefined;
  readonly server: string | undefined;
}

type Parsed = { options: Options } | { help: true } | { error: string };

const count = (text: string | undefined, fallback: number): number => (text === undefined ? fallback : /^\d{1,9}$/.test(text) ? Number(text) : NaN);

function flagProblem(v: { trace?: string; load?: string; top?: string; db?: string }, positionals: number): string | undefined {
  if ((v.trace === undefined) === (v.load === undefined)) return 'give exactly one of --trace FILE and --load SPEC';
  if (!(count(v.top, 8) >= 1)) return `--top must be a whole number >= 1, got "${v.top}"`;
  if (Number.isNaN(count(v.db, -1))) return `--db must be a whole number, got "${v.db}"`;
  return positionals === 0 ? 'no input: give the VirtualMCPServer manifest (a file or -)' : undefined;
}

function parse(argv: readonly string[]): Parsed {
  const parsed = readCommandLine(argv, optionSpec);
  if ('error' in parsed) return { error: parsed.error };
  const v = parsed.values;
  if (v.help === true) return { help: true };
  const output = pick('--output', v.output, ['text', 'json'] as const, 'text');
  if ('error' in output) return { error: output.error };
  const problem = flagProblem(v, parsed.positionals.length);
  if (problem !== undefined) return { error: problem };
  const db = count(v.db, -1);
  const inputs = [...new Set(parsed.positionals)];
  const options = { inputs, trace: v.trace, load: v.load, output: output.value, plot: v.plot, top: count(v.top, 8), redis: v.redis, db: db < 0 ? undefined : db, server: v.server };
  return options.trace === '-' && inputs.includes('-') ? { error: 'the manifest and the trace cannot both come from standard input' } : { options };
}

type Calls = { calls: TraceCall[] } | { error: string };

/** Lines of the trace: streamed from a file, or all of stdin. */
async function* traceLines(path: string, io: CliIo): AsyncGenerator<string> {
  if (path === '-') {
    yield* (await io.readStdin()).split('\n');
    return;
  }
  const lines = createInterface({ input: createReadStream(resolve(io.cwd, path), { encoding: 'utf8' }), crlfDelay: Infinity });
  yield* lines;
}

async function readTrace(path: string, io: CliIo): Promise<Calls> {
  const name = path === '-' ? stdinName : path;
  const calls: TraceCall[] = [];
  let previous = 0;
  let line = 0;
  try {
    for await (const text of traceLines(path, io)) {
      line++;
      const parsed = parseTraceLine(text.replace(/\r$/, ''), previous);
      if (parsed === null) continue;
      if ('error' in parsed) return { error: `${name}:${line}: ${parsed.error}` };
      calls.push(parsed.call);
      previous = parsed.call.t;
    }
  } catch (err) {
    return { error: `${name}: ${path === '-' ? `cannot read standard input: ${err instanceof Error ? err.message : String(err)}` : problemText(describeFsError(err))}` };
  }
  return calls.length === 0 ? { error: `${name}: the trace has no calls` } : { calls };
}

function loadCalls(options: Options, io: CliIo): Promise<Calls> {
  if (options.trace !== undefined) return readTrace(options.trace, io);
  const spec = parseLoadSpec(options.load!);
  return Promise.resolve('error' in spec ? { error: spec.error } : { calls: generateLoad(spec) });
}

const PROGRESS_EVERY = 100_000;

function inMemory(config: LimiterConfig, calls: readonly TraceCall[], io: CliIo): (Rejection | null)[] {
  const limiter = new MemoryLimiter(config);
  const progress = io.stderrIsTTY === true && calls.length >= 2 * PROGRESS_EVERY;
  const out: (Rejection | null)[] = new Array<Rejection | null>(calls.length);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    out[i] = limiter.check(call.tool, call.user, toMicros(call.t));
    if (progress && i % PROGRESS_EVERY === 0) io.stderr(`\rsimulate: ${i}/${calls.length} calls`);
  }
  if (progress) io.stderr('\r\x1b[K');
  return out;
}

async function inRedis(options: Options, config: LimiterConfig, calls: readonly TraceCall[], io: CliIo): Promise<(Rejection | null)[] | string> {
  const connected = await connectRedis({ url: options.redis!, password: io.env.THV_SESSION_REDIS_PASSWORD, db: options.db });
  if (!connected.ok) return connected.error;
  try {
    return await simulateInRedis(connected.redis, config, calls);
  } catch (err) {
    return `Redis at ${connected.where}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    connected.redis.disconnect();
  }
}

function write(options: Options, calls: readonly TraceCall[], decisions: readonly (Rejection | null)[], io: CliIo): Summary {
  const tally = new Tally();
  const json = options.output === 'json';
  if (json) io.stdout(JSON_HEAD);
  let chunk = '';
  calls.forEach((call, i) => {
    tally.add(call, decisions[i]!);
    if (!json) return;
    chunk += (i === 0 ? '' : ',') + callJson(resultOf(call, decisions[i]!));
    if (chunk.length > 1 << 20) {
      io.stdout(chunk);
      chunk = '';
    }
  });
  const summary = tally.summary();
  io.stdout(json ? chunk + jsonTail(summary) : simulateText(summary, options.top));
  return summary;
}

/** The lanes: the buckets with the most rejections, then the most-touched others. */
function lanes(config: LimiterConfig, calls: readonly TraceCall[], summary: Summary, top: number): string[] {
  const chosen = summary.buckets.slice(0, top).map((b) => b.bucket);
  if (chosen.length >= top) return chosen;
  const touches = new Map<string, number>();
  const limiter = new MemoryLimiter(config, (t: Touch) => void touches.set(t.id, (touches.get(t.id) ?? 0) + 1));
  for (const call of calls) limiter.check(call.tool, call.user, toMicros(call.t));
  const others = [...touches].filter(([id]) => !chosen.includes(id)).sort((a, b) => b[1] - a[1]);
  return [...chosen, ...others.slice(0, top - chosen.length).map(([id]) => id)];
}

interface Simulated {
  readonly config: LimiterConfig;
  readonly calls: readonly TraceCall[];
  readonly summary: Summary;
}

async function plot(options: Options, { config, calls, summary }: Simulated, io: CliIo): Promise<string | undefined> {
  const buckets = lanes(config, calls, summary, options.top);
  if (buckets.length === 0) io.stderr('vmcp-admission simulate: warning: no call touched a bucket: the plot is empty\n');
  const recorder = new PlotRecorder(buckets);
  const limiter = new MemoryLimiter(config, recorder.observer);
  for (const call of calls) limiter.check(call.tool, call.user, toMicros(call.t));
  const title = `${config.namespace}/${config.serverName}: tokens per bucket (${summary.calls} calls, ${summary.rejected} rejected; red = rejection)`;
  const { renderSvg } = await import('./svg-chart.js');
  const svg = await renderSvg(plotSpec(title, buckets, recorder.lanesData(1000)));
  try {
    await writeFile(options.plot!, svg);
    return undefined;
  } catch (err) {
    return `${options.plot}: cannot write: ${err instanceof Error ? err.message : String(err)}`;
  }
}

async function simulate(options: Options, io: CliIo): Promise<number> {
  const usage = (message: string): number => {
    io.stderr(`vmcp-admission simulate: ${printable(message)}\n`);
    return ExitCode.usage;
  };
  const servers = await loadServers('simulate', options.inputs, io);
  if (!servers.ok) return servers.code;
  const config = pickServer(servers.configs, options.server);
  if (typeof config === 'string') return usage(config);
  const loaded = await loadCalls(options, io);
  if ('error' in loaded) return usage(loaded.error);
  for (const warning of traceWarnings(config, loaded.calls)) io.stderr(`vmcp-admission simulate: warning: ${warning}\n`);
  const decisions = options.redis === undefined ? inMemory(config, loaded.calls, io) : await inRedis(options, config, loaded.calls, io);
  if (typeof decisions === 'string') return usage(decisions);
  const summary = write(options, loaded.calls, decisions, io);
  const failed = options.plot === undefined ? undefined : await plot({ ...options, plot: resolve(io.cwd, options.plot) }, { config, calls: loaded.calls, summary }, io);
  return failed === undefined ? ExitCode.ok : usage(failed);
}

export const simulateCommand: Command = async (argv, io) => {
  const parsed = parse(argv);
  if ('help' in parsed) {
    io.stdout(simulateHelp);
    return ExitCode.ok;
  }
  if ('error' in parsed) {
    io.stderr(usageErrorText('simulate', parsed.error));
    return ExitCode.usage;
  }
  return simulate(parsed.options, io);
};
