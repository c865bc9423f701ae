// The webhook with cluster access: relation checks over informer caches and the schema of the
// installed CRD. Reviews never wait on the API server: lookups read the caches; until they are synced
// (or when the API server is unreachable) reviews are judged without relations, and /readyz waits
// for the caches at most --relations-sync-timeout, then turns ready anyway and says why (log,
// metric, /readyz detail) while the informers keep retrying.
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeLogger } from '../kube/logger.js';
import type { Registry } from 'prom-client';
import type { ServeConfig } from '../config.js';
import type { Finding, SchemaProvider, ValidationResult } from '../core/contract.js';
import { checkRelations } from '../relations/check.js';
import { followInstalledCrd, notReadYet, type ActiveSchema, type CrdFollower } from '../relations/cluster/crd-follower.js';
import type { SchemaIdentity } from '../relations/cluster/installed-crd.js';
import { startRelationCaches, type InformerTimings, type RelationCaches } from '../relations/cluster/informers.js';
import { createRelationsMetrics, createSchemaFallbackGauge, type RelationsMetrics } from '../relations/cluster/metrics.js';
import type { ValidateFn } from './judge.js';

export type LiveConfig = Pick<ServeConfig, 'refs' | 'relationsNamespace' | 'relationsSyncTimeoutMs' | 'followCrd'>;

export interface LiveDeps {
  readonly config: LiveConfig;
  readonly kubeConfig: KubeConfig;
  readonly logger: KubeLogger;
  readonly registry: Registry;
  readonly builtin: SchemaProvider;
  /**
   * The built-in schema's identity and the log fields of any identity (schema-identity.ts, given by
   * run-serve so that this lazily loaded module shares no code with the start-up path).
   */
  readonly builtinIdentity: SchemaIdentity;
  readonly schemaFields: (identity: SchemaIdentity) => Readonly<Record<string, string>>;
  /** The engine (verdict cache included) for a schema; called again when the schema changes. */
  readonly engineFor: (schemas: SchemaProvider) => ValidateFn;
  readonly timings?: InformerTimings;
}

export interface Live {
  readonly validate: ValidateFn;
  /** Why /readyz is false because of relations (only during the bounded wait), else undefined. */
  notReady(): string | undefined;
  /** For /readyz: relations state and the active schema. */
  details(): Record<string, string>;
  stop(): Promise<void>;
}

const isError = (f: Finding): boolean => f.severity === 'error';

function withRelations(result: ValidationResult, extra: readonly Finding[], metrics: RelationsMetrics): ValidationResult {
  for (const f of extra) metrics.findings.inc({ rule: f.rule });
  const findings = [...result.findings, ...extra];
  return { ...result, findings, allowed: !findings.some(isError) };
}

function describeSchema(deps: Pick<LiveDeps, 'schemaFields'>, a: ActiveSchema): string {
  return a.fallback === undefined ? String(deps.schemaFields(a.identity).schema) : `built-in: ${a.fallback}`;
}

function schemaTracking(deps: LiveDeps, metrics: RelationsMetrics, swap: (a: ActiveSchema) => void): CrdFollower | undefined {
  if (!deps.config.followCrd) return undefined;
  let last = '';
  const fallback = createSchemaFallbackGauge(deps.registry);
  fallback.set(1);
  return followInstalledCrd({
    kubeConfig: deps.kubeConfig,
    builtin: deps.builtin,
    builtinIdentity: deps.builtinIdentity,
    logger: deps.logger,
    ...(deps.timings === undefined ? {} : { timings: deps.timings }),
    onChange: (a) => {
      swap(a);
      metrics.schema.reset();
      metrics.schema.set({ source: a.identity.source, resource_version: a.identity.resourceVersion, hash: a.identity.hash }, 1);
      fallback.set(a.fallback === undefined ? 0 : 1);
      const text = describeSchema(deps, a);
      if (text === last) return;
      last = text;
      // The start-up line names the built-in schema; these lines say each switch, with the identity now active.
      if (a.fallback === undefined) deps.logger.info({ ...deps.schemaFields(a.identity), resourceVersion: a.identity.resourceVersion, hash: a.identity.hash }, 'judging against the installed VirtualMCPServer CRD');
      else deps.logger.warn({ ...deps.schemaFields(a.identity), reason: a.fallback }, 'judging against the built-in VirtualMCPServer schema');
    },
  });
}

export function startLive(deps: LiveDeps): Live {
  const { config, logger } = deps;
  const metrics = createRelationsMetrics(deps.registry);
  let engine = deps.engineFor(deps.builtin);
  metrics.schema.set({ source: 'builtin', resource_version: '', hash: deps.builtinIdentity.hash }, 1);
  const follower = schemaTracking(deps, metrics, (a) => (engine = deps.engineFor(a.provider)));
  const caches: RelationCaches | undefined =
    config.refs === 'off'
      ? undefined
      : startRelationCaches({ kubeConfig: deps.kubeConfig, namespace: config.relationsNamespace === '' ? undefined : config.relationsNamespace, logger, metrics, ...(deps.timings === undefined ? {} : { timings: deps.timings }) });
  let waited = false;
  let on = false;
  const wait = Promise.all([caches?.waitForSync(config.relationsSyncTimeoutMs), follower?.waitForFirst(config.relationsSyncTimeoutMs)]);
  void wait.then(([synced]) => {
    waited = true;
    if (caches !== undefined && synced !== true) logger.warn({ pending: caches.pending(), waitedMs: config.relationsSyncTimeoutMs }, 'relation caches not synced in time: ready without relation checks; the informers keep retrying');
  });
  const relationsOn = (): boolean => {
    const now = caches?.synced() === true;
    if (now !== on) {
      on = now;
      metrics.available.set(now ? 1 : 0);
      logger.info({ refs: config.refs }, now ? 'relation caches synced: relation checks on' : 'relation checks off');
    }
    return now;
  };
  metrics.available.set(0);
  const validate: ValidateFn = (object) => {
    const result = engine(object);
    if (result.object === undefined || !relationsOn()) return result;
    const extra = checkRelations(result.object, caches!.world, { refs: config.refs });
    return extra.length === 0 ? result : withRelations(result, extra, metrics);
  };
  return {
    validate,
    notReady: () => {
      if (waited) return undefined;
      if (caches !== undefined && !caches.synced()) return `relation caches syncing (pending: ${caches.pending().join(', ')})`;
      if (follower?.current().fallback === notReadYet) return 'reading the installed VirtualMCPServer CRD';
      return undefined;
    },
    details: () => ({
      relations: caches === undefined ? 'off (--refs off)' : relationsOn() ? `on (${config.refs})` : `not synced (pending: ${caches.pending().join(', ')}); reviews are judged without relations`,
      schema: follower === undefined ? `${String(deps.schemaFields(deps.builtinIdentity).schema)}, --follow-crd=false` : describeSchema(deps, follower.current()),
    }),
    stop: async () => {
      await Promise.all([caches?.stop(), follower?.stop()]);
    },
  };
}
