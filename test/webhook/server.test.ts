// Operations under load over real HTTPS: certificate rotation with zero failed requests and the new
// certificate observed; graceful drain with zero failures; keep-alive behaviour.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { connect, type TLSSocket } from 'node:tls';
import { loadServeConfig } from '../../src/cli/serve-args.js';
import { review, send, sendChecked } from './helpers/client.js';
import { fixture, freshCerts, startHarness } from './helpers/harness.js';
import { runLoad, sleep } from './helpers/load.js';
import { assertReviewContract, type Wire } from './helpers/contract.js';

/** A new CA and pair, generated aside; returns the CA and a function that installs the pair. */
async function prepareRotation(dir: string): Promise<{ ca: string; install: () => Promise<void> }> {
  const next = await mkdtemp(join(tmpdir(), 'vmcp-next-'));
  const ca = await freshCerts(next);
  return { ca, install: () => install(next, dir) };
}

/** Replaces the pair the way a careless tool would: key first, certificate a moment later. */
async function install(next: string, dir: string): Promise<void> {
  await writeFile(join(dir, 'tls.key.new'), await readFile(join(next, 'tls.key')));
  await writeFile(join(dir, 'tls.crt.new'), await readFile(join(next, 'tls.crt')));
  await rename(join(dir, 'tls.key.new'), join(dir, 'tls.key'));
  await sleep(300); // longer than the poll interval: the mismatched pair is certainly read once
  await rename(join(dir, 'tls.crt.new'), join(dir, 'tls.crt'));
  await rm(next, { recursive: true, force: true });
}

void describe('certificate rotation under load', () => {
  void it('swaps the certificate without a restart or a single failed request', async () => {
    const h = await startHarness(['--cert-poll-interval', '100ms']);
    try {
      const body = await fixture('admissionreview-create-v1-ratelimit-without-redis');
      let stop = false;
      const next = await prepareRotation(h.dir);
      const target = { port: h.port, ca: [h.ca, next.ca] };
      const load = runLoad(target, { workers: 6, keepAliveWorkers: 3, body, stop: () => stop });
      await sleep(300);
      await next.install();
      await sleep(500);
      stop = true;
      const result = await load;
      assert.deepEqual(result.failures, []);
      assert.ok(result.ok > 50, `only ${result.ok} requests`);
      assert.equal(result.fingerprints.length, 2, 'old and new certificate both served');
      const fresh = await send({ port: h.port, ca: next.ca }, { method: 'GET', path: '/healthz' });
      assert.equal(fresh.fingerprint, result.fingerprints[1], 'new handshakes get the new certificate');
      assert.ok(h.logs.some((l) => l.includes('certificate files not usable yet')), 'the half-rotated pair was seen and skipped');
    } finally {
      await h.stop();
    }
  });
});

void describe('graceful shutdown under load', () => {
  void it('turns unready, drains with Connection: close and loses no request', async () => {
    const h = await startHarness(['--drain-delay', '1s']);
    const body = await fixture('admissionreview-create-v1-valid');
    let stop = false;
    const load = runLoad({ port: h.port, ca: h.ca }, { workers: 6, keepAliveWorkers: 4, body, stop: () => stop });
    await sleep(300);
    const closed = h.server.shutdown('SIGTERM (test)');
    await sleep(50);
    const ready = await sendChecked(h, { method: 'GET', path: '/readyz' });
    assert.equal(ready.reply.status, 503);
    assert.equal(ready.json.status, 'not ready');
    // The API server stops routing to an unready endpoint; the load stops well inside the drain.
    await sleep(250);
    stop = true;
    const result = await load;
    await closed;
    assert.deepEqual(result.failures, []);
    assert.ok(result.connectionClose > 0, 'drain responses say Connection: close');
    await assert.rejects(send(h, { method: 'GET', path: '/healthz' }), /ECONNREFUSED/);
    await rm(h.dir, { recursive: true, force: true });
  });

  void it('completes a request whose body is still arriving when the listener closes', async () => {
    const h = await startHarness(['--drain-delay', '100ms']);
    const text = JSON.stringify(await fixture('admissionreview-create-v1-valid'));
    const { request } = await import('node:https');
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', servername: 'localhost', port: h.port, ca: h.ca, method: 'POST', path: '/validate', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      });
      req.on('error', reject);
      req.write(text.slice(0, 100));
      setTimeout(() => req.end(text.slice(100)), 400);
    });
    await sleep(50);
    const closed = h.server.shutdown('SIGTERM (test)');
    const reply = await answer;
    await closed;
    assert.equal(reply.status, 200);
    assert.equal(JSON.parse(reply.body).response.allowed, true);
    await rm(h.dir, { recursive: true, force: true });
  });
});

/** Splits a raw HTTP/1.1 response and runs the contract check on it. */
function assertRawReview(request: Wire, raw: string): void {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  assertReviewContract(request, { status: Number(statusLine.split(' ')[1]), headers, body });
}

/** One raw HTTP/1.1 request on an open TLS socket; resolves with the whole response text. */
function exchange(socket: TLSSocket, body: string): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    const onData = (chunk: Buffer): void => {
      data += chunk.toString();
      const head = data.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(data)?.[1] ?? -1);
      if (head >= 0 && length >= 0 && Buffer.byteLength(data.slice(head + 4)) >= length) {
        socket.off('data', onData);
        resolve(data);
      }
    };
    socket.on('data', onData);
    socket.write(`POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

void describe('keep-alive', () => {
  void it('defaults above the API server idle timeout of 90 s', () => {
    const loaded = loadServeConfig([], {});
    assert.ok(loaded.ok);
    assert.ok(loaded.config.keepAliveTimeoutMs > 90_000);
  });

  void it('keeps idle connections open for the configured time, then closes them', async () => {
    const h = await startHarness(['--keep-alive-timeout', '400ms']);
    try {
      const text = JSON.stringify(await fixture('admissionreview-create-v1-valid'));
      const socket = connect({ host: '127.0.0.1', port: h.port, servername: 'localhost', ca: h.ca });
      await once(socket, 'secureConnect');
      const ended = once(socket, 'close');
      const request = JSON.parse(text);
      assertRawReview(request, await exchange(socket, text));
      await sleep(150);
      assertRawReview(request, await exchange(socket, text)); // the same connection serves again within the timeout
      const idleFrom = performance.now();
      await ended;
      const idle = performance.now() - idleFrom;
      assert.ok(idle >= 350 && idle < 2000, `closed after ${Math.round(idle)} ms idle`);
    } finally {
      await h.stop();
    }
  });

  void it('announces the default keep-alive to clients', async () => {
    const h = await startHarness();
    try {
      const agent = new Agent({ keepAlive: true });
      const { reply } = await review({ ...h, agent }, await fixture('admissionreview-create-v1-valid'));
      agent.destroy();
      assert.equal(reply.headers['keep-alive'], 'timeout=120');
    } finally {
      await h.stop();
    }
  });
});
