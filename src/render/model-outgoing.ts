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
    ctx.issues.push({ path, type: 'Invalid value', detail: `unknown auth type "${str(auth.type)}"` });
    return undefined;
  }
  const ref = str(rec(auth.externalAuthConfigRef).name);
  const target = lookup(ctx, 'MCPExternalAuthConfig', ref, [...path, 'externalAuthConfigRef']);
  if (target === undefined) return undefined;
  const type = str(specOf(target).type);
  if (type === 'unauthenticated') return { type: 'unauthenticated' };
  ctx.issues.push({
    path: [...path, 'externalAuthConfigRef'],
    type: 'Forbidden',
    detail: `MCPExternalAuthConfig ${ctx.namespace}/${ref} (type ${type}): only type unauthenticated is converted offline; the other strategies carry operator-generated secret env names`,
  });
  return undefined;
}

export function buildOutgoingAuth(ctx: ModelContext): Obj {
  if (ctx.spec.outgoingAuth === undefined) return { source: 'discovered' };
  const spec = rec(ctx.spec.outgoingAuth);
  if (spec.source === 'inline') {
    ctx.issues.push({
      path: [...PATH, 'source'],
      type: 'Forbidden',
      detail: 'source inline: the operator builds backends and outgoingAuth from the live workloads of the MCPGroup, which an offline render cannot see',
    });
  }
  const out: Obj = { source: spec.source };
  if (spec.default !== undefined) out.default = strategy(ctx, rec(spec.default), [...PATH, 'default']);
  const backends: Obj = {};
  for (const [name, auth] of Object.entries(rec(spec.backends))) setField(backends, name, strategy(ctx, rec(auth), [...PATH, 'backends', name]));
  out.backends = backends;
  return out;
}
