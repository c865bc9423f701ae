// TlsSource backed by files in a directory (tls.crt, tls.key, optional ca.crt), e.g. a mounted
// kubernetes.io/tls Secret. Changes are picked up by fs.watch (fast) and a poll (watch misses events
// on some filesystems and on the Secret volume's symlink swaps). A new pair is only published once
// the key matches the certificate, so a half-written rotation never reaches a handshake.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TlsMaterial, TlsSource } from './source.js';

export interface FileTlsSourceOptions {
  readonly dir: string;
  readonly pollIntervalMs: number;
  readonly logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  readonly now: () => Date;
}

/** Reads and checks the pair; throws with a message naming the file on any problem. */
export async function readTlsMaterial(dir: string): Promise<TlsMaterial> {
  const read = (name: string): Promise<string> =>
    readFile(join(dir, name), 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new Error(`${join(dir, name)}: cannot read (${err.code ?? err.message})`);
    });
  const cert = await read('tls.crt');
  const key = await read('tls.key');
  const ca = await read('ca.crt').catch(() => undefined);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (err) {
    throw new Error(`${join(dir, 'tls.crt')}: not a PEM certificate (${(err as Error).message})`);
  }
  // Checked explicitly: tls.createSecureContext silently accepts an empty key, which is exactly what a
  // half-written tls.key looks like during a rotation.
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (err) {
    throw new Error(`${join(dir, 'tls.key')}: not a PEM private key (${(err as Error).message})`);
  }
  if (!x509.checkPrivateKey(privateKey)) throw new Error(`${join(dir, 'tls.key')}: does not match ${join(dir, 'tls.crt')} (key values mismatch)`);
  const notAfter = new Date(x509.validTo);
  return ca === undefined ? { cert, key, notAfter } : { cert, key, ca, notAfter };
}

class FileTlsSource implements TlsSource {
  private material: TlsMaterial | undefined;
  private readonly listeners = new Set<(m: TlsMaterial) => void>();
  private watcher: FSWatcher | undefined;
  private poll: NodeJS.Timeout | undefined;
  private lastProblem = '';
  private reloading: Promise<void> | undefined;
  private again = false;

  constructor(private readonly opts: FileTlsSourceOptions) {}

  async start(): Promise<void> {
    this.material = await readTlsMaterial(this.opts.dir);
    this.poll = setInterval(() => void this.reload(), this.opts.pollIntervalMs).unref();
    try {
      this.watcher = watch(this.opts.dir, { persistent: false }, () => void this.reload());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // No watch support here: the poll alone keeps certificates fresh.
    }
  }

  current(): TlsMaterial | undefined {
    return this.material;
  }

  subscribe(listener: (material: TlsMaterial) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ready(): boolean {
    return this.material !== undefined && this.material.notAfter > this.opts.now();
  }

  async close(): Promise<void> {
    clearInterval(this.poll);
    this.watcher?.close();
    this.listeners.clear();
    return Promise.resolve();
  }

  /** Serialised: a watch burst must never let an older read overwrite a newer pair. */
  async reload(): Promise<void> {
    if (this.reloading !== undefined) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async (): Promise<void> => {
      do {
        this.again = false;
        await this.readOnce();
      } while (this.again);
    })();
    await this.reloading;
    this.reloading = undefined;
  }

  /** Re-reads the files; publishes only a complete, different, matching pair. */
  private async readOnce(): Promise<void> {
    try {
      const next = await readTlsMaterial(this.opts.dir);
      this.lastProblem = '';
      if (next.cert === this.material?.cert && next.key === this.material.key) return;
      this.material = next;
      this.opts.logger.info({ dir: this.opts.dir, notAfter: next.notAfter.toISOString() }, 'serving certificate reloaded');
      for (const listener of this.listeners) listener(next);
    } catch (err) {
      const problem = (err as Error).message;
      // Mid-rotation states are normal for a moment; say so once, not on every poll.
      if (problem !== this.lastProblem) this.opts.logger.warn({ problem }, 'certificate files not usable yet; keeping the current certificate');
      this.lastProblem = problem;
    }
  }
}

/** Loads the pair now (throws if it is missing or broken), then follows changes. */
export async function createFileTlsSource(opts: FileTlsSourceOptions): Promise<TlsSource> {
  const source = new FileTlsSource(opts);
  await source.start();
  return source;
}
