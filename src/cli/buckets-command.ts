// `vmcp-admission buckets --redis URL --namespace NS --server NAME -f vmcp.yaml [--watch]`: the live
// token buckets of one server, read-only (SCAN with a bounded COUNT, HMGET, PTTL, TIME; never KEYS,
// never a write), each refilled to Redis TIME with the server's configuration.
import { resolve } from 'node:path';
import { keyPrefixOf, limiterConfig, type LimiterConfig } from '../ratelimit/limiter-config.js';
import { liveBucket, sortLive } from '../ratelimit/live.js';
import { liveJson, liveText } from '../ratelimit/live-text.js';
import { parseGoDuration } from '../core/duration.js';
import { pick, readCommandLine, usageErrorText } from './command-line.js';
import { printable } from './formatters/text.js';
import type { Redis } from 'ioredis';
import { ExitCode, type CliIo, type Command } from './io.js';
import { connectRedis, readBuckets, redisErrorText } from './redis.js';
import { loadServers, pickServer } from './servers.js';

export const bucketsHelp = `Usage: vmcp-admission buckets --redis URL --namespace NS --server NAME (-f FILE | --kubeconfig FILE) [options]

Shows the live rate-limit buckets of one VirtualMCPServer in the runtime's Redis (keys
thv:rl:{NS:NAME}:...): each bucket's tokens now (Redis TIME, the runtime's refill rule and the
server's configuration from FILE or the cluster), who is limited now and when they recover.
Read-only.

Options:
  --redis URL           redis://host:port[/db] or host:port (the sessionStorage.address);
                        password from THV_SESSION_REDIS_PASSWORD, as the runtime reads it
  --db N                Redis database (default: from the URL, else 0)
  --namespace NS        the server's namespace (VMCP_NAMESPACE of the vMCP pod)
  --server NAME         the VirtualMCPServer's name
  -f, --file FILE       the VirtualMCPServer manifest (its rateLimiting configuration)
  --kubeconfig FILE     read the VirtualMCPServer NS/NAME from the cluster instead
                        (--kubeconfig= : $KUBECONFIG or ~/.kube/config)
  -o, --output FORMAT   text (default) or json
  --watch               refresh until interrupted
  --interval DURATION   refresh interval for --watch (default 2s)
  --scan-count N        COUNT hint per SCAN call (default 100, at most 10000)
  -h, --help            show this help

Exit codes: 0 shown, 1 denied manifest, 2 usage error, unreachable Redis or API server, refused
password, server not found, or no keys for the server, 3 internal error.
`;

const optionSpec = {
  redis: { type: 'string' },
  db: { type: 'string' },
  namespace: { type: 'string' },
  server: { type: 'string' },
  file: { type: 'string', short: 'f' },
  kubeconfig: { type: 'string' },
  output: { type: 'string', short: 'o' },
  watch: { type: 'boolean' },
  interval: { type: 'string' },
  'scan-count': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Options {
  readonly redis: string;
  readonly db: number | undefined;
  readonly namespace: string;
  readonly server: string;
  /** Exactly one of file and kubeconfig ('' = the default kubeconfig). */
  readonly file: string | undefined;
  readonly kubeconfig: string | undefined;
  readonly output: 'text' | 'json';
  readonly watch: boolean;
  readonly intervalMs: number;
  readonly scanCount: number;
}

const whole = (text: string | undefined): number | undefined => (text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined);

function required(v: Record<string, unknown>): string | undefined {
  for (const flag of ['redis', 'namespace', 'server']) if (typeof v[flag] !== 'string' || v[flag] === '') return `--${flag} is required`;
  if ((v.file === undefined) === (v.kubeconfig === undefined)) return 'give exactly one of -f FILE (the VirtualMCPServer manifest) and --kubeconfig FILE';
  return v.file === '' ? '-f needs a file name' : undefined;
}

function numbers(v: { db?: string; interval?: string; 'scan-count'?: string }): { db: number | undefined; intervalMs: number; scanCount: number } | string {
  const db = whole(v.db);
  if (v.db !== undefined && db === undefined) return `--db must be a whole number, got "${v.db}"`;
  const interval = parseGoDuration(v.interval ?? '2s');
  if (!interval.ok || interval.nanoseconds < 100_000_000n) return `--interval must be a duration of at least 100ms, got "${v.interval}"`;
  const scanCount = whole(v['scan-count'] ?? '100');
  if (scanCount === undefined || scanCount < 1 || scanCount > 10_000) return `--scan-count must be 1 to 10000, got "${v['scan-count']}"`;
  return { db, intervalMs: Number(interval.nanoseconds / 1_000_000n), scanCount };
}

function parse(argv: readonly string[]): { options: Options } | { help: true } | { error: string } {
  const parsed = readCommandLine(argv, optionSpec);
  if ('error' in parsed) return { error: parsed.error };
  const v = parsed.values;
  if (v.help === true) return { help: true };
  if (parsed.positionals.length > 0) return { error: `unexpected argument "${parsed.positionals[0]}"` };
  const missing = required(v);
  if (missing !== undefined) return { error: missing };
  const output = pick('--output', v.output, ['text', 'json'] as const, 'text');
  if ('error' in output) return { error: output.error };
  const n = numbers(v);
  if (typeof n === 'string') return { error: n };
  return { options: { redis: v.redis!, namespace: v.namespace!, server: v.server!, file: v.file, kubeconfig: v.kubeconfig, output: output.value, watch: v.watch === true, ...n } };
}

interface Frame {
  readonly options: Options;
  readonly config: LimiterConfig;
  readonly redis: Redis;
  readonly io: CliIo;
}

/** One look at the keys; the problem text when the first look finds none. */
async function show({ options, config, redis, io }: Frame, first: boolean): Promise<string | undefined> {
  const { nowMicros, buckets } = await readBuckets(redis, config.keyPrefix, options.scanCount);
  if (!first && options.output === 'text') io.stdout('\n');
  if (buckets.length === 0 && first) return `no rate-limit keys ${config.keyPrefix}* in Redis: unknown server, wrong --namespace/--server/--db, or no tools/call yet`;
  const live = sortLive(buckets.map((b) => liveBucket(b.key.slice(config.keyPrefix.length), config, b, nowMicros)));
  const view = { config, nowMicros, buckets: live };
  io.stdout(options.output === 'json' ? `${JSON.stringify(liveJson(view))}\n` : liveText(view));
  return undefined;
}

/** The server's limiter configuration from -f or the cluster; a message or an exit code when there is none. */
async function serverConfig(options: Options, io: CliIo): Promise<LimiterConfig | string | number> {
  if (options.kubeconfig !== undefined) {
    const { readVirtualMcpServer } = await import('../cluster/read-virtual-mcp-server.js');
    const path = options.kubeconfig === '' ? '' : resolve(io.cwd, options.kubeconfig);
    const read = await readVirtualMcpServer(path, options.namespace, options.server, 10_000);
    return 'error' in read ? read.error : limiterConfig(read.object);
  }
  const servers = await loadServers('buckets', [options.file!], io);
  return servers.ok ? pickServer(servers.configs, options.server) : servers.code;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function buckets(options: Options, io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`vmcp-admission buckets: ${printable(message)}\n`);
    return ExitCode.usage;
  };
  const picked = await serverConfig(options, io);
  if (typeof picked === 'string') return fail(picked);
  if (typeof picked === 'number') return picked;
  const config: LimiterConfig = { ...picked, namespace: options.namespace, keyPrefix: keyPrefixOf(options.namespace, options.server) };
  const connected = await connectRedis({ url: options.redis, password: io.env.THV_SESSION_REDIS_PASSWORD, db: options.db });
  if (!connected.ok) return fail(connected.error);
  try {
    for (let first = true; first || options.watch; first = false) {
      if (!first) await sleep(options.intervalMs);
      const problem = await show({ options, config, redis: connected.redis, io }, first);
      if (problem !== undefined) return fail(problem);
    }
    return ExitCode.ok;
  } catch (err) {
    return fail(redisErrorText(err, connected.where));
  } finally {
    connected.redis.disconnect();
  }
}

export const bucketsCommand: Command = async (argv, io) => {
  const parsed = parse(argv);
  if ('help' in parsed) {
    io.stdout(bucketsHelp);
    return ExitCode.ok;
  }
  if ('error' in parsed) {
    io.stderr(usageErrorText('buckets', parsed.error));
    return ExitCode.usage;
  }
  return buckets(parsed.options, io);
};
