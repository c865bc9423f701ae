// Shared test helpers: a minimal admitted VirtualMCPServer and JSON fixture loading.
import { readFileSync } from 'node:fs';

export type Json = Record<string, unknown>;

/** The smallest object the API server admits (v1beta1): groupRef and incomingAuth. */
export function minimal(spec: Json = {}): Json {
  return {
    apiVersion: 'toolhive.stacklok.dev/v1beta1',
    kind: 'VirtualMCPServer',
    metadata: { name: 'vmcp', namespace: 'default' },
    spec: { groupRef: { name: 'backends' }, incomingAuth: { type: 'anonymous' }, ...spec },
  };
}

/** A spec with Redis session storage and the given rateLimiting block. */
export function withRateLimiting(rateLimiting: unknown): Json {
  return minimal({ sessionStorage: { provider: 'redis', address: 'redis:6379' }, config: { rateLimiting } });
}

export function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Json;
}
