// aggregation (upstream-behaviour §c.1 item 6): defaults when absent, conflict-resolution config per strategy,
// per-workload tool configs copied with MCPToolConfig references resolved (inline values win) and
// the reference itself dropped.
import { lookup, rec, specOf, str, type ModelContext, type Obj } from './refs.js';
import { hasField, setField } from '../core/schema/fields.js';

const PREFIX_FORMAT = '{workload}_';

function conflictConfig(src: Obj, strategy: string): Obj {
  if (src.conflictResolutionConfig !== undefined) {
    const c = rec(src.conflictResolutionConfig);
    return { prefixFormat: c.prefixFormat, priorityOrder: c.priorityOrder };
  }
  return strategy === 'prefix' ? { prefixFormat: PREFIX_FORMAT } : {};
}

/** MCPToolConfig toolsOverride entry -> config.ToolOverride (annotations copied field by field). */
function convertOverride(o: Obj): Obj {
  return { name: o.name, description: o.description, annotations: o.annotations === undefined ? undefined : { ...rec(o.annotations) } };
}

function mergeToolConfig(ctx: ModelContext, tool: Obj, out: Obj, path: readonly (string | number)[]): void {
  const name = str(rec(tool.toolConfigRef).name);
  const target = lookup(ctx, 'MCPToolConfig', name, [...path, 'toolConfigRef']);
  if (target === undefined) return;
  const spec = specOf(target);
  const filter = Array.isArray(spec.toolsFilter) ? spec.toolsFilter : [];
  if ((!Array.isArray(out.filter) || out.filter.length === 0) && filter.length > 0) out.filter = filter;
  const overrides = Object.entries(rec(spec.toolsOverride));
  if (overrides.length === 0) return;
  const merged = rec(out.overrides);
  for (const [tool, override] of overrides) if (!hasField(merged, tool)) setField(merged, tool, convertOverride(rec(override)));
  out.overrides = merged;
}

function convertTool(ctx: ModelContext, tool: Obj, index: number): Obj {
  const out: Obj = { workload: tool.workload, filter: tool.filter, excludeAll: tool.excludeAll };
  const inline = Object.entries(rec(tool.overrides)).filter(([, o]) => o !== null && o !== undefined);
  if (inline.length > 0) out.overrides = Object.fromEntries(inline);
  if (tool.toolConfigRef !== undefined) mergeToolConfig(ctx, tool, out, ['spec', 'config', 'aggregation', 'tools', index]);
  return out;
}

export function buildAggregation(ctx: ModelContext): Obj {
  const config = rec(ctx.spec.config);
  if (config.aggregation === undefined) return { conflictResolution: 'prefix', conflictResolutionConfig: { prefixFormat: PREFIX_FORMAT } };
  const src = rec(config.aggregation);
  const strategy = str(src.conflictResolution) || 'prefix';
  const tools = Array.isArray(src.tools) ? src.tools.map((t, i) => convertTool(ctx, rec(t), i)) : undefined;
  return {
    conflictResolution: strategy,
    conflictResolutionConfig: conflictConfig(src, strategy),
    tools: tools !== undefined && tools.length > 0 ? tools : undefined,
    excludeAllTools: src.excludeAllTools,
    defaultToolVisibility: src.defaultToolVisibility,
  };
}
