// The file TlsSource: clear errors for missing or mismatched files, a change published once the pair
// is complete, never a mismatched pair, and expiry-based readiness.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createFileTlsSource, readTlsMaterial } from '../../src/tls/file-source.js';
import type { TlsMaterial } from '../../src/tls/source.js';
import { freshCerts } from '../webhook/helpers/harness.js';
import { sleep } from '../webhook/helpers/load.js';

const quiet = { info: (): void => undefined, warn: (): void => undefined };

async function withDirs<T>(fn: (a: string, b: string) => Promise<T>): Promise<T> {
  const a = await mkdtemp(join(tmpdir(), 'vmcp-fts-'));
  const b = await mkdtemp(join(tmpdir(), 'vmcp-fts-'));
  try {
    return await fn(a, b);
  } finally {
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
  }
}

void describe('file TlsSource', () => {
  void it('names the missing file', async () => {
    await withDirs(async (dir) => {
      await assert.rejects(createFileTlsSource({ dir, pollIntervalMs: 50, logger: quiet, now: () => new Date() }), { message: `${join(dir, 'tls.crt')}: cannot read (ENOENT)` });
    });
  });

  void it('names a key that does not match the certificate', async () => {
    await withDirs(async (a, b) => {
      await freshCerts(a);
      await freshCerts(b);
      await copyFile(join(b, 'tls.key'), join(a, 'tls.key'));
      await assert.rejects(readTlsMaterial(a), /tls\.key: does not match .*tls\.crt/);
    });
  });

  void it('rejects an empty or half-written key (what a reader sees mid-rotation)', async () => {
    await withDirs(async (a) => {
      await freshCerts(a);
      await writeFile(join(a, 'tls.key'), '');
      await assert.rejects(readTlsMaterial(a), /tls\.key: not a PEM private key/);
      await writeFile(join(a, 'tls.key'), '-----BEGIN PRIVATE KEY-----\nMIIE\n');
      await assert.rejects(readTlsMaterial(a), /tls\.key: not a PEM private key/);
    });
  });

  void it('rejects a file that is not a certificate', async () => {
    await withDirs(async (a) => {
      await freshCerts(a);
      await writeFile(join(a, 'tls.crt'), 'not pem');
      await assert.rejects(readTlsMaterial(a), /tls\.crt: not a PEM certificate/);
    });
  });

  void it('publishes a rotated pair once, and only when key and certificate match', async () => {
    await withDirs(async (a, b) => {
      await freshCerts(a);
      await freshCerts(b);
      const source = await createFileTlsSource({ dir: a, pollIntervalMs: 50, logger: quiet, now: () => new Date() });
      const seen: TlsMaterial[] = [];
      source.subscribe((m) => seen.push(m));
      const first = source.current()!;
      assert.ok(source.ready());
      await copyFile(join(b, 'tls.key'), join(a, 'tls.key'));
      await sleep(200);
      assert.equal(seen.length, 0, 'a mismatched pair is never published');
      assert.equal(source.current(), first);
      await copyFile(join(b, 'tls.crt'), join(a, 'tls.crt'));
      await sleep(200);
      assert.equal(seen.length, 1);
      assert.notEqual(seen[0]!.cert, first.cert);
      assert.ok(seen[0]!.ca !== undefined);
      await source.close();
    });
  });

  void it('is not ready once the certificate has expired', async () => {
    await withDirs(async (a) => {
      await freshCerts(a);
      const source = await createFileTlsSource({ dir: a, pollIntervalMs: 1000, logger: quiet, now: () => new Date(Date.now() + 400 * 86_400_000) });
      assert.equal(source.ready(), false);
      await source.close();
    });
  });
});
