// The relations capability's calls to the API server, through @kubernetes/client-node: the path of
// each related kind's collection, a list function per kind (Secrets, ConfigMaps and ServiceAccounts as
// PartialObjectMetadataList: names only, the product never receives their data) and the installed
// VirtualMCPServer CRD. Every call is aborted after a bounded time.
import { ApiException, ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, type ConfigurationOptions, type KubernetesListObject, type KubernetesObject } from '@kubernetes/client-node';
import { callOptions } from '../../kube/call-options.js';
import type { RelatedKind } from '../kinds.js';

export const CRD_NAME = 'virtualmcpservers.toolhive.stacklok.dev';
export const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
/** Ask for metadata only: lists as PartialObjectMetadataList, watch events as PartialObjectMetadata. */
export const METADATA_LIST_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
export const METADATA_ACCEPT = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

/** `/apis/<group>/<version>[/namespaces/<ns>]/<plural>` (`/api/v1/...` for core kinds). */
export function collectionPath(k: RelatedKind, namespace?: string): string {
  const root = k.group === '' ? `/api/${k.version}` : `/apis/${k.group}/${k.version}`;
  return namespace === undefined ? `${root}/${k.plural}` : `${root}/namespaces/${namespace}/${k.plural}`;
}

/** A KubeConfig whose requests (the library's Watch included) ask for metadata only. */
export class MetadataKubeConfig extends KubeConfig {
  constructor(
    base: KubeConfig,
    private readonly accept: string,
  ) {
    super();
    this.loadFromString(base.exportConfig());
  }

  override async applyToFetchOptions(opts: Parameters<KubeConfig['applyToFetchOptions']>[0]): ReturnType<KubeConfig['applyToFetchOptions']> {
    const init = await super.applyToFetchOptions(opts);
    (init.headers as unknown as Headers).set('Accept', this.accept);
    return init;
  }
}

/** The call's timeout, and the Accept header of a metadata-only list. */
const middleware = (timeoutMs: number, accept: string | undefined): ConfigurationOptions => callOptions(timeoutMs, accept === undefined ? {} : { Accept: accept });

type AnyList = KubernetesListObject<KubernetesObject>;

/** One list of a kind (all namespaces, or one) through the generated clients (auth, TLS, proxies); metadata only for the core kinds. */
export function listFunction(kc: KubeConfig, k: RelatedKind, namespace: string | undefined, timeoutMs: number): () => Promise<AnyList> {
  const options = middleware(timeoutMs, k.metadataOnly ? METADATA_LIST_ACCEPT : undefined);
  if (k.group !== '') {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const which = { group: k.group, version: k.version, plural: k.plural };
    return async () => (namespace === undefined ? custom.listClusterCustomObject(which, options) : custom.listNamespacedCustomObject({ ...which, namespace }, options)) as Promise<AnyList>;
  }
  const core = kc.makeApiClient(CoreV1Api);
  if (k.kind === 'Secret') return async () => (namespace === undefined ? core.listSecretForAllNamespaces({}, options) : core.listNamespacedSecret({ namespace }, options));
  if (k.kind === 'ServiceAccount') return async () => (namespace === undefined ? core.listServiceAccountForAllNamespaces({}, options) : core.listNamespacedServiceAccount({ namespace }, options));
  return async () => (namespace === undefined ? core.listConfigMapForAllNamespaces({}, options) : core.listNamespacedConfigMap({ namespace }, options));
}

/** The installed VirtualMCPServer CRD, or undefined when it is not installed (404). */
export async function readCrd(kc: KubeConfig, timeoutMs: number): Promise<KubernetesObject | undefined> {
  try {
    return await kc.makeApiClient(ApiextensionsV1Api).readCustomResourceDefinition({ name: CRD_NAME }, middleware(timeoutMs, undefined));
  } catch (err) {
    if (err instanceof ApiException && err.code === 404) return undefined;
    throw err;
  }
}

/** A list of the CRD alone (fieldSelector metadata.name), for the informer that follows it. */
export function crdListFunction(kc: KubeConfig, timeoutMs: number): () => Promise<AnyList> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  return async () => (await api.listCustomResourceDefinition({ fieldSelector: `metadata.name=${CRD_NAME}` }, middleware(timeoutMs, undefined)));
}
