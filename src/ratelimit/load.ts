// Synthetic load, pure and seeded: `users=50,rate=2/s,tools=a|b,duration=60s[,seed=1]`.
// Each user calls at `rate` (Poisson arrivals: exponential gaps from a seeded PRNG), each call picks
// one of `tools` uniformly; users are named user-01 .. user-50. `users=0` makes one caller without
// identity (per-user buckets skipped). Times are rounded to microseconds. Same spec, same trace.
import { parseGoDuration } from '../core/duration.js';
import type { TraceCall } from './trace.js';

export interface LoadSpec {
  readonly users: number;
  /** Calls per second per user. */
  readonly rate: number;
  readonly tools: readonly string[];
  readonly durationSeconds: number;
  readonly seed: number;
}

/** Refused above this many expected calls (users x rate x duration). */
export const MAX_LOAD_CALLS = 5_000_000;

const UNITS: Readonly<Record<string, string>> = { s: '1s', sec: '1s', m: '1m', min: '1m', h: '1h' };

function seconds(text: string): number | undefined {
  const d = parseGoDuration(text);
  return d.ok && d.nanoseconds > 0n ? Number(d.nanoseconds) / 1e9 : undefined;
}

function parseRate(text: string): number | string {
  const [count, per, extra] = text.split('/');
  const n = Number(count);
  const unit = per === undefined ? undefined : seconds(UNITS[per] ?? per);
  if (extra !== undefined || count === '' || !Number.isFinite(n) || n <= 0 || unit === undefined) return `rate must look like 2/s, 30/m, 100/h or 3/7s, got "${text}"`;
  return n / unit;
}

type Fields = Record<string, string>;

function fields(text: string): Fields | string {
  const out: Fields = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !['users', 'rate', 'tools', 'duration', 'seed'].includes(key)) return `unknown load field "${part}": use users=, rate=, tools=, duration=, seed=`;
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

const wholeNumber = (text: string | undefined, fallback: number): number => (text === undefined ? fallback : /^\d{1,9}$/.test(text) ? Number(text) : NaN);

function check(spec: LoadSpec): string | undefined {
  if (!Number.isInteger(spec.users)) return 'users must be a whole number (0 = callers without identity)';
  if (!Number.isInteger(spec.seed)) return 'seed must be a whole number';
  if (spec.tools.length === 0 || spec.tools.some((t) => t === '')) return 'tools must be names separated by |, e.g. tools=search|fetch';
  const expected = Math.max(1, spec.users) * spec.rate * spec.durationSeconds;
  if (expected > MAX_LOAD_CALLS) return `the load would make about ${Math.round(expected)} calls; the limit is ${MAX_LOAD_CALLS}`;
  return undefined;
}

export function parseLoadSpec(text: string): LoadSpec | { error: string } {
  const f = fields(text);
  if (typeof f === 'string') return { error: f };
  const rate = parseRate(f.rate ?? '1/s');
  if (typeof rate === 'string') return { error: rate };
  const durationSeconds = seconds(f.duration ?? '60s');
  if (durationSeconds === undefined) return { error: `duration must be a positive Go duration such as 60s or 5m, got "${f.duration}"` };
  const spec: LoadSpec = { users: wholeNumber(f.users, 10), rate, tools: (f.tools ?? 'tool').split('|'), durationSeconds, seed: wholeNumber(f.seed, 1) };
  const error = check(spec);
  return error === undefined ? spec : { error: `--load: ${error}` };
}

/** mulberry32: a small, well-distributed 32-bit PRNG; deterministic for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const userName = (i: number, count: number): string => `user-${String(i + 1).padStart(String(count).length, '0')}`;

export function generateLoad(spec: LoadSpec): TraceCall[] {
  const random = prng(spec.seed);
  const callers = spec.users === 0 ? [''] : Array.from({ length: spec.users }, (_, i) => userName(i, spec.users));
  const calls: TraceCall[] = [];
  for (const user of callers) {
    let t = -Math.log(1 - random()) / spec.rate;
    while (t < spec.durationSeconds) {
      const tool = spec.tools[Math.min(spec.tools.length - 1, Math.floor(random() * spec.tools.length))]!;
      calls.push({ t: Math.round(t * 1e6) / 1e6, tool, user });
      t += -Math.log(1 - random()) / spec.rate;
    }
  }
  return calls.sort((a, b) => a.t - b.t);
}
