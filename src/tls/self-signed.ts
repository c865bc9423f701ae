// Local certificates for `serve` when --cert-dir holds none: a throw-away CA plus a serving certificate
// it signs, written as ca.crt, tls.crt and tls.key (the names a kubernetes.io/tls Secret mounts).
// The CA key is not kept: regenerating means a new CA, which is fine for development.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SelfSignedOptions {
  readonly dir: string;
  /** DNS names and IP addresses for the serving certificate's SANs. */
  readonly hosts: readonly string[];
  readonly now: Date;
  /** Validity in days (default 365). */
  readonly days?: number;
}

export interface SelfSignedResult {
  readonly generated: boolean;
  readonly caPath: string;
}

/** localhost and 127.0.0.1, plus the in-cluster service names when service and namespace are known. */
export function defaultHosts(service?: string, namespace?: string): string[] {
  const hosts = ['localhost', '127.0.0.1'];
  if (service !== undefined && service !== '' && namespace !== undefined && namespace !== '') {
    hosts.push(`${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`);
  }
  return hosts;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Write-then-rename so a watcher never reads half a file. */
async function writeAtomic(path: string, text: string, mode: number): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text, { mode });
  await rename(tmp, path);
}

/** Generates the CA and serving certificate unless tls.crt and tls.key are already there. */
export async function ensureSelfSigned(opts: SelfSignedOptions): Promise<SelfSignedResult> {
  const caPath = join(opts.dir, 'ca.crt');
  if ((await exists(join(opts.dir, 'tls.crt'))) && (await exists(join(opts.dir, 'tls.key')))) return { generated: false, caPath };
  await mkdir(opts.dir, { recursive: true });
  // Evaluated only to generate: a server given its certificates never runs the issuer.
  const { issueCa, issueLeaf } = await import('./certs.js');
  const validity = { notBefore: new Date(opts.now.getTime() - 60_000), notAfter: new Date(opts.now.getTime() + (opts.days ?? 365) * 86_400_000) };
  const ca = await issueCa(validity, `vmcp-admission local CA ${randomBytes(4).toString('hex')}`);
  const leaf = await issueLeaf(ca, opts.hosts.length > 0 ? opts.hosts : ['localhost'], validity);
  await writeAtomic(caPath, ca.cert, 0o644);
  await writeAtomic(join(opts.dir, 'tls.key'), leaf.key, 0o600);
  await writeAtomic(join(opts.dir, 'tls.crt'), leaf.cert, 0o644);
  return { generated: true, caPath };
}
