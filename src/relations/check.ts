// The relation rules' checks (their texts are core's registry entries): references that resolve to
// nothing (or the authz ConfigMap without its key), referenced objects the operator will not use yet
// (their status), rate-limit tool names no call can carry, workload names that are no member of the group.
// Pure over a World; every finding sits at the referencing field. `severity` is `--refs`: warn
// (the registry's) or deny (errors).
import type { Finding, Severity } from '../core/contract.js';
import type { PathSegment } from '../core/field-path.js';
import { quoteGo } from '../core/finding.js';
import { fill } from '../core/rules/template.js';
import { metaOf } from '../core/rules/index.js';
import { report } from '../core/rules/report.js';
import { isRecord, recordAt, stringField } from '../core/spec.js';
import { aggregationOf, membersOf, staticBackends, type Aggregation } from './aggregation.js';
import { notReady } from './readiness.js';
import { referencesOf, transitiveReferencesOf, type Reference } from './references.js';
import { closestNames, unmatched } from './tool-names.js';
import { didYouMean } from '../core/rules/did-you-mean.js';
import type { RelatedObject, World } from './world.js';

export type RefsSetting = 'warn' | 'deny' | 'off';
export const REFS_SETTINGS: readonly RefsSetting[] = ['warn', 'deny', 'off'];

export interface RelationOptions {
  readonly refs: RefsSetting;
}

interface Subject {
  readonly namespace: string | undefined;
  readonly severity: Severity;
  /** The group's members when the aggregation already listed them. */
  readonly members?: readonly string[];
}

const severityOf = (refs: RefsSetting): Severity => (refs === 'deny' ? 'error' : 'warning');
const hintText = (id: 'ratelimit-tool-unmatched' | 'ref-workload-unknown', data: Record<string, string>): string => fill(String((metaOf(id)?.messages as Record<string, string>).hint), data);

/** The operator's default key of the authz ConfigMap (an empty key means it too). */
const AUTHZ_KEY = 'authz.json';

type KeyMessage = 'authzConfigMapKey' | 'authzConfigMapEmpty';

/** What the operator's loader says of the value at a key: absent, blank (whitespace only), or fine. */
function keyProblem(value: unknown): KeyMessage | undefined {
  if (value === undefined) return 'authzConfigMapKey';
  return typeof value === 'string' && value.trim() === '' ? 'authzConfigMapEmpty' : undefined;
}

/** The authz ConfigMap's key, where the world knows its data (a manifest set): absent or blank (RELATIONS.md a.3 row 4). */
function configMapKey(object: unknown, ref: Reference, target: RelatedObject, s: Subject): Finding[] {
  if (ref.messageId !== 'authzConfigMap' || target.data === undefined) return [];
  const keyPath = ['spec', 'incomingAuth', 'authzConfig', 'configMap', 'key'];
  const key = stringField(recordAt(object, keyPath.slice(0, -1)), 'key') || AUTHZ_KEY;
  const messageId = keyProblem(Object.hasOwn(target.data, key) ? target.data[key] : undefined);
  if (messageId === undefined) return [];
  const data = { namespace: s.namespace ?? target.namespace ?? '<namespace>', name: ref.name, key };
  return [report('ref-missing', messageId, data, { path: keyPath, type: messageId === 'authzConfigMapKey' ? 'Not found' : 'Invalid value', value: quoteGo(key), severity: s.severity })];
}

/** A target that exists but that the operator will not use yet (never for a transitive reference). */
function notReadyFindings(ref: Reference, target: RelatedObject, data: Record<string, string>, s: Subject): Finding[] {
  const why = ref.fieldValue === undefined ? notReady(target) : undefined;
  if (why === undefined) return [];
  // A state the operator waits out by itself (a group or EmbeddingServer still starting) stays a warning under --refs deny.
  const severity = why.transient === true ? 'warning' : s.severity;
  return [report('ref-not-ready', why.messageId, { ...data, ...why.data }, { path: ref.path, type: 'Invalid value', value: quoteGo(ref.name), severity })];
}

function missingRefs(object: unknown, world: World, s: Subject): Finding[] {
  const out: Finding[] = [];
  const oidcName = stringField(recordAt(object, ['spec', 'incomingAuth', 'oidcConfigRef']), 'name');
  const oidc = oidcName === undefined ? undefined : world.get('MCPOIDCConfig', s.namespace, oidcName);
  for (const ref of [...referencesOf(object), ...transitiveReferencesOf(object, oidc)]) {
    const target = world.get(ref.kind, s.namespace, ref.name);
    const data = { namespace: s.namespace ?? target?.namespace ?? '<namespace>', name: ref.name, ...ref.data };
    if (target === undefined) {
      out.push(report('ref-missing', ref.messageId, data, { path: ref.path, type: 'Not found', value: quoteGo(ref.fieldValue ?? ref.name), severity: s.severity }));
      continue;
    }
    out.push(...configMapKey(object, ref, target, s), ...notReadyFindings(ref, target, data, s));
  }
  return out;
}

function toolFindings(object: unknown, agg: Aggregation, s: Subject): Finding[] {
  const out: Finding[] = [];
  const tools = recordAt(object, ['spec', 'config', 'rateLimiting'])?.tools;
  (Array.isArray(tools) ? tools : []).forEach((tool, i) => {
    const name = isRecord(tool) ? stringField(tool, 'name') : undefined;
    const why = name === undefined || name === '' ? undefined : unmatched(agg, name);
    if (why === undefined) return;
    const names = closestNames(agg, name!);
    const hint = names.length === 0 ? '' : hintText('ratelimit-tool-unmatched', { names: names.map((n) => quoteGo(n)).join(' or ') });
    const data = { tool: name!, group: agg.group, prefixFormat: agg.prefixFormat, workloads: agg.workloads.join(', ') || 'none', hint, ...why.data };
    out.push(report('ratelimit-tool-unmatched', why.messageId, data, { path: ['spec', 'config', 'rateLimiting', 'tools', i, 'name'], type: 'Invalid value', value: quoteGo(name!), severity: s.severity }));
  });
  return out;
}

type WorkloadMessage = 'aggregationTool' | 'priorityOrder' | 'outgoingBackend' | 'perWorkloadTimeout';
interface Named {
  readonly workload: string;
  readonly path: readonly PathSegment[];
  readonly messageId: WorkloadMessage;
}

/** Every place a workload is named (RELATIONS.md a.2, name-only relations) with a name that is not in `members`. */
function workloadNames(object: unknown, members: readonly string[]): Named[] {
  const out: Named[] = [];
  const push = (n: Named): void => void (members.includes(n.workload) ? undefined : out.push(n));
  const agg = recordAt(object, ['spec', 'config', 'aggregation']);
  (Array.isArray(agg?.tools) ? agg.tools : []).forEach((t, i) => {
    const w = isRecord(t) ? stringField(t, 'workload') : undefined;
    if (w !== undefined) push({ workload: w, path: ['spec', 'config', 'aggregation', 'tools', i, 'workload'], messageId: 'aggregationTool' });
  });
  const order = recordAt(agg, ['conflictResolutionConfig'])?.priorityOrder;
  (Array.isArray(order) ? order : []).forEach((w, i) => {
    if (typeof w === 'string') push({ workload: w, path: ['spec', 'config', 'aggregation', 'conflictResolutionConfig', 'priorityOrder', i], messageId: 'priorityOrder' });
  });
  for (const w of Object.keys(recordAt(object, ['spec', 'outgoingAuth', 'backends']) ?? {})) push({ workload: w, path: ['spec', 'outgoingAuth', 'backends', w], messageId: 'outgoingBackend' });
  for (const w of Object.keys(recordAt(object, ['spec', 'config', 'operational', 'timeouts', 'perWorkload']) ?? {})) push({ workload: w, path: ['spec', 'config', 'operational', 'timeouts', 'perWorkload', w], messageId: 'perWorkloadTimeout' });
  return out;
}

/** The backend IDs a workload name must be one of: static backends, else the group's members; undefined without a group. */
function membersFor(spec: Record<string, unknown>, group: string, world: World, s: Subject): readonly string[] | undefined {
  const backends = staticBackends(spec);
  if (backends !== undefined) return backends;
  if (s.members !== undefined) return s.members;
  return world.get('MCPGroup', s.namespace, group) === undefined ? undefined : membersOf(world, s.namespace, group);
}

const nearMember = (name: string, members: readonly string[]): string | undefined => (name === '' ? undefined : didYouMean(name, members));

function workloadFindings(object: unknown, world: World, s: Subject): Finding[] {
  const spec = recordAt(object, ['spec']);
  const group = stringField(recordAt(spec, ['groupRef']), 'name');
  const members = spec === undefined || group === undefined ? undefined : membersFor(spec, group, world, s);
  if (members === undefined) return [];
  const out: Finding[] = [];
  for (const n of workloadNames(object, members)) {
    const near = nearMember(n.workload, members);
    const hint = near === undefined ? '' : hintText('ref-workload-unknown', { name: near });
    const data = { workload: n.workload, group: group!, workloads: members.join(', ') || 'none', hint };
    out.push(report('ref-workload-unknown', n.messageId, data, { path: n.path, type: 'Invalid value', value: quoteGo(n.workload), severity: s.severity }));
  }
  return out;
}

/**
 * The relation findings of one VirtualMCPServer (as stored: pruned and defaulted) against a world.
 * Nothing when `refs` is off. Never throws on user input.
 */
export function checkRelations(object: unknown, world: World, options: RelationOptions): Finding[] {
  if (options.refs === 'off' || !isRecord(object)) return [];
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
  const agg = aggregationOf(object, world, namespace);
  const s: Subject = { namespace, severity: severityOf(options.refs), ...(agg === undefined ? {} : { members: agg.workloads }) };
  return [...missingRefs(object, world, s), ...(agg === undefined ? [] : toolFindings(object, agg, s)), ...workloadFindings(object, world, s)];
}
