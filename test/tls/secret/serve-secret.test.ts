// End to end: the built CLI (`node dist/cli/main.js serve --cert-source secret`) against the fake
// API server. It creates the shared Secret, injects the caBundle, becomes ready, answers a real
// AdmissionReview over TLS that verifies against the injected bundle, swaps to a leaf another
// replica wrote into the Secret without restarting, and withdraws its report on SIGTERM.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { issueLeaf } from '../../../src/tls/certs.js';
import { decodeSecret, encodeSecret } from '../../../src/tls/secret/secret-codec.js';
import { serviceDnsNames } from '../../../src/tls/secret/source.js';
import { FakeApiServer } from '../../kube/fake-apiserver.js';
import { eventually, namespace, secretKey, secretName, seedWebhookConfiguration, webhookKey } from '../../kube/harness.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'dist/cli/main.js');
const skip = existsSync(main) ? false : 'dist/cli/main.js not built: run `npm run build` (npm test does)';
const host = `vmcp-admission.${namespace}.svc`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly peer: X509Certificate;
}

/** HTTPS to the child, trusting only the caBundle the fake API server holds, as the API server would. */
function call(port: number, bundle: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', ca: bundle, servername: host, headers, agent: false }, (res) => {
      const peer = new X509Certificate((res.socket as TLSSocket).getPeerCertificate().raw);
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, peer }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function bundleOf(fake: FakeApiServer): string {
  const b64 = (fake.store.get(webhookKey)?.webhooks[0].clientConfig.caBundle as string | undefined) ?? '';
  return Buffer.from(b64, 'base64').toString('utf8');
}

void test('serve --cert-source secret: certificates from the Secret, injected bundle, live swap, clean exit', { skip }, async () => {
  const fake = await FakeApiServer.start();
  seedWebhookConfiguration(fake);
  const dir = mkdtempSync(join(tmpdir(), 'vmcp-kube-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters: [{name: fake, cluster: {server: "${fake.url}", insecure-skip-tls-verify: true}}]\n` +
      `users: [{name: fake, user: {token: fake-token}}]\ncontexts: [{name: fake, context: {cluster: fake, user: fake}}]\ncurrent-context: fake\n`,
  );
  const port = await freePort();
  const args = [main, 'serve', '--cert-source=secret', '--service=vmcp-admission', `--port=${port}`, '--host=127.0.0.1', '--drain-delay=0s', '--log-level=warn'];
  const env = { ...process.env, KUBECONFIG: kubeconfig, VMCP_ADMISSION_NAMESPACE: namespace, VMCP_ADMISSION_POD_NAME: 'pod-e2e' };
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    let ready: Answer | undefined;
    await eventually(() => bundleOf(fake) !== '', 'caBundle injected', 15_000);
    await eventually(() => {
      void call(port, bundleOf(fake), '/readyz').then((a) => (ready = a), () => undefined);
      return ready?.status === 200;
    }, `ready over TLS verified by the injected bundle (output: ${output})`, 15_000);

    const review = readFileSync(join(root, 'examples/admissionreview-create-ratelimit-without-redis.json'), 'utf8');
    const answer = await call(port, bundleOf(fake), '/validate', review);
    assert.equal(answer.status, 200);
    assert.equal((JSON.parse(answer.body) as { response: { allowed: boolean } }).response.allowed, false);

    // Another replica renews the leaf from the same CA: this process must serve it, without restarting.
    const stored = fake.store.get(secretKey)!;
    const contents = decodeSecret(stored);
    const now = Date.now();
    const leaf = await issueLeaf(contents.ca!, serviceDnsNames('vmcp-admission', namespace), { notBefore: new Date(now - 60_000), notAfter: new Date(now + 200 * 86_400_000) });
    assert.equal(fake.store.update(secretKey, encodeSecret({ namespace, name: secretName }, { ...contents, leaf }, stored)).ok, true);
    const renewed = new X509Certificate(leaf.cert).fingerprint256;
    let served = '';
    await eventually(() => {
      void call(port, bundleOf(fake), '/healthz').then((a) => (served = a.peer.fingerprint256), () => undefined);
      return served === renewed;
    }, 'the renewed leaf is served', 10_000);
    assert.equal(child.exitCode, null, 'same process');
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    const serving = decodeSecret(fake.store.get(secretKey) ?? {}).serving;
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, output);
    assert.equal(serving.has('pod-e2e'), false, 'report withdrawn on shutdown');
  }
});
