// outgoingAuth (upstream-behaviour §c.1 item 5). Absent -> {source: discovered}. `discovered` backends become
// {type: unauthenticated}. Two operator paths need cluster state this renderer cannot see and are
// refused with a reason: source `inline` (backends come from the MCPGroup's live workloads) and
// externalAuthConfigRef strategies other than `unauthenticated`.
import { lookup, rec, specOf, str, type ModelContext, type Obj } from './refs.js';
import { setField } from '../core/schema/fields.js';

const PATH = ['spec', 'outgoingAuth'];

function strategy(ctx: ModelContext, auth: Obj, path: readonly (string | number)[]): Obj | undefined {
  if (auth.type === 'discovered') return { type: 'unauthenticated' };
  if (auth.type !== 'externalAuthConfigRef') {
    ctx.issues.push({ rule: 'render-operator-error', messageId: 'authType', data: { type: str(auth.type) }, path, type: 'Invalid value' });
    return undefined;
  }
  const ref = str(rec(auth.externalAuthConfigRef).name);
  const target = lookup(ctx, 'MCPExternalAuthConfig', ref, [...path, 'externalAuthConfigRef']);
  if (target === undefined) return undefined;
  const type = str(specOf(target).type);
  if (type === 'unauthenticated') return { type: 'unauthenticated' };
  ctx.issues.push({
    rule: 'render-cluster-only',
    messageId: 'externalAuthStrategy',
    data: { namespace: ctx.namespace, name: ref, type },
    path: [...path, 'externalAuthConfigRef'],
    type: 'Forbidden',
  });
  return undefined;
}

export function buildOutgoingAuth(ctx: ModelContext): Obj {
  if (ctx.spec.outgoingAuth === undefined) return { source: 'discovered' };
  const spec = rec(ctx.spec.outgoingAuth);
  if (spec.source === 'inline') {
    ctx.issues.push({ rule: 'render-cluster-only', messageId: 'outgoingInline', data: {}, path: [...PATH, 'source'], type: 'Forbidden' });
  }
  const out: Obj = { source: spec.source };
  if (spec.default !== undefined) out.default = strategy(ctx, rec(spec.default), [...PATH, 'default']);
  const backends: Obj = {};
  for (const [name, auth] of Object.entries(rec(spec.backends))) setField(backends, name, strategy(ctx, rec(auth), [...PATH, 'backends', name]));
  out.backends = backends;
  return out;
}
