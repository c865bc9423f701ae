// The objects a VirtualMCPServer may reference, taken from the same input (no cluster access):
// looked up by kind, namespace and name. A miss is a render issue naming all three.
import { isRecord } from './go-types.js';

export type Obj = Record<string, unknown>;
export type Segments = readonly (string | number)[];

/** Why a spec cannot be rendered; `path` points into the VirtualMCPServer. */
export interface RenderIssue {
  readonly path: Segments;
  readonly type: 'Not found' | 'Invalid value' | 'Forbidden';
  readonly detail: string;
}

/** Namespace an object lands in when its manifest names none (kubectl's default context namespace). */
export const DEFAULT_NAMESPACE = 'default';

export function namespaceOf(o: Obj): string {
  const meta = isRecord(o.metadata) ? o.metadata : {};
  return typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : DEFAULT_NAMESPACE;
}

export function nameOf(o: Obj): string {
  const meta = isRecord(o.metadata) ? o.metadata : {};
  return typeof meta.name === 'string' ? meta.name : '';
}

export class ObjectIndex {
  private readonly byKey = new Map<string, Obj>();

  constructor(objects: readonly unknown[]) {
    for (const o of objects) {
      if (isRecord(o) && typeof o.kind === 'string') this.byKey.set(`${o.kind}/${namespaceOf(o)}/${nameOf(o)}`, o);
    }
  }

  get(kind: string, namespace: string, name: string): Obj | undefined {
    return this.byKey.get(`${kind}/${namespace}/${name}`);
  }
}

/** Looks up a referenced object or records `<Kind> <namespace>/<name> not found in the input`. */
export function lookup(ctx: ModelContext, kind: string, name: string, path: Segments): Obj | undefined {
  const found = ctx.index.get(kind, ctx.namespace, name);
  if (found === undefined) {
    ctx.issues.push({ path, type: 'Not found', detail: `${kind} ${ctx.namespace}/${name} not found in the input (the operator reads it from the cluster)` });
  }
  return found;
}

/** Everything a model builder needs about the VirtualMCPServer being rendered. */
export interface ModelContext {
  readonly name: string;
  readonly namespace: string;
  readonly spec: Obj;
  readonly index: ObjectIndex;
  readonly issues: RenderIssue[];
  /** CRD defaults for a CompositeToolConfig (a VirtualMCPCompositeToolDefinition spec embeds one). */
  readonly compositeToolDefaults: (tool: unknown) => unknown;
}

export const rec = (v: unknown): Obj => (isRecord(v) ? v : {});
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const specOf = (o: Obj): Obj => rec(o.spec);
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
