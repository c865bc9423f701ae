// Fixture access for the rate-limit tests: a manifest's limiter configuration and a trace's calls.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { limiterConfig, type LimiterConfig } from '../../../src/ratelimit/limiter-config.js';
import { parseTrace, type TraceCall } from '../../../src/ratelimit/trace.js';

export const fixturesDir = new URL('../fixtures/', import.meta.url).pathname;

export const fixtureText = (name: string): string => readFileSync(fixturesDir + name, 'utf8');

export const configOf = (name: string): LimiterConfig => limiterConfig(parse(fixtureText(`${name}.vmcp.yaml`)));

export function traceOf(name: string): TraceCall[] {
  const parsed = parseTrace(fixtureText(`${name}.trace.jsonl`));
  if ('error' in parsed) throw new Error(`${name}: line ${parsed.line}: ${parsed.error}`);
  return parsed.calls;
}

/** 150 calls at t=5 for many-calls-one-timestamp. */
export const manyAtOnce = (): TraceCall[] => Array.from({ length: 150 }, () => ({ t: 5, tool: 'search', user: '' }));

/** Every fixture with a trace, plus the generated one: the shared table of the memory and Redis tests. */
export const traceCases = (): { name: string; config: LimiterConfig; calls: TraceCall[] }[] => [
  ...[
    'burst-then-refill',
    'three-per-seven-seconds',
    'one-per-hour',
    'one-per-ninety-minutes',
    'users-and-no-user',
    'per-tool-shared-and-per-user',
    'all-or-nothing',
    'first-empty-bucket-reported',
    'long-idle-gap',
    'rate-rounds-to-zero',
    'key-collision',
  ].map((name) => ({ name, config: configOf(name), calls: traceOf(name) })),
  { name: 'many-calls-one-timestamp', config: configOf('many-calls-one-timestamp'), calls: manyAtOnce() },
];
