// The built CLI's `serve` with cluster access whose API server is a black hole (requests read, never
// answered): it still becomes ready (without relations), and SIGTERM still ends it with exit 0 in
// bounded time. A list or watch that never got its response headers cannot be aborted by the
// Kubernetes client, so nothing may wait for it at shutdown — otherwise the pod would live on until
// the kubelet kills it at the end of its grace period.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FakeApiServer } from '../kube/fake-apiserver.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

void test('serve: SIGTERM ends the process in bounded time while the API server never answers', async () => {
  const fake = await FakeApiServer.start();
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-blackhole-'));
  try {
    fake.setStalled(true);
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, fake.kubeConfig().exportConfig());
    const args = [join(root, 'dist/bundle/cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', '0', '--cert-dir', join(dir, 'certs'), '--drain-delay', '0s', '--kubeconfig', kubeconfig];
    const { KUBERNETES_SERVICE_HOST: _inCluster, ...env } = process.env;
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const lines: string[] = [];
    const exited = once(child, 'exit');
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (l) => {
        lines.push(l);
        if (l.includes('"msg":"listening"')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`serve exited early with ${code}:\n${lines.join('\n')}`)));
    });
    const signalled = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await exited;
    clearTimeout(timer);
    const took = Date.now() - signalled;
    assert.deepEqual([code, signal], [0, null], `serve did not exit by itself after SIGTERM (${took} ms):\n${lines.join('\n')}`);
    assert.ok(lines.some((l) => l.includes('"msg":"closed"')), lines.join('\n'));
    // Without the bounds, the requests in flight held it until the per-call timeout (~10 s); with them:
    // at most the 2 s wait for the watches plus the 1 s linger, and some slack for a loaded machine.
    assert.ok(took < 6000, `exit took ${took} ms after SIGTERM:\n${lines.join('\n')}`);
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
