// How vMCP names the tools of a group after aggregation (RELATIONS.md b, e), as far as it is decidable
// without the backends' own tool lists: strategy `prefix` only, no static `spec.config.backends`,
// every toolConfigRef and compositeToolRef resolved. Otherwise `undefined`: no guesses.
import { isRecord, recordAt, stringField, type JsonRecord } from '../core/spec.js';
import { workloadKinds } from './kinds.js';
import type { World } from './world.js';

/** A workload's effective aggregation.tools entry (inline merged with its MCPToolConfig). */
export interface ToolEntry {
  readonly excludeAll: boolean;
  /** Allow-list of post-override names; undefined when there is none. */
  readonly filter: readonly string[] | undefined;
  /** Backend tool name -> new name, for overrides with a non-empty new name. */
  readonly renames: ReadonlyMap<string, string>;
  /** The new names of renaming overrides. */
  readonly targets: ReadonlySet<string>;
}

export interface Aggregation {
  readonly group: string;
  readonly prefixFormat: string;
  readonly excludeAllTools: boolean;
  readonly defaultDeny: boolean;
  /** Members of the group (backend IDs = metadata.name), sorted. */
  readonly workloads: readonly string[];
  /** expand(prefixFormat, w) per member, in the order of `workloads`. */
  readonly prefixes: readonly string[];
  readonly entries: ReadonlyMap<string, ToolEntry>;
  /** Composite tool names (inline and referenced definitions' spec.name). */
  readonly composites: ReadonlySet<string>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The group's members: workloads of the namespace whose spec.groupRef.name is the group (a.4). */
export function membersOf(world: World, namespace: string | undefined, group: string): string[] {
  const names = new Set<string>();
  for (const kind of workloadKinds) {
    for (const o of world.list(kind, namespace)) {
      const ref = o.spec.groupRef;
      const name = isRecord(ref) ? ref.name : ref;
      if (name === group) names.add(o.name);
    }
  }
  return [...names].sort();
}

/** Static backends (spec.config.backends) replace the group; their names are the backend IDs. */
export function staticBackends(spec: JsonRecord): string[] | undefined {
  const backends = recordAt(spec, ['config'])?.backends;
  if (!Array.isArray(backends) || backends.length === 0) return undefined;
  return backends.map((b) => (isRecord(b) ? stringField(b, 'name') : undefined)).filter((n): n is string => n !== undefined);
}

function overridesOf(v: unknown, into: Map<string, string>): void {
  if (!isRecord(v)) return;
  for (const [tool, o] of Object.entries(v)) {
    const name = isRecord(o) ? stringField(o, 'name') : undefined;
    if (!into.has(tool) && name !== undefined && name !== '' && name !== tool) into.set(tool, name);
  }
}

/** Inline entry merged with its MCPToolConfig: inline filter wins when non-empty, inline overrides win per tool. */
function entryOf(raw: JsonRecord, toolConfig: JsonRecord | undefined): ToolEntry {
  const inline = strings(raw.filter);
  const filter = inline.length > 0 ? inline : strings(toolConfig?.toolsFilter);
  const renames = new Map<string, string>();
  overridesOf(raw.overrides, renames);
  overridesOf(toolConfig?.toolsOverride, renames);
  return { excludeAll: raw.excludeAll === true, filter: filter.length > 0 ? filter : undefined, renames, targets: new Set(renames.values()) };
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nameIn = (v: unknown, key: string): string | undefined => (isRecord(v) ? stringField(v, key) : undefined);

/** The entries by workload, or undefined when a toolConfigRef is unresolved (undecidable). */
function entriesOf(agg: JsonRecord | undefined, world: World, namespace: string | undefined): Map<string, ToolEntry> | undefined {
  const entries = new Map<string, ToolEntry>();
  for (const raw of list(agg?.tools)) {
    const workload = nameIn(raw, 'workload');
    if (workload === undefined || entries.has(workload)) continue;
    const ref = stringField(recordAt(raw, ['toolConfigRef']), 'name');
    const toolConfig = ref === undefined ? undefined : world.get('MCPToolConfig', namespace, ref);
    if (ref !== undefined && toolConfig === undefined) return undefined;
    entries.set(workload, entryOf(raw as JsonRecord, toolConfig?.spec));
  }
  return entries;
}

/** Inline composite names plus referenced definitions' spec.name; undefined when a ref is unresolved. */
function compositesOf(config: JsonRecord | undefined, world: World, namespace: string | undefined): Set<string> | undefined {
  const names = new Set(list(config?.compositeTools).flatMap((c) => nameIn(c, 'name') ?? []));
  for (const r of list(config?.compositeToolRefs)) {
    const ref = nameIn(r, 'name');
    const name = ref === undefined ? undefined : stringField(world.get('VirtualMCPCompositeToolDefinition', namespace, ref)?.spec, 'name');
    if (name === undefined) return undefined;
    names.add(name);
  }
  return names;
}

/** Strategy and prefix format with the operator's and the CRD's defaults; undefined unless a usable `prefix`. */
function prefixFormatOf(agg: JsonRecord | undefined): string | undefined {
  const strategy = stringField(agg, 'conflictResolution') ?? 'prefix';
  const format = stringField(recordAt(agg, ['conflictResolutionConfig']), 'prefixFormat') ?? '{workload}_';
  return strategy === 'prefix' && format !== '' ? format : undefined;
}

/** The decidable aggregation of a VirtualMCPServer, or undefined (no finding can be certain). */
export function aggregationOf(object: unknown, world: World, namespace: string | undefined): Aggregation | undefined {
  const spec = recordAt(object, ['spec']);
  const group = stringField(recordAt(spec, ['groupRef']), 'name');
  if (spec === undefined || group === undefined || staticBackends(spec) !== undefined) return undefined;
  if (world.get('MCPGroup', namespace, group) === undefined) return undefined;
  const config = recordAt(spec, ['config']);
  const agg = recordAt(config, ['aggregation']);
  const prefixFormat = prefixFormatOf(agg);
  const entries = entriesOf(agg, world, namespace);
  const composites = compositesOf(config, world, namespace);
  if (prefixFormat === undefined || entries === undefined || composites === undefined) return undefined;
  const workloads = membersOf(world, namespace, group);
  const prefixes = workloads.map((w) => expand(prefixFormat, w));
  return { group, prefixFormat, excludeAllTools: agg?.excludeAllTools === true, defaultDeny: agg?.defaultToolVisibility === 'deny', workloads, prefixes, entries, composites };
}

/** applyPrefixFormat: every `{workload}` replaced by the backend ID. */
export const expand = (format: string, workload: string): string => (format.includes('{workload}') ? format.split('{workload}').join(workload) : format);
