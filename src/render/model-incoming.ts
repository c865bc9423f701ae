// incomingAuth (upstream-behaviour §c.1 item 4): type, OIDC resolved from the referenced MCPOIDCConfig (inline or
// kubernetesServiceAccount, resource URL defaulting to the CR's in-cluster URL), and Cedar authz
// from inline policies, a ConfigMap, or a shared MCPAuthzConfig.
import { parseAuthzDocument } from './authz-document.js';
import { lookup, rec, specOf, str, type ModelContext, type Obj } from './refs.js';

const CLIENT_SECRET_ENV = 'VMCP_OIDC_CLIENT_SECRET';
const K8S_ISSUER = 'https://kubernetes.default.svc';
const K8S_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';
const VMCP_PORT = 4483;
const PATH = ['spec', 'incomingAuth'];

function caBundlePath(inline: Obj): string | undefined {
  const ref = rec(rec(inline.caBundleRef).configMapRef);
  if (str(ref.name) === '') return undefined;
  return `/config/certs/${str(ref.name)}/${str(ref.key) || 'ca.crt'}`;
}

function fromInline(inline: Obj): Obj {
  return {
    issuer: inline.issuer,
    clientId: inline.clientId,
    clientSecretEnv: inline.clientSecretRef !== undefined && inline.clientSecretRef !== null ? CLIENT_SECRET_ENV : undefined,
    jwksUrl: inline.jwksUrl,
    introspectionUrl: inline.introspectionUrl,
    protectedResourceAllowPrivateIp: inline.protectedResourceAllowPrivateIP,
    jwksAllowPrivateIp: inline.jwksAllowPrivateIP,
    insecureAllowHttp: inline.insecureAllowHTTP,
    caBundlePath: caBundlePath(inline),
  };
}

function fromServiceAccount(sa: Obj): Obj {
  const clusterAuth = sa.useClusterAuth !== false;
  return {
    issuer: str(sa.issuer) || K8S_ISSUER,
    jwksUrl: sa.jwksUrl,
    introspectionUrl: sa.introspectionUrl,
    jwksAllowPrivateIp: clusterAuth ? true : undefined,
    caBundlePath: clusterAuth ? K8S_CA : undefined,
  };
}

function resolveOidc(ctx: ModelContext, ref: Obj): Obj | undefined {
  const path = [...PATH, 'oidcConfigRef'];
  const target = lookup(ctx, 'MCPOIDCConfig', str(ref.name), path);
  if (target === undefined) return undefined;
  const spec = specOf(target);
  const source = spec.type === 'inline' ? fromInline(rec(spec.inline)) : spec.type === 'kubernetesServiceAccount' ? fromServiceAccount(rec(spec.kubernetesServiceAccount)) : undefined;
  if (source === undefined) {
    ctx.issues.push({ rule: 'render-operator-error', messageId: 'oidcType', data: { namespace: ctx.namespace, name: str(ref.name), type: str(spec.type) }, path, type: 'Invalid value' });
    return undefined;
  }
  const resource = str(ref.resourceUrl) || `http://${ctx.name}.${ctx.namespace}.svc.cluster.local:${VMCP_PORT}`;
  // Every config.OIDCConfig field in one literal: the same hidden class for both sources and every render.
  return {
    issuer: source.issuer,
    clientId: source.clientId,
    clientSecretEnv: source.clientSecretEnv,
    audience: ref.audience,
    resource,
    jwksUrl: source.jwksUrl,
    introspectionUrl: source.introspectionUrl,
    scopes: ref.scopes,
    protectedResourceAllowPrivateIp: source.protectedResourceAllowPrivateIp,
    jwksAllowPrivateIp: source.jwksAllowPrivateIp,
    insecureAllowHttp: source.insecureAllowHttp,
    caBundlePath: source.caBundlePath,
  };
}

/** Spec-level claim mapping wins over the ConfigMap's values. */
function claimOverrides(authz: Obj, cedar: Obj): Obj {
  return {
    groupClaimName: str(authz.groupClaimName) || cedar.group_claim_name,
    roleClaimName: str(authz.roleClaimName) || cedar.role_claim_name,
    groupEntityType: str(authz.groupEntityType) || cedar.group_entity_type,
  };
}

function authzFromSpec(ctx: ModelContext, authz: Obj): Obj | undefined {
  if (authz.type === 'inline') {
    const inline = rec(authz.inline);
    return { type: 'cedar', policies: inline.policies, entitiesJson: inline.entitiesJson, ...claimOverrides(authz, {}) };
  }
  const path = [...PATH, 'authzConfig', 'configMap'];
  const ref = rec(authz.configMap);
  const cm = lookup(ctx, 'ConfigMap', str(ref.name), path);
  if (cm === undefined) return undefined;
  const key = str(ref.key) || 'authz.json';
  const parsed = parseAuthzDocument(rec(cm.data)[key]);
  if (!parsed.ok) {
    const data = { namespace: ctx.namespace, name: str(ref.name), key, ...parsed.data };
    ctx.issues.push({ rule: parsed.rule, messageId: parsed.messageId, data, path, type: 'Invalid value' });
    return undefined;
  }
  const cedar = parsed.cedar;
  return { type: 'cedar', policies: cedar.policies, entitiesJson: cedar.entities_json, ...claimOverrides(authz, cedar) };
}

/** A manifest usually has no status; only an explicit Valid=False condition counts as not ready. */
function notValid(o: Obj): boolean {
  const conditions = rec(o.status).conditions;
  return Array.isArray(conditions) && conditions.some((c) => rec(c).type === 'Valid' && rec(c).status === 'False');
}

function authzFromRef(ctx: ModelContext, ref: Obj): Obj | undefined {
  const path = [...PATH, 'authzConfigRef'];
  const target = lookup(ctx, 'MCPAuthzConfig', str(ref.name), path);
  if (target === undefined) return undefined;
  if (notValid(target)) {
    ctx.issues.push({ rule: 'render-operator-error', messageId: 'authzInvalid', data: { namespace: ctx.namespace, name: str(ref.name) }, path, type: 'Invalid value' });
    return undefined;
  }
  const spec = specOf(target);
  if (spec.type !== 'cedarv1') {
    ctx.issues.push({ rule: 'render-operator-error', messageId: 'authzType', data: { type: str(spec.type) }, path, type: 'Invalid value' });
    return undefined;
  }
  const cedar = rec(spec.config);
  return { type: 'cedar', policies: cedar.policies, entitiesJson: cedar.entities_json, ...claimOverrides({}, cedar) };
}

/** The deprecated inline primaryUpstreamProvider needs spec.authServerConfig, which this renderer refuses earlier. */
function checkPrimaryUpstream(ctx: ModelContext, authz: Obj): void {
  const explicit = str(rec(authz.inline).primaryUpstreamProvider);
  if (explicit === '') return;
  ctx.issues.push({
    rule: 'render-operator-error',
    messageId: 'primaryUpstreamProvider',
    data: { provider: explicit },
    path: [...PATH, 'authzConfig', 'inline', 'primaryUpstreamProvider'],
    type: 'Invalid value',
  });
}

export function buildIncomingAuth(ctx: ModelContext): Obj | undefined {
  const incoming = rec(ctx.spec.incomingAuth);
  if (ctx.spec.incomingAuth === undefined) return undefined;
  const out: Obj = { type: incoming.type };
  if (incoming.oidcConfigRef !== undefined) out.oidc = resolveOidc(ctx, rec(incoming.oidcConfigRef));
  if (incoming.authzConfig !== undefined) {
    checkPrimaryUpstream(ctx, rec(incoming.authzConfig));
    out.authz = authzFromSpec(ctx, rec(incoming.authzConfig));
  } else if (incoming.authzConfigRef !== undefined) out.authz = authzFromRef(ctx, rec(incoming.authzConfigRef));
  return out;
}
