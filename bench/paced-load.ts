// An open-loop load at a fixed rate, evenly spaced: the way to read latency "at half of the maximum
// load". autocannon's overallRate is a per-connection quota per second, refilled by a 1 s timer:
// each connection sends back to back until its quota is spent, then idles. Half the rate is then full
// load for half of every second, and its p99 is the p99 of saturation. Here request k is due at
// k / rate seconds and sent by a 1 ms tick. Latency runs from the send call to the end of the
// response, so waiting for a free connection behind a slow answer is counted. How late each send
// was against its due time is reported apart (`lags`): a tick's own granularity puts that at up to
// ~1 ms; more means the client fell behind and the latencies understate (coordinated omission).
import { Agent, request } from 'node:https';

export interface PacedResult {
  readonly sent: number;
  readonly rps: number;
  /** Latencies in ms from each send call to the end of its response, sorted. */
  readonly latencies: readonly number[];
  /** How late each request was sent against its due time, ms, sorted. */
  readonly lags: readonly number[];
  readonly errors: number;
  readonly non2xx: number;
}

export interface PacedOptions {
  readonly port: number;
  readonly ca: string;
  readonly bodies: readonly string[];
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
  readonly path?: string;
}

/** One keep-alive HTTPS POST; resolves with its status (0 on a transport error). */
function post(agent: Agent, o: PacedOptions, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ agent, host: '127.0.0.1', port: o.port, servername: 'localhost', ca: o.ca, method: 'POST', path: o.path ?? '/validate', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

export async function pacedLoad(o: PacedOptions): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections, ca: o.ca, servername: 'localhost' });
  const latencies: number[] = [];
  const lags: number[] = [];
  const pending: Promise<void>[] = [];
  let errors = 0;
  let non2xx = 0;
  const total = Math.round(o.rate * o.seconds);
  const started = performance.now();
  let sent = 0;
  const one = async (body: string, due: number): Promise<void> => {
    const at = performance.now();
    lags.push(at - due);
    const status = await post(agent, o, body);
    latencies.push(performance.now() - at);
    if (status === 0) errors++;
    else if (status < 200 || status >= 300) non2xx++;
  };
  // A 1 ms tick sends every request that has come due; at a few thousand req/s that is a couple per tick.
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - started) / 1000) * o.rate));
      for (; sent < dueNow; sent++) pending.push(one(o.bodies[sent % o.bodies.length]!, started + (sent * 1000) / o.rate));
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return { sent, rps: sent / elapsed, latencies, lags, errors, non2xx };
}
