// The rate limiter vMCP builds from a VirtualMCPServer (upstream-behaviour §e): namespace and server
// name for the key prefix, the server-level buckets and each tool's buckets by exact tool name.
// Reads an object the engine has already allowed; a bucket it cannot read is left out.
import { parseGoDuration } from '../core/duration.js';
import { isRecord, rateLimitBuckets, recordAt, stringField, type BucketRef } from '../core/spec.js';
import { bucketSpec, type BucketSpec } from './go-rate.js';

export interface ToolBuckets {
  readonly shared?: BucketSpec;
  readonly perUser?: BucketSpec;
}

export interface LimiterConfig {
  readonly namespace: string;
  readonly serverName: string;
  /** `thv:rl:{<namespace>:<serverName>}:` */
  readonly keyPrefix: string;
  /** spec.incomingAuth.type (`anonymous`, `oidc`, ...). */
  readonly incomingAuth: string;
  /** False when spec.config.rateLimiting is absent: no limiter at all. */
  readonly enabled: boolean;
  readonly shared?: BucketSpec;
  readonly perUser?: BucketSpec;
  /** Tool entries by exact name, in list order. */
  readonly tools: ReadonlyMap<string, ToolBuckets>;
}

/** Namespace used when the manifest names none (vMCP itself falls back to `local` without VMCP_NAMESPACE). */
export const DEFAULT_NAMESPACE = 'default';

export const keyPrefixOf = (namespace: string, serverName: string): string => `thv:rl:{${namespace}:${serverName}}:`;

function specOf(ref: BucketRef): BucketSpec | undefined {
  const tokens = ref.bucket.maxTokens;
  const period = ref.bucket.refillPeriod;
  if (typeof tokens !== 'number' || !Number.isInteger(tokens) || tokens < 1 || typeof period !== 'string') return undefined;
  const parsed = parseGoDuration(period);
  return parsed.ok && parsed.nanoseconds > 0n ? bucketSpec(tokens, parsed.nanoseconds) : undefined;
}

function toolNames(object: unknown): (string | undefined)[] {
  const tools = recordAt(object, ['spec', 'config', 'rateLimiting'])?.tools;
  return Array.isArray(tools) ? tools.map((t: unknown) => (isRecord(t) ? stringField(t, 'name') : undefined)) : [];
}

interface Collected {
  shared?: BucketSpec;
  perUser?: BucketSpec;
  readonly tools: Map<string, { shared?: BucketSpec; perUser?: BucketSpec }>;
}

/** The valid buckets: server-level ones by scope, tool ones by tool name. */
function collect(object: unknown): Collected {
  const names = toolNames(object);
  const out: Collected = { tools: new Map() };
  for (const ref of rateLimitBuckets(object)) {
    const spec = specOf(ref);
    if (spec === undefined) continue;
    const name = ref.toolIndex === undefined ? undefined : names[ref.toolIndex];
    if (ref.toolIndex === undefined) out[ref.scope] = spec;
    else if (name !== undefined) out.tools.set(name, { ...out.tools.get(name), [ref.scope]: spec });
  }
  return out;
}

export function limiterConfig(object: unknown, namespaceOverride?: string): LimiterConfig {
  const metadata = recordAt(object, ['metadata']);
  const namespace = namespaceOverride ?? stringField(metadata, 'namespace') ?? DEFAULT_NAMESPACE;
  const serverName = stringField(metadata, 'name') ?? '';
  const { shared, perUser, tools } = collect(object);
  return {
    namespace,
    serverName,
    keyPrefix: keyPrefixOf(namespace, serverName),
    incomingAuth: stringField(recordAt(object, ['spec', 'incomingAuth']), 'type') ?? 'anonymous',
    enabled: recordAt(object, ['spec', 'config', 'rateLimiting']) !== undefined,
    ...(shared === undefined ? {} : { shared }),
    ...(perUser === undefined ? {} : { perUser }),
    tools,
  };
}
