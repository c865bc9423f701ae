// "Exists but not usable" (upstream-behaviour §r.3 items 1-3, 8-9 and the readiness notes after item 15): what the
// operator reads from a referenced object's status (and, for an MCPAuthzConfig, its spec.type)
// before it deploys the VirtualMCPServer. Status is only known in a cluster; a manifest's status
// is never kept (world.ts), so a manifest set only ever yields the spec-based case. Absent status
// (not reconciled yet) or an absent condition says nothing: no finding.
import type { MessageIdOf } from '../core/rules/report.js';
import { isRecord, stringField, type JsonRecord } from '../core/spec.js';
import type { RelatedObject } from './world.js';

export interface NotReady {
  readonly messageId: MessageIdOf<'ref-not-ready'>;
  readonly data: Readonly<Record<string, string>>;
  /** The operator waits it out by itself (not Ready yet): never an error, even with --refs deny. */
  readonly transient?: true;
}

/** The condition `type` of status.conditions, when reported. */
function condition(status: JsonRecord | undefined, type: string): JsonRecord | undefined {
  const list = status?.conditions;
  return Array.isArray(list) ? list.find((c): c is JsonRecord => isRecord(c) && c.type === type) : undefined;
}

/** A present `Valid` condition whose status is not True, with the operator's ": <message>" suffix. */
function notValid(status: JsonRecord | undefined): { status: string; detail: string } | undefined {
  const valid = condition(status, 'Valid');
  const s = valid === undefined ? undefined : stringField(valid, 'status');
  if (s === undefined || s === 'True') return undefined;
  const message = stringField(valid, 'message') ?? '';
  return { status: s, detail: message === '' ? '' : `: ${message}` };
}

function group(o: RelatedObject): NotReady | undefined {
  const phase = stringField(o.status, 'phase');
  if (phase === undefined || phase === '' || phase === 'Ready') return undefined;
  return phase === 'Failed' ? { messageId: 'groupNotReady', data: { phase } } : { messageId: 'groupNotReady', data: { phase }, transient: true };
}

function oidcConfig(o: RelatedObject): NotReady | undefined {
  const v = notValid(o.status);
  return v === undefined ? undefined : { messageId: 'oidcConfigNotValid', data: v };
}

function authzConfig(o: RelatedObject): NotReady | undefined {
  const v = notValid(o.status);
  if (v !== undefined) return { messageId: 'authzConfigNotValid', data: v };
  const type = stringField(o.spec, 'type');
  return type === undefined || type === 'cedarv1' ? undefined : { messageId: 'authzConfigType', data: { type } };
}

function compositeTool(o: RelatedObject): NotReady | undefined {
  if (stringField(o.status, 'validationStatus') !== 'Invalid') return undefined;
  const errors = Array.isArray(o.status?.validationErrors) ? o.status.validationErrors.filter((e): e is string => typeof e === 'string') : [];
  return { messageId: 'compositeToolInvalid', data: { detail: errors.length === 0 ? '' : `: ${errors.join('; ')}` } };
}

/** Ready = phase Ready with at least one ready replica (the operator's isEmbeddingServerReady). */
function embeddingServer(o: RelatedObject): NotReady | undefined {
  const phase = stringField(o.status, 'phase');
  if (phase === undefined || phase === '') return undefined;
  if (phase === 'Failed') return { messageId: 'embeddingServerFailed', data: {} };
  const replicas = typeof o.status?.readyReplicas === 'number' ? o.status.readyReplicas : 0;
  return phase === 'Ready' && replicas > 0 ? undefined : { messageId: 'embeddingServerNotReady', data: { phase, replicas: String(replicas) }, transient: true };
}

const checks: Readonly<Record<string, (o: RelatedObject) => NotReady | undefined>> = {
  MCPGroup: group,
  MCPOIDCConfig: oidcConfig,
  MCPAuthzConfig: authzConfig,
  VirtualMCPCompositeToolDefinition: compositeTool,
  EmbeddingServer: embeddingServer,
};

/** Why the operator will not use this existing object yet, or undefined (usable, or nothing known). */
export function notReady(o: RelatedObject): NotReady | undefined {
  return checks[o.kind]?.(o);
}
