// explain, simulate and buckets as users run them: the built bin, real processes, exit codes and
// output shapes; Redis paths against private redis-server instances.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { parse } from 'yaml';
import { startRedis, type RedisServer } from '../ratelimit/helpers/redis-server.js';

const bin = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const fixtures = new URL('../ratelimit/fixtures/', import.meta.url).pathname;
const examples = new URL('../../examples/', import.meta.url).pathname;

interface Ran {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Ran {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: fixtures, input: options.input ?? '', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, THV_SESSION_REDIS_PASSWORD: '', ...options.env } });
  const ran = { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
  assert.doesNotMatch(ran.err, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
  return ran;
}

let server: RedisServer;
let secured: RedisServer;
let scratch: string;

before(async () => {
  [server, secured] = await Promise.all([startRedis(), startRedis(['--requirepass', 'sekret'])]);
  scratch = mkdtempSync(join(tmpdir(), 'vmcp-ratelimit-cli-'));
});

after(async () => {
  await Promise.all([server.stop(), secured.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

// --- explain ---

void test('explain: text table, exit 0; JSON version 1 shape; stdin', () => {
  const text = cli(['explain', join(examples, 'ratelimit-valid.yaml')]);
  assert.equal(text.code, 0);
  assert.match(text.out, /^ {2}user-tool:docs_search:<user> +every tools\/call of docs_search, per identity subject +10 +30s +20\/min = 1,200\/h +30s +3s$/m);
  assert.match(text.out, /^ {2}docs_search +10 +20\/min = 1,200\/h +user-tool:docs_search:<user>$/m);
  const json = cli(['explain', '-o', 'json', '-'], { input: readFileSync(join(fixtures, 'first-empty-bucket-reported.vmcp.yaml'), 'utf8') });
  assert.equal(json.code, 0);
  const model = JSON.parse(json.out);
  assert.equal(model.version, 1);
  assert.deepEqual(Object.keys(model.servers[0]), ['name', 'namespace', 'keyPrefix', 'incomingAuth', 'rateLimiting', 'buckets', 'oneUserOneTool', 'notes']);
  assert.deepEqual(Object.keys(model.servers[0].buckets[0]), ['id', 'key', 'scope', 'tool', 'meters', 'maxTokens', 'refillPeriod', 'ratePerSecond', 'ratePerMinute', 'ratePerHour', 'redisRate', 'refillFromEmptySeconds', 'retryAfterSeconds', 'expireSeconds']);
});

void test('explain: a denied manifest exits 1 with its findings; bad flags and no input exit 2', () => {
  const denied = cli(['explain', join(examples, 'ratelimit-without-redis.yaml')]);
  assert.equal(denied.code, 1);
  assert.match(denied.err, /ratelimit-without-redis\.yaml:\d+:\d+: .*redis/i);
  assert.equal(denied.out, '');
  assert.equal(cli(['explain']).code, 2);
  assert.match(cli(['explain', '-o', 'yaml', 'x.yaml']).err, /unknown --output "yaml": allowed values are text, json/);
  const missing = cli(['explain', 'nope.yaml']);
  assert.deepEqual([missing.code, missing.err], [2, 'nope.yaml: cannot read: no such file or directory\n']);
});

// --- simulate ---

void test('simulate -o json: exactly version, calls (bucket and retryAfterSeconds only when rejected), summary', () => {
  const r = cli(['simulate', 'users-and-no-user.vmcp.yaml', '--trace', 'users-and-no-user.trace.jsonl', '-o', 'json']);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.out);
  assert.deepEqual(Object.keys(out), ['version', 'calls', 'summary']);
  assert.equal(out.version, 1);
  assert.deepEqual(out.calls[0], { t: 0, tool: 'search', user: 'alice', allowed: true });
  assert.deepEqual(out.calls[2], { t: 0, tool: 'search', user: 'alice', allowed: false, bucket: 'user:alice', retryAfterSeconds: 5 });
  assert.deepEqual(out.calls[5], { t: 0, tool: 'search', user: '', allowed: true });
  assert.deepEqual([out.summary.calls, out.summary.allowed, out.summary.rejected], [9, 6, 3]);
});

void test('simulate text: rejections per bucket, first rejection, per-user table', () => {
  const r = cli(['simulate', 'users-and-no-user.vmcp.yaml', '--trace', 'users-and-no-user.trace.jsonl']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^9 calls over 2s \(t=0s to 2s\): 6 allowed, 3 rejected \(33\.3%\)$/m);
  assert.match(r.out, /^first rejection at t=0s: search by alice, bucket user:alice \(retry after 5s\)$/m);
  assert.match(r.out, /^ {2}shared +2 +0s$/m);
  assert.match(r.out, /^ {2}\(no identity\) +2 +1 +1 +50\.0%$/m);
});

void test('simulate: a bad trace line names file and line (exit 2); so do unreadable traces and bad flags', () => {
  const bad = join(scratch, 'bad.jsonl');
  writeFileSync(bad, '{"t":0,"tool":"a"}\n{"t":1,"tool":"a","usr":"x"}\n');
  const r = cli(['simulate', 'burst-then-refill.vmcp.yaml', '--trace', bad]);
  assert.deepEqual([r.code, r.err], [2, `vmcp-admission simulate: ${bad}:2: unknown field "usr": a call has only "t", "tool" and "user"\n`]);
  const stdin = cli(['simulate', 'burst-then-refill.vmcp.yaml', '--trace', '-'], { input: '{"t":0,"tool":"a"}\nnot json\n' });
  assert.equal(stdin.code, 2);
  assert.match(stdin.err, /<stdin>:2: not valid JSON/);
  assert.match(cli(['simulate', 'burst-then-refill.vmcp.yaml', '--trace', 'none.jsonl']).err, /none\.jsonl: cannot read: no such file or directory/);
  assert.match(cli(['simulate', 'burst-then-refill.vmcp.yaml']).err, /give exactly one of --trace FILE and --load SPEC/);
  assert.match(cli(['simulate', 'burst-then-refill.vmcp.yaml', '--load', 'users=x']).err, /users must be a whole number/);
  const binary = join(scratch, 'binary.jsonl');
  writeFileSync(binary, Buffer.from([0x7b, 0x01, 0x1b, 0x5b, 0x32, 0x4a, 0x0a]));
  const garbage = cli(['simulate', 'burst-then-refill.vmcp.yaml', '--trace', binary]);
  assert.equal(garbage.code, 2);
  assert.match(garbage.err, /binary\.jsonl:1: not valid JSON/);
  assert.ok(!garbage.err.includes('\u0001') && !garbage.err.includes('\u001b'), 'control characters are escaped, not sent to the terminal');
  const empty = join(scratch, 'empty.jsonl');
  writeFileSync(empty, '\n');
  assert.match(cli(['simulate', 'burst-then-refill.vmcp.yaml', '--trace', empty]).err, /the trace has no calls/);
});

void test('simulate --load is seeded: the same spec gives the same output, another seed another', () => {
  const args = (seed: number): string[] => ['simulate', 'per-tool-shared-and-per-user.vmcp.yaml', '--load', `users=10,rate=1/s,tools=search|list,duration=30s,seed=${seed}`, '-o', 'json'];
  const a = cli(args(1));
  assert.equal(a.code, 0);
  assert.equal(cli(args(1)).out, a.out);
  assert.notEqual(cli(args(2)).out, a.out);
});

void test('simulate --plot: an SVG with one lane per top bucket and one mark per rejection in those lanes', () => {
  const svg = join(scratch, 'plot.svg');
  const r = cli(['simulate', 'per-tool-shared-and-per-user.vmcp.yaml', '--load', 'users=4,rate=1/s,tools=search,duration=40s,seed=2', '--plot', svg, '--top', '3', '-o', 'json']);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  const lanes: string[] = out.summary.buckets.slice(0, 3).map((b: { bucket: string }) => b.bucket);
  const rejectionsInLanes = out.calls.filter((c: { bucket?: string }) => c.bucket !== undefined && lanes.includes(c.bucket)).length;
  const text = readFileSync(svg, 'utf8');
  assert.match(text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(text.match(/class="mark-line role-mark/g)?.length, 3, 'three lanes');
  for (const lane of lanes) assert.ok(text.includes(`>${lane}</text>`), `lane label ${lane}`);
  assert.equal(text.match(/aria-roledescription="point"/g)?.length ?? 0, rejectionsInLanes, 'a mark per rejection');
  assert.ok(rejectionsInLanes > 0);
});

void test('simulate --plot: a warning when no call touched a bucket; an unwritable path exits 2', () => {
  const trace = join(scratch, 'list.jsonl');
  writeFileSync(trace, '{"t":0,"tool":"list","user":"a"}\n');
  const empty = cli(['simulate', 'per-tool-shared-and-per-user.vmcp.yaml', '--trace', trace, '--plot', join(scratch, 'empty.svg')]);
  assert.deepEqual([empty.code, empty.err], [0, 'vmcp-admission simulate: warning: no call touched a bucket: the plot is empty\n']);
  const nowhere = cli(['simulate', 'per-tool-shared-and-per-user.vmcp.yaml', '--trace', trace, '--plot', join(scratch, 'no/such/dir.svg')]);
  assert.equal(nowhere.code, 2);
  assert.match(nowhere.err, /no\/such\/dir\.svg: cannot write: ENOENT/);
});

void test('simulate --redis: the same output as in memory, keys removed; unreachable Redis exits 2 in one line', async () => {
  const args = ['simulate', 'first-empty-bucket-reported.vmcp.yaml', '--load', 'users=5,rate=2/s,tools=search|x,duration=30s', '-o', 'json'];
  const memory = cli(args);
  const redis = cli([...args, '--redis', server.url]);
  assert.equal(redis.code, 0, redis.err);
  assert.equal(redis.out, memory.out);
  const client = new Redis(server.port, '127.0.0.1');
  assert.equal(await client.dbsize(), 0);
  client.disconnect();
  const down = cli([...args, '--redis', 'redis://127.0.0.1:1']);
  assert.deepEqual([down.code, down.err], [2, 'vmcp-admission simulate: cannot connect to Redis at 127.0.0.1:1 (db 0): connection refused\n']);
});

void test('simulate: several servers need --server', () => {
  const both = join(scratch, 'both.yaml');
  writeFileSync(both, `${readFileSync(join(fixtures, 'burst-then-refill.vmcp.yaml'), 'utf8')}---\n${readFileSync(join(fixtures, 'long-idle-gap.vmcp.yaml'), 'utf8')}`);
  const r = cli(['simulate', both, '--trace', 'burst-then-refill.trace.jsonl']);
  assert.equal(r.code, 2);
  assert.match(r.err, /the input has 2 VirtualMCPServers \(burst-then-refill, long-idle-gap\): choose one with --server NAME/);
  assert.equal(cli(['simulate', both, '--server', 'long-idle-gap', '--trace', 'long-idle-gap.trace.jsonl']).code, 0);
});

// --- buckets ---

const manifest = join(fixtures, 'first-empty-bucket-reported.vmcp.yaml');
const prefix = 'thv:rl:{insight:first-empty-bucket-reported}:';
const bucketsArgs = (url: string): string[] => ['buckets', '--redis', url, '--namespace', 'insight', '--server', 'first-empty-bucket-reported', '-f', manifest];

/** Writes keys as the runtime would: hash {tokens, last_refill (Redis TIME, µs)} with an EXPIRE. */
async function seedRuntimeKeys(client: Redis): Promise<void> {
  const [sec, usec] = await client.time();
  const now = String(Number(sec) * 1e6 + Number(usec));
  await client.hset(`${prefix}shared`, 'tokens', '1', 'last_refill', now);
  await client.expire(`${prefix}shared`, 60);
  await client.hset(`${prefix}user-tool:search:carol`, 'tokens', '0.25', 'last_refill', now);
  await client.expire(`${prefix}user-tool:search:carol`, 1200);
  await client.hset(`${prefix}user:alice`, 'tokens', '0', 'last_refill', now);
  await client.expire(`${prefix}user:alice`, 120);
  await client.hset(`${prefix}user-tool:search:bob`, 'tokens', '1', 'last_refill', now);
  await client.expire(`${prefix}user-tool:search:bob`, 1200);
}

async function commandCalls(client: Redis): Promise<Map<string, number>> {
  const info = await client.info('commandstats');
  return new Map([...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map((m) => [m[1]!, Number(m[2])]));
}

void test('buckets: who is limited now and when they recover; JSON shape; read-only', async () => {
  const client = new Redis(server.port, '127.0.0.1');
  try {
    await seedRuntimeKeys(client);
    const before = await commandCalls(client);
    const r = cli(bucketsArgs(server.url));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^insight\/first-empty-bucket-reported at \S+ \(Redis TIME\): 4 buckets, 2 limited now$/m);
    // 0.75 token at 0.001667/s: 449.9s (less the seconds a busy machine takes to get here).
    assert.match(r.out, /^user-tool:search:carol +0\.25 +1 +LIMITED +7m[23]\ds +7m[23]\ds +600s +(19m[45]\ds|20m)$/m);
    assert.match(r.out, /^user:alice +0(\.\d+)? +1 +LIMITED +(5\d(\.\d+)?s|1m) +/m);
    assert.match(r.out, /^user-tool:search:bob +1 +1 +ok +now +now +600s +/m);
    const json = JSON.parse(cli([...bucketsArgs(server.url), '-o', 'json']).out);
    assert.deepEqual(Object.keys(json), ['version', 'namespace', 'server', 'keyPrefix', 'redisTime', 'buckets']);
    assert.deepEqual(json.buckets.map((b: { id: string; limited: boolean }) => [b.id, b.limited]), [['user-tool:search:carol', true], ['user:alice', true], ['shared', false], ['user-tool:search:bob', false]]);
    const after = await commandCalls(client);
    const used = [...after].filter(([name, calls]) => calls > (before.get(name) ?? 0)).map(([name]) => name).sort();
    assert.ok(used.every((name) => ['hmget', 'info', 'ping', 'pttl', 'scan', 'time'].includes(name)), `only reads: ${used.join(', ')}`);
    assert.ok(used.includes('scan') && !used.includes('keys'));
  } finally {
    await client.flushdb();
    client.disconnect();
  }
});

void test('buckets: unknown server, unreachable Redis, refused password, missing -f: exit 2, one line', () => {
  const none = cli(bucketsArgs(server.url));
  assert.deepEqual([none.code, none.err], [2, `vmcp-admission buckets: no rate-limit keys ${prefix}* in Redis: unknown server, wrong --namespace/--server/--db, or no tools/call yet\n`]);
  assert.deepEqual(cli(bucketsArgs('127.0.0.1:1')).err, 'vmcp-admission buckets: cannot connect to Redis at 127.0.0.1:1 (db 0): connection refused\n');
  const auth = cli(bucketsArgs(secured.url));
  assert.equal(auth.code, 2);
  assert.match(auth.err, /^vmcp-admission buckets: Redis at 127\.0\.0\.1:\d+ \(db 0\) refused authentication \(NOAUTH Authentication required\.\): set THV_SESSION_REDIS_PASSWORD to its password\n$/);
  const wrong = cli(bucketsArgs(secured.url), { env: { THV_SESSION_REDIS_PASSWORD: 'nope' } });
  assert.match(wrong.err, /refused authentication \(WRONGPASS/);
  const right = cli(bucketsArgs(secured.url), { env: { THV_SESSION_REDIS_PASSWORD: 'sekret' } });
  assert.match(right.err, /no rate-limit keys/, 'authenticated, then no keys');
  const noFile = cli(['buckets', '--redis', server.url, '--namespace', 'a', '--server', 'b']);
  assert.equal(noFile.code, 2);
  assert.match(noFile.err, /give exactly one of -f FILE \(the VirtualMCPServer manifest\) and --kubeconfig FILE/);
  assert.match(cli([...bucketsArgs(server.url), '--db', 'x']).err, /--db must be a whole number/);
});

void test('buckets --watch refreshes until interrupted', async () => {
  const client = new Redis(server.port, '127.0.0.1');
  await seedRuntimeKeys(client);
  const child = spawn(process.execPath, [bin, ...bucketsArgs(server.url), '--watch', '--interval', '200ms'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const frames = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no second frame: ${out}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const count = out.match(/\(Redis TIME\)/g)?.length ?? 0;
        if (count >= 2) {
          clearTimeout(timer);
          resolve(count);
        }
      });
    });
    assert.ok(frames >= 2);
  } finally {
    child.kill('SIGTERM');
    await client.flushdb();
    client.disconnect();
  }
});

/** The bin as a child process without blocking this process's event loop (the fake API server lives here). */
function cliAsync(args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: fixtures, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, THV_SESSION_REDIS_PASSWORD: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      assert.doesNotMatch(err, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
      resolve({ code, out, err });
    });
  });
}

void test('buckets --kubeconfig reads the VirtualMCPServer from the API server; not found, bad kubeconfig and unreachable API exit 2', async () => {
  const object = parse(readFileSync(manifest, 'utf8'));
  const paths: string[] = [];
  const api = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/apis/toolhive.stacklok.dev/v1beta1/namespaces/insight/virtualmcpservers/first-empty-bucket-reported') return void res.end(JSON.stringify(object));
    res.statusCode = 404;
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  const port = (api.address() as AddressInfo).port;
  const kubeconfig = join(scratch, 'kubeconfig');
  const kubeconfigFor = (p: number): string => `apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${p}", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: c, context: {cluster: fake, user: u}}]
current-context: c
`;
  writeFileSync(kubeconfig, kubeconfigFor(port));
  const down = join(scratch, 'kubeconfig-down');
  writeFileSync(down, kubeconfigFor(1));
  const client = new Redis(server.port, '127.0.0.1');
  try {
    await seedRuntimeKeys(client);
    const args = (name: string, config: string): string[] => ['buckets', '--redis', server.url, '--namespace', 'insight', '--server', name, '--kubeconfig', config];
    const found = await cliAsync(args('first-empty-bucket-reported', kubeconfig));
    assert.equal(found.code, 0, found.err);
    assert.match(found.out, /^user-tool:search:carol +0\.25 +1 +LIMITED /m);
    assert.ok(paths.includes('/apis/toolhive.stacklok.dev/v1beta1/namespaces/insight/virtualmcpservers/first-empty-bucket-reported'));
    const missing = await cliAsync(args('nope', kubeconfig));
    assert.deepEqual([missing.code, missing.err], [2, `vmcp-admission buckets: VirtualMCPServer insight/nope not found in the cluster at http://127.0.0.1:${port}\n`]);
    const unreachable = await cliAsync(args('first-empty-bucket-reported', down));
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.err, /^vmcp-admission buckets: cannot read VirtualMCPServer insight\/first-empty-bucket-reported from the API server at http:\/\/127\.0\.0\.1:1: /);
    const bad = await cliAsync(args('first-empty-bucket-reported', join(scratch, 'no-such-kubeconfig')));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^vmcp-admission buckets: kubeconfig .*no-such-kubeconfig: /);
  } finally {
    await client.flushdb();
    client.disconnect();
    await new Promise((r) => api.close(r));
  }
});

void test('buckets --db reads that database only', async () => {
  const client = new Redis({ port: server.port, host: '127.0.0.1', db: 3 });
  try {
    await seedRuntimeKeys(client);
    const inDb3 = await cliAsync([...bucketsArgs(server.url), '--db', '3']);
    assert.equal(inDb3.code, 0, inDb3.err);
    assert.match(inDb3.out, /4 buckets/);
    const inUrl = await cliAsync(bucketsArgs(`${server.url}/3`));
    assert.deepEqual([inUrl.code, /4 buckets/.test(inUrl.out)], [0, true], 'the database from the URL path');
    const inDb0 = await cliAsync(bucketsArgs(server.url));
    assert.equal(inDb0.code, 2);
    assert.match(inDb0.err, /no rate-limit keys/);
  } finally {
    await client.flushdb();
    client.disconnect();
  }
});
