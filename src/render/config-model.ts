// Step one of rendering (upstream-behaviour §c.1): the defaulted VirtualMCPServer (+ the objects it references,
// from the same input) -> the operator's config.Config as JSON-shaped data. Key order and
// omitempty are the encoder's business (encode-typed.ts); this file only decides values.
import { buildAggregation } from './model-aggregation.js';
import { buildIncomingAuth } from './model-incoming.js';
import { ensureOperationalDefaults } from './model-operational.js';
import { buildOutgoingAuth } from './model-outgoing.js';
import { asArray, lookup, nameOf, namespaceOf, rec, specOf, str, type ModelContext, type Obj, type ObjectIndex, type RenderIssue } from './refs.js';

/** Inline composite tools, then each referenced VirtualMCPCompositeToolDefinition's spec; names unique. */
function compositeTools(ctx: ModelContext, config: Obj): unknown[] | undefined {
  const inline = asArray(config.compositeTools);
  const refs = asArray(config.compositeToolRefs);
  const referenced = refs.flatMap((ref, i) => {
    const target = lookup(ctx, 'VirtualMCPCompositeToolDefinition', str(rec(ref).name), ['spec', 'config', 'compositeToolRefs', i, 'name']);
    return target === undefined ? [] : [ctx.compositeToolDefaults(specOf(target))];
  });
  const all = [...inline, ...referenced];
  const seen = new Set<string>();
  for (const tool of all) {
    const name = str(rec(tool).name);
    if (seen.has(name)) ctx.issues.push({ rule: 'render-operator-error', messageId: 'duplicateTool', data: { name }, path: ['spec', 'config', 'compositeTools'], type: 'Invalid value' });
    seen.add(name);
  }
  return all.length > 0 ? all : undefined;
}

/** spec.sessionStorage with provider redis -> {provider, address, db, keyPrefix}; never the password. */
function sessionStorage(spec: Obj): Obj | undefined {
  const s = rec(spec.sessionStorage);
  if (s.provider !== 'redis') return undefined;
  return { provider: s.provider, address: s.address, db: s.db, keyPrefix: s.keyPrefix };
}

function audit(ctx: ModelContext, config: Obj): Obj | undefined {
  if (config.audit === undefined) return undefined;
  const a = rec(config.audit);
  // Every audit.Config field in one literal (a spread plus an added key made a new hidden class per render).
  return {
    enabled: a.enabled,
    component: str(a.component) === '' ? ctx.name : a.component,
    eventTypes: a.eventTypes,
    excludeEventTypes: a.excludeEventTypes,
    includeRequestData: a.includeRequestData,
    includeResponseData: a.includeResponseData,
    detectApplicationErrors: a.detectApplicationErrors,
    maxDataSize: a.maxDataSize,
    maxDelegationDepth: a.maxDelegationDepth,
    logFile: a.logFile,
  };
}

/** Lookups whose result exists only in the cluster: refused with the reason (see README render section). */
function refuseClusterOnly(ctx: ModelContext): void {
  const at = (field: string) => ({ path: ['spec', field], type: 'Forbidden' }) as const;
  if (ctx.spec.embeddingServerRef !== undefined) {
    const data = { namespace: ctx.namespace, name: str(rec(ctx.spec.embeddingServerRef).name) };
    ctx.issues.push({ rule: 'render-cluster-only', messageId: 'embeddingServer', data, ...at('embeddingServerRef') });
  }
  if (ctx.spec.authServerConfig !== undefined) ctx.issues.push({ rule: 'render-cluster-only', messageId: 'authServerConfig', data: {}, ...at('authServerConfig') });
  if (ctx.spec.telemetryConfigRef !== undefined) {
    const name = str(rec(ctx.spec.telemetryConfigRef).name);
    if (lookup(ctx, 'MCPTelemetryConfig', name, ['spec', 'telemetryConfigRef', 'name']) !== undefined) {
      ctx.issues.push({ rule: 'render-cluster-only', messageId: 'telemetryVersion', data: { namespace: ctx.namespace, name }, ...at('telemetryConfigRef') });
    }
  }
}

export function buildConfigModel(vmcp: Obj, index: ObjectIndex, compositeToolDefaults: (tool: unknown) => unknown = (t) => t): { config: Obj; issues: readonly RenderIssue[] } {
  const spec = specOf(vmcp);
  const ctx: ModelContext = { name: nameOf(vmcp), namespace: namespaceOf(vmcp), spec, index, issues: [], compositeToolDefaults };
  const source = rec(spec.config);
  const headers = Array.isArray(spec.passthroughHeaders) && spec.passthroughHeaders.length > 0 ? spec.passthroughHeaders : source.passthroughHeaders;
  // Builders run in this order so issues keep their order.
  const incomingAuth = buildIncomingAuth(ctx);
  const outgoingAuth = buildOutgoingAuth(ctx);
  const aggregation = buildAggregation(ctx);
  const tools = compositeTools(ctx, source);
  const auditConfig = audit(ctx, source);
  // One literal with every config.Config field (Go order): each render gets the same hidden class.
  // Copying spec.config with a spread and then adding keys made a fresh map per render (~8 us) and
  // left the encoder's property loads megamorphic.
  const config: Obj = {
    name: ctx.name,
    groupRef: str(rec(spec.groupRef).name),
    backends: source.backends,
    incomingAuth,
    outgoingAuth,
    aggregation,
    compositeTools: tools,
    compositeToolRefs: source.compositeToolRefs,
    operational: ensureOperationalDefaults(source.operational),
    metadata: source.metadata,
    telemetry: undefined,
    audit: auditConfig,
    optimizer: source.optimizer,
    codeMode: source.codeMode,
    sessionStorage: sessionStorage(spec),
    rateLimiting: source.rateLimiting,
    passthroughHeaders: headers,
  };
  refuseClusterOnly(ctx);
  return { config, issues: ctx.issues };
}
