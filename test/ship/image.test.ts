// The image's default command as the Deployment runs it, without a docker daemon: the Dockerfile's
// ENTRYPOINT + CMD, ENV and WORKDIR, with the built bundle staged as /app would be, run as uid/gid
// 65532 (setpriv) with /app bind-mounted read-only (unshare --mount) and a writable directory for
// /certs (the emptyDir). It must generate its certificates there and answer reviews over TLS; the
// same command without a writable certificate directory must stop with exit 2 and say what to mount.
// Needs Linux, root (to switch users and mount), setpriv and unshare: skipped with a message otherwise.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { send } from '../webhook/helpers/client.js';
import { runtimeStage } from './dockerfile.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const image = runtimeStage(join(root, 'Dockerfile'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; license: string; repository: { url: string } };

const has = (cmd: string): boolean => {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const skip =
  process.platform !== 'linux' || process.getuid?.() !== 0
    ? 'needs Linux and root (setpriv to uid 65532, a read-only bind mount)'
    : !has('setpriv') || !has('unshare')
      ? 'needs setpriv and unshare (util-linux)'
      : !existsSync(join(root, 'dist/bundle/cli/main.js'))
        ? 'needs the bundle: npm run build'
        : false;

void test('OCI labels name the version, licence and source that package.json names', () => {
  assert.equal(image.labels['org.opencontainers.image.version'], pkg.version);
  assert.equal(image.labels['org.opencontainers.image.licenses'], pkg.license);
  assert.equal(image.labels['org.opencontainers.image.source'], pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  assert.equal(image.labels['org.opencontainers.image.title'], 'vmcp-admission');
  assert.equal(image.user, '65532:65532');
  assert.equal(image.env.VMCP_ADMISSION_CERT_DIR, '/certs', 'certificates outside the (read-only) working directory');
  assert.notEqual(image.workdir, image.env.VMCP_ADMISSION_CERT_DIR);
});

interface Staged {
  readonly base: string;
  readonly app: string;
  readonly certs: string;
}

/** /app as the runtime stage copies it (the repository's node_modules stand in for the production ones). */
function stage(): Staged {
  const base = mkdtempSync(join(tmpdir(), 'vmcp-image-'));
  chmodSync(base, 0o755);
  const app = join(base, 'app');
  mkdirSync(join(app, 'dist'), { recursive: true });
  cpSync(join(root, 'dist/bundle'), join(app, 'dist/bundle'), { recursive: true });
  cpSync(join(root, 'schemas'), join(app, 'schemas'), { recursive: true });
  for (const file of ['package.json', 'LICENSE', 'NOTICE']) cpSync(join(root, file), join(app, file));
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'));
  const certs = join(base, 'certs');
  mkdirSync(certs);
  chownSync(certs, 65532, 65532);
  return { base, app, certs };
}

interface Run {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** ENTRYPOINT + CMD (or `docker run` arguments in its place) with the image's paths mapped to the staged ones, as 65532, /app read-only. */
function runAsImage(s: Staged, env: Record<string, string>, cmd: readonly string[] = image.cmd): Run {
  const map = (v: string): string => v.replace(/^\/nodejs\/bin\/node$/, process.execPath).replace(/^\/app(?=\/|$)/, s.app).replace(/^\/certs(?=\/|$)/, s.certs);
  const command = [...image.entrypoint, ...cmd].map(map);
  const vars = Object.entries(env).map(([k, v]) => `${k}=${map(v)}`);
  const script = 'mount --bind -o ro "$0" "$0" && cd "$0" && exec setpriv --reuid 65532 --regid 65532 --clear-groups env -i "$@"';
  const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, s.app, ...vars, ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => stdout.push(l));
  createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l));
  return { child, stdout, stderr };
}

async function listeningPort(run: Run): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const m = run.stdout.map((l) => /"port":(\d+),"path"/.exec(l)).find((x) => x !== null);
    if (m) return Number(m[1]);
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not listening: ${run.stdout.join('\n')}\n${run.stderr.join('\n')}`);
}

// Loopback and a free port instead of 0.0.0.0:8443 (other processes on this machine), no drain wait.
const testEnv = { PATH: '/usr/bin:/bin', VMCP_ADMISSION_HOST: '127.0.0.1', VMCP_ADMISSION_PORT: '0', VMCP_ADMISSION_DRAIN_DELAY: '0s' };

void describe('the image default command as uid 65532 on a read-only /app', { skip }, () => {
  let s: Staged;
  before(() => (s = stage()));
  after(() => rmSync(s.base, { recursive: true, force: true }));

  void test('generates certificates into the writable /certs and judges reviews over TLS', async () => {
    const run = runAsImage(s, { ...image.env, ...testEnv });
    try {
      const port = await listeningPort(run);
      const status = readFileSync(`/proc/${run.child.pid}/status`, 'utf8');
      assert.match(status, /^Uid:\s+65532\s+65532\s+65532\s+65532$/m, 'runs as 65532');
      assert.deepEqual(readdirSync(s.certs).sort(), ['ca.crt', 'tls.crt', 'tls.key']);
      assert.equal(statSync(join(s.certs, 'tls.key')).uid, 65532);
      assert.ok(!existsSync(join(s.app, 'certs')), 'nothing written to the working directory');
      const ca = readFileSync(join(s.certs, 'ca.crt'), 'utf8');
      const health = await send({ port, ca }, { method: 'GET', path: '/readyz' });
      assert.equal(health.status, 200);
      const body = readFileSync(join(root, 'examples/admissionreview-create-ratelimit-without-redis.json'), 'utf8');
      const denied = await send({ port, ca }, { body });
      assert.equal(denied.status, 200);
      assert.match(denied.body, /"allowed":false.*config\.rateLimiting requires sessionStorage with provider 'redis'/);
      const valid = await send({ port, ca }, { body: readFileSync(join(root, 'examples/admissionreview-create-valid.json'), 'utf8') });
      assert.match(valid.body, /"allowed":true/);
      const exited = once(run.child, 'exit');
      run.child.kill('SIGTERM');
      assert.deepEqual(await exited, [0, null], run.stderr.join('\n'));
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  // The code cache beside the bundle (cli/bin.ts) cannot be written on a read-only /app, and the
  // build's cache (made without the ENTRYPOINT's node flags) is not the one this command would read.
  void test('validate on the read-only /app: compiled without a code cache, nothing written, nothing on stderr', async () => {
    const input = join(s.base, 'input.yaml');
    cpSync(join(root, 'examples/ratelimit-without-redis.yaml'), input);
    chmodSync(input, 0o644);
    const before = readdirSync(join(s.app, 'dist/bundle/cli')).sort();
    const run = runAsImage(s, { ...image.env, ...testEnv }, ['validate', input]);
    const [code] = (await once(run.child, 'exit')) as [number];
    await new Promise((r) => setImmediate(r));
    assert.equal(code, 1, run.stderr.join('\n'));
    assert.match(run.stdout.join('\n'), /config\.rateLimiting requires sessionStorage with provider 'redis'/);
    assert.deepEqual(run.stderr, []);
    assert.deepEqual(readdirSync(join(s.app, 'dist/bundle/cli')).sort(), before);
  });

  void test('without a writable certificate directory: exit 2 naming --cert-dir and what to mount', async () => {
    const { VMCP_ADMISSION_CERT_DIR: _dropped, ...env } = image.env;
    const run = runAsImage(s, { ...env, ...testEnv });
    const [code] = (await once(run.child, 'exit')) as [number];
    assert.equal(code, 2, run.stderr.join('\n'));
    assert.match(run.stderr.join('\n'), /vmcp-admission serve: E[A-Z]+: .*mkdir 'certs' \(--cert-dir "certs" must be writable .*emptyDir/);
  });
});
