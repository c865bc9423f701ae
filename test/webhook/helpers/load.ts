// A small closed-loop load generator over real HTTPS: `workers` loops post reviews until told to
// stop; every reply goes through the contract check, and every failure (network error, non-200,
// contract violation) is collected rather than thrown.
import { Agent } from 'node:https';
import { review, type Target } from './client.js';
import type { Wire } from './contract.js';

export interface LoadResult {
  readonly ok: number;
  readonly failures: string[];
  /** Certificate fingerprints seen, in order of first appearance. */
  readonly fingerprints: string[];
  readonly connectionClose: number;
}

export interface LoadOptions {
  readonly workers: number;
  /** Workers with a keep-alive agent; the rest open a new TLS connection per request. */
  readonly keepAliveWorkers: number;
  readonly body: Wire;
  readonly stop: () => boolean;
}

export async function runLoad(target: Omit<Target, 'agent'>, opts: LoadOptions): Promise<LoadResult> {
  const result = { ok: 0, failures: [] as string[], fingerprints: [] as string[], connectionClose: 0 };
  const worker = async (i: number): Promise<void> => {
    const agent = i < opts.keepAliveWorkers ? new Agent({ keepAlive: true, maxSockets: 1 }) : undefined;
    while (!opts.stop()) {
      try {
        const { reply } = await review({ ...target, ...(agent === undefined ? {} : { agent }) }, opts.body);
        result.ok += 1;
        if (!result.fingerprints.includes(reply.fingerprint)) result.fingerprints.push(reply.fingerprint);
        if (reply.headers.connection === 'close') result.connectionClose += 1;
      } catch (err) {
        result.failures.push((err as Error).message);
      }
    }
    agent?.destroy();
  };
  await Promise.all(Array.from({ length: opts.workers }, (_, i) => worker(i)));
  return result;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
