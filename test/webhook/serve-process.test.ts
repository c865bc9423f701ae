// The built CLI as a real process (`node dist/cli/main.js serve`, built by `npm test`): certificates
// generated on first start, the printed curl example works as pasted, SIGTERM in the middle of a
// load loses no request and exits 0, and a bad flag stops startup naming the allowed values.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fixture } from './helpers/harness.js';
import { runLoad, sleep } from './helpers/load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = join(root, 'dist/cli/main.js');

interface Started {
  readonly child: ChildProcess;
  readonly port: number;
  readonly out: string[];
}

async function startCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [main, 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      out.push(line);
      const m = /"port":(\d+),"path"/.exec(line);
      if (m !== null) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`serve exited early with ${code}: ${out.join('\n')}`)));
  });
  return { child, port, out };
}

void describe('vmcp-admission serve (built CLI)', () => {
  void it('generates certificates, prints a working curl example and drains on SIGTERM without failures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmcp-cli-'));
    try {
      const s = await startCli(['--host', '127.0.0.1', '--port', '0', '--cert-dir', dir, '--drain-delay', '1s', '--example']);
      assert.ok(s.out.some((l) => l.includes(`"caPath":"${join(dir, 'ca.crt')}"`)), 'the CA path is logged');
      await sleep(100);
      const curl = s.out.find((l) => l.includes('admissionreview-create-ratelimit-without-redis.json'));
      assert.equal(curl?.trim(), `curl --cacert ${join(dir, 'ca.crt')} -H 'Content-Type: application/json' --data @examples/admissionreview-create-ratelimit-without-redis.json https://localhost:${s.port}/validate`);
      const pasted = await promisify(execFile)('sh', ['-c', curl.trim()], { cwd: root }).catch((e: Error) => ({ stdout: `curl unavailable: ${e.message}` }));
      if (!pasted.stdout.startsWith('curl unavailable')) assert.match(pasted.stdout, /"allowed":false.*config\.rateLimiting requires sessionStorage with provider 'redis'/);

      const ca = await readFile(join(dir, 'ca.crt'), 'utf8');
      let stop = false;
      const load = runLoad({ port: s.port, ca }, { workers: 4, keepAliveWorkers: 3, body: await fixture('admissionreview-create-v1-valid'), stop: () => stop });
      await sleep(300);
      const exited = once(s.child, 'exit');
      s.child.kill('SIGTERM');
      await sleep(300);
      stop = true;
      const result = await load;
      const [code] = await exited;
      assert.equal(code, 0);
      assert.deepEqual(result.failures, []);
      assert.ok(result.ok > 20, `${result.ok} requests`);
      assert.ok(s.out.some((l) => l.includes('"msg":"draining: readiness false, responses say Connection: close"')));
      assert.ok(s.out.some((l) => l.includes('"msg":"closed"')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  void it('stops at startup on a bad flag, naming it and the allowed values', async () => {
    const run = promisify(execFile)(process.execPath, [main, 'serve', '--mode', 'lenient'], { cwd: root });
    await assert.rejects(run, (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 2);
      assert.equal(err.stderr, 'vmcp-admission serve: invalid value "lenient" for --mode (env VMCP_ADMISSION_MODE): must be one of strict, crd\nRun \'vmcp-admission serve --help\' for usage.\n');
      return true;
    });
  });
});
