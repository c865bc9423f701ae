// The references a VirtualMCPServer makes (RELATIONS.md a.2 rows 1-15) and when the operator or the
// pod consults each (a.3): read from the object as the API server stores it (defaults applied, so an
// absent authzConfig.type is `configMap`). Refs never read (an externalAuthConfigRef under
// `type: discovered`, a passwordRef without Redis, auth-server Redis ACL secrets under storage type
// `memory`) are not references here. Rows 13-15 are checked too, each with what really happens
// (upstream-behaviour §r.3 items 13-15): the authServerConfig Secrets (mounted or read non-optionally, so the
// pod cannot start), spec.serviceAccount (the API server refuses the pods; `default` exists in every
// namespace and is not checked) and imagePullSecrets (the kubelet pulls without a missing one). Keys
// are checked only for the authz ConfigMap and only where its data is known (check.ts); Secret keys
// never, since Secrets are read by metadata only.
import type { PathSegment } from '../core/field-path.js';
import type { MessageIdOf } from '../core/rules/report.js';
import { isRecord, recordAt, stringField, type JsonRecord } from '../core/spec.js';

export interface Reference {
  readonly rule: 'ref-missing';
  readonly messageId: MessageIdOf<'ref-missing'>;
  readonly kind: string;
  readonly name: string;
  /** Path of the reference's name field. */
  readonly path: readonly PathSegment[];
  /** Extra slots of the message (the delegate client's id). */
  readonly data?: Readonly<Record<string, string>>;
  /** The value at `path` when it is not `name` (a transitive reference is reported at the field that leads to it). */
  readonly fieldValue?: string;
}

type Path = readonly PathSegment[];
type RefMessage = MessageIdOf<'ref-missing'>;

/** The `name` of the record at `at` (a `{name: ...}` reference), as a reference. */
function nameRef(spec: JsonRecord, at: readonly string[], kind: string, messageId: RefMessage): Reference[] {
  const name = stringField(recordAt(spec, at), 'name');
  return name === undefined || name === '' ? [] : [{ rule: 'ref-missing', messageId, kind, name, path: ['spec', ...at, 'name'] }];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function itemRefs(items: unknown, base: Path, kind: string, messageId: RefMessage): Reference[] {
  const out: Reference[] = [];
  list(items).forEach((item, i) => {
    const name = isRecord(item) ? stringField(item, 'name') : undefined;
    if (name !== undefined && name !== '') out.push({ rule: 'ref-missing', messageId, kind, name, path: [...base, i, 'name'] });
  });
  return out;
}

function authzConfigMap(spec: JsonRecord): Reference[] {
  const authz = recordAt(spec, ['incomingAuth', 'authzConfig']);
  if (authz === undefined || (authz.type ?? 'configMap') !== 'configMap') return [];
  return nameRef(spec, ['incomingAuth', 'authzConfig', 'configMap'], 'ConfigMap', 'authzConfigMap');
}

/** One outgoing auth entry: read only when its type is externalAuthConfigRef (a.3 5./6.). */
function outgoingEntry(entry: unknown, at: readonly string[]): Reference[] {
  if (!isRecord(entry) || entry.type !== 'externalAuthConfigRef') return [];
  const name = stringField(recordAt(entry, ['externalAuthConfigRef']), 'name');
  if (name === undefined || name === '') return [];
  return [{ rule: 'ref-missing', messageId: 'externalAuthConfigRef', kind: 'MCPExternalAuthConfig', name, path: ['spec', ...at, 'externalAuthConfigRef', 'name'] }];
}

function outgoingRefs(spec: JsonRecord): Reference[] {
  const out = outgoingEntry(recordAt(spec, ['outgoingAuth', 'default']), ['outgoingAuth', 'default']);
  const backends = recordAt(spec, ['outgoingAuth', 'backends']) ?? {};
  for (const [backend, entry] of Object.entries(backends)) out.push(...outgoingEntry(entry, ['outgoingAuth', 'backends', backend]));
  return out;
}

function toolConfigRefs(spec: JsonRecord): Reference[] {
  const out: Reference[] = [];
  list(recordAt(spec, ['config', 'aggregation'])?.tools).forEach((entry, i) => {
    const name = stringField(recordAt(entry, ['toolConfigRef']), 'name');
    if (name !== undefined && name !== '') out.push({ rule: 'ref-missing', messageId: 'toolConfigRef', kind: 'MCPToolConfig', name, path: ['spec', 'config', 'aggregation', 'tools', i, 'toolConfigRef', 'name'] });
  });
  return out;
}

function sessionPassword(spec: JsonRecord): Reference[] {
  const storage = recordAt(spec, ['sessionStorage']);
  return storage?.provider === 'redis' ? nameRef(spec, ['sessionStorage', 'passwordRef'], 'Secret', 'sessionPassword') : [];
}

function delegateClients(spec: JsonRecord): Reference[] {
  const out: Reference[] = [];
  list(recordAt(spec, ['authServerConfig'])?.delegateClients).forEach((client, i) => {
    const name = stringField(recordAt(client, ['clientSecretRef']), 'name');
    const id = isRecord(client) ? (stringField(client, 'clientId') ?? '') : '';
    if (name !== undefined && name !== '') {
      out.push({ rule: 'ref-missing', messageId: 'delegateClientSecret', kind: 'Secret', name, path: ['spec', 'authServerConfig', 'delegateClients', i, 'clientSecretRef', 'name'], data: { client: id } });
    }
  });
  return out;
}

/** A SecretKeyRef-style `{name, key}` at `at` under authServerConfig. */
function authServerRef(auth: JsonRecord, at: Path, messageId: RefMessage): Reference[] {
  let node: unknown = auth;
  for (const k of at) node = Array.isArray(node) && typeof k === 'number' ? node[k] : isRecord(node) ? node[k] : undefined;
  const name = isRecord(node) ? stringField(node, 'name') : undefined;
  return name === undefined || name === '' ? [] : [{ rule: 'ref-missing', messageId, kind: 'Secret', name, path: ['spec', 'authServerConfig', ...at, 'name'] }];
}

/**
 * a.2 row 13: the other authServerConfig Secrets. Signing keys, HMAC secrets and the Redis CA
 * certificates become Secret volumes; upstream client secrets, the DCR initial access token and (with
 * storage type redis) the Redis ACL credentials become secretKeyRef env vars. None is optional.
 */
function authServerSecrets(spec: JsonRecord): Reference[] {
  const auth = recordAt(spec, ['authServerConfig']);
  if (auth === undefined) return [];
  const out: Reference[] = [];
  list(auth.signingKeySecretRefs).forEach((_, i) => out.push(...authServerRef(auth, ['signingKeySecretRefs', i], 'authServerSecretVolume')));
  list(auth.hmacSecretRefs).forEach((_, i) => out.push(...authServerRef(auth, ['hmacSecretRefs', i], 'authServerSecretVolume')));
  list(auth.upstreamProviders).forEach((_, i) => {
    out.push(...authServerRef(auth, ['upstreamProviders', i, 'oidcConfig', 'clientSecretRef'], 'authServerSecretEnv'));
    out.push(...authServerRef(auth, ['upstreamProviders', i, 'oauth2Config', 'clientSecretRef'], 'authServerSecretEnv'));
    out.push(...authServerRef(auth, ['upstreamProviders', i, 'oauth2Config', 'dcrConfig', 'initialAccessTokenRef'], 'authServerSecretEnv'));
  });
  const storage = recordAt(auth, ['storage']);
  if (storage?.type === 'redis') {
    out.push(...authServerRef(auth, ['storage', 'redis', 'aclUserConfig', 'usernameSecretRef'], 'authServerSecretEnv'));
    out.push(...authServerRef(auth, ['storage', 'redis', 'aclUserConfig', 'passwordSecretRef'], 'authServerSecretEnv'));
  }
  out.push(...authServerRef(auth, ['storage', 'redis', 'tls', 'caCertSecretRef'], 'authServerSecretVolume'));
  out.push(...authServerRef(auth, ['storage', 'redis', 'sentinelTls', 'caCertSecretRef'], 'authServerSecretVolume'));
  return out;
}

/** a.2 row 14: spec.serviceAccount, a bare name; `default` is in every namespace (the controller manager makes it). */
function serviceAccount(spec: JsonRecord): Reference[] {
  const name = spec.serviceAccount;
  if (typeof name !== 'string' || name === '' || name === 'default') return [];
  return [{ rule: 'ref-missing', messageId: 'serviceAccount', kind: 'ServiceAccount', name, path: ['spec', 'serviceAccount'] }];
}

/** Every reference of the spec, in the operator's reconcile order (a.3), then what only the pod consults. */
export function referencesOf(object: unknown): Reference[] {
  const spec = recordAt(object, ['spec']);
  if (spec === undefined) return [];
  return [
    ...nameRef(spec, ['groupRef'], 'MCPGroup', 'groupRef'),
    ...itemRefs(recordAt(spec, ['config'])?.compositeToolRefs, ['spec', 'config', 'compositeToolRefs'], 'VirtualMCPCompositeToolDefinition', 'compositeToolRef'),
    ...nameRef(spec, ['embeddingServerRef'], 'EmbeddingServer', 'embeddingServerRef'),
    ...delegateClients(spec),
    ...nameRef(spec, ['incomingAuth', 'oidcConfigRef'], 'MCPOIDCConfig', 'oidcConfigRef'),
    ...nameRef(spec, ['incomingAuth', 'authzConfigRef'], 'MCPAuthzConfig', 'authzConfigRef'),
    ...nameRef(spec, ['telemetryConfigRef'], 'MCPTelemetryConfig', 'telemetryConfigRef'),
    ...authzConfigMap(spec),
    ...sessionPassword(spec),
    ...toolConfigRefs(spec),
    ...outgoingRefs(spec),
    ...authServerSecrets(spec),
    ...serviceAccount(spec),
    ...itemRefs(spec.imagePullSecrets, ['spec', 'imagePullSecrets'], 'Secret', 'imagePullSecret'),
  ];
}

/**
 * References checked on the VirtualMCPServer's behalf through another object (RELATIONS.md a.2, a.3 row 2):
 * an inline MCPOIDCConfig's clientSecretRef Secret, reported at the oidcConfigRef that leads to it.
 */
export function transitiveReferencesOf(object: unknown, oidcConfig: { readonly spec: JsonRecord } | undefined): Reference[] {
  const oidc = stringField(recordAt(object, ['spec', 'incomingAuth', 'oidcConfigRef']), 'name');
  if (oidc === undefined || oidcConfig === undefined || oidcConfig.spec.type !== 'inline') return [];
  const name = stringField(recordAt(oidcConfig.spec, ['inline', 'clientSecretRef']), 'name');
  if (name === undefined || name === '') return [];
  return [{ rule: 'ref-missing', messageId: 'oidcClientSecret', kind: 'Secret', name, path: ['spec', 'incomingAuth', 'oidcConfigRef', 'name'], data: { oidc }, fieldValue: oidc }];
}
