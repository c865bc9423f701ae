// A real HTTPS client (node:https) that trusts the test CA. Every reply goes through the contract
// check: reviews posted to the validating path must satisfy the API server's contract, everything
// else must be a JSON error body or an operations endpoint.
import { request as httpsRequest, type Agent } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { assertErrorContract, assertReviewContract, type RawReply } from './contract.js';
import type { Wire } from './contract.js';

export interface Target {
  readonly port: number;
  readonly ca: string | string[];
  readonly agent?: Agent;
}

export interface Reply extends RawReply {
  /** SHA-256 fingerprint of the certificate the server presented. */
  readonly fingerprint: string;
  readonly reusedSocket: boolean;
}

export interface SendOptions {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  readonly timeoutMs?: number;
}

export function send(target: Target, opts: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        port: target.port,
        ca: target.ca,
        agent: target.agent ?? false,
        method: opts.method ?? 'POST',
        path: opts.path ?? '/validate',
        headers: opts.headers ?? { 'content-type': 'application/json' },
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const socket = res.socket as TLSSocket;
        const fingerprint = socket.getPeerCertificate().fingerprint256;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), fingerprint, reusedSocket: req.reusedSocket }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Posts a review and checks the contract; returns the parsed AdmissionReview answer. */
export async function review(target: Target, body: Wire, query = ''): Promise<{ reply: Reply; answer: Wire }> {
  const reply = await send(target, { path: `/validate${query}`, body: JSON.stringify(body) });
  return { reply, answer: assertReviewContract(body, reply) };
}

/** Sends anything and checks the reply against the contract it must meet. */
export async function sendChecked(target: Target, opts: SendOptions): Promise<{ reply: Reply; json: Wire }> {
  const reply = await send(target, opts);
  if (reply.status === 200 && (opts.path ?? '/validate').startsWith('/validate')) {
    return { reply, json: assertReviewContract(JSON.parse(String(opts.body)), reply) };
  }
  if (reply.status >= 400 && !(opts.path ?? '').startsWith('/readyz')) return { reply, json: assertErrorContract(reply) };
  return { reply, json: reply.headers['content-type']?.toString().startsWith('application/json') ? JSON.parse(reply.body) : reply.body };
}
