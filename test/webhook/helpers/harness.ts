// Starts the real server (startServer) on 127.0.0.1:0 with certificates generated into a temp
// directory, the real file TlsSource and, unless a test injects one, the real engine.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { ServeConfig } from '../../../src/config.js';
import { loadServeConfig } from '../../../src/cli/serve-args.js';
import { createFileTlsSource } from '../../../src/tls/file-source.js';
import type { ValidateFn } from '../../../src/webhook/judge.js';
import { makeValidate } from '../../../src/webhook/run-serve.js';
import { ensureSelfSigned, defaultHosts } from '../../../src/tls/self-signed.js';
import { startServer, type RunningServer } from '../../../src/webhook/server.js';
import type { Wire } from './contract.js';

export interface Harness {
  readonly server: RunningServer;
  readonly port: number;
  readonly ca: string;
  readonly dir: string;
  readonly config: ServeConfig;
  readonly logs: string[];
  readonly registry: Registry;
  stop(): Promise<void>;
}

export async function freshCerts(dir: string): Promise<string> {
  await ensureSelfSigned({ dir, hosts: defaultHosts(), now: new Date() });
  return readFile(join(dir, 'ca.crt'), 'utf8');
}

export async function startHarness(flags: string[] = [], validate?: ValidateFn): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'vmcp-webhook-'));
  const ca = await freshCerts(dir);
  const loaded = loadServeConfig(['--host', '127.0.0.1', '--port', '0', '--cert-dir', dir, '--drain-delay', '200ms', ...flags], {});
  if (!loaded.ok) throw new Error(loaded.message);
  const config = loaded.config;
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const tls = await createFileTlsSource({ dir, pollIntervalMs: config.certPollIntervalMs, logger, now: () => new Date() });
  const registry = new Registry();
  const server = await startServer({ config, logger, validate: validate ?? (await makeValidate(config)), tls, registry });
  const stop = async (): Promise<void> => {
    await server.shutdown('test done');
    await rm(dir, { recursive: true, force: true });
  };
  return { server, port: server.port, ca, dir, config, logs, registry, stop };
}

export const fixture = async (name: string): Promise<Wire> =>
  JSON.parse(await readFile(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
