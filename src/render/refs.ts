// The objects a VirtualMCPServer may reference, taken from the same input (no cluster access):
// looked up by kind, namespace and name. A miss is a render issue naming all three.
import type { ErrorType } from '../core/contract.js';
import type { MessageIdOf, RuleId } from '../core/rules/report.js';
import type { MessageData } from '../core/rules/rule.js';
import { isRecord } from './go-types.js';

export type Obj = Record<string, unknown>;
export type Segments = readonly (string | number)[];

/** The registry's render rules (src/core/rules/render-rules.ts holds their texts). */
export type RenderRuleId = Extract<RuleId, `render-${string}`>;

/** Why a spec cannot be rendered: a render rule, one of its message ids and the slots; `path` points into the VirtualMCPServer. */
export interface IssueOf<Id extends RenderRuleId> {
  readonly rule: Id;
  readonly messageId: MessageIdOf<Id>;
  readonly data: MessageData;
  readonly path: Segments;
  readonly type: ErrorType;
}

/** An issue of any render rule (each message id checked against its own rule). */
export type RenderIssue = { readonly [Id in RenderRuleId]: IssueOf<Id> }[RenderRuleId];

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
    ctx.issues.push({ rule: 'render-reference-not-found', messageId: 'notFound', data: { kind, namespace: ctx.namespace, name }, path, type: 'Not found' });
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
