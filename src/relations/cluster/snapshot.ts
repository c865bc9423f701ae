// Provider 3: the CLI's one-shot view of a cluster (--kubeconfig FILE, --context NAME): one list per
// related kind (Secrets, ConfigMaps and ServiceAccounts by metadata only; toolhive kinds with their
// status), each bounded in time, and with --crd-from-cluster the installed VirtualMCPServer CRD
// compiled like --crd FILE. An unreachable API server is a clear error, never a hang.
import { resolve } from 'node:path';
import { ApiException, KubeConfig } from '@kubernetes/client-node';
import type { SchemaProvider } from '../../core/contract.js';
import { relatedKinds, type RelatedKind } from '../kinds.js';
import { relatedObject, worldOf, type RelatedObject, type World } from '../world.js';
import { listFunction, readCrd, CRD_NAME } from './api.js';
import { compileClusterCrd } from './installed-crd.js';

export interface SnapshotOptions {
  readonly kubeconfig: string;
  readonly context: string | undefined;
  readonly cwd: string;
  /** Also read and compile the installed VirtualMCPServer CRD. */
  readonly crd: boolean;
  /** List the related kinds (false with --refs off). */
  readonly lists: boolean;
  readonly timeoutMs?: number;
}

export type Snapshot = { readonly ok: true; readonly world?: World; readonly schemas?: SchemaProvider } | { readonly ok: false; readonly message: string };

const DEFAULT_TIMEOUT_MS = 10_000;

function describe(err: unknown): string {
  if (err instanceof ApiException) return `HTTP ${err.code}`;
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${typeof code === 'string' ? `${code}: ` : ''}${err.message.split('\n')[0]!.slice(0, 200)}`;
  }
  return String(err);
}

function loadKubeConfig(o: SnapshotOptions): KubeConfig | string {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(resolve(o.cwd, o.kubeconfig));
  } catch (err) {
    return `--kubeconfig ${o.kubeconfig}: ${describe(err)}`;
  }
  if (o.context !== undefined) {
    if (!kc.getContexts().some((c) => c.name === o.context)) return `--context ${o.context}: no such context in ${o.kubeconfig}`;
    kc.setCurrentContext(o.context);
  }
  return kc.getCurrentCluster() === null ? `--kubeconfig ${o.kubeconfig}: no current cluster` : kc;
}

async function listKind(kc: KubeConfig, k: RelatedKind, timeoutMs: number): Promise<RelatedObject[]> {
  try {
    const list = await listFunction(kc, k, undefined, timeoutMs)();
    return (list.items ?? []).flatMap((item) => relatedObject(k.kind, item, { status: true }) ?? []);
  } catch (err) {
    // A toolhive kind whose CRD is not installed has no objects.
    if (err instanceof ApiException && err.code === 404 && k.group !== '') return [];
    throw new Error(`cannot list ${k.plural}${k.group === '' ? '' : `.${k.group}`}: ${describe(err)}`);
  }
}

async function installedSchemas(kc: KubeConfig, timeoutMs: number): Promise<SchemaProvider> {
  const crd = await readCrd(kc, timeoutMs);
  if (crd === undefined) throw new Error(`--crd-from-cluster: the CRD ${CRD_NAME} is not installed`);
  const compiled = await compileClusterCrd(crd);
  if (!compiled.ok) throw new Error(`--crd-from-cluster: ${compiled.error}`);
  return compiled.provider;
}

export async function clusterSnapshot(o: SnapshotOptions): Promise<Snapshot> {
  const kc = loadKubeConfig(o);
  if (typeof kc === 'string') return { ok: false, message: kc };
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const server = kc.getCurrentCluster()!.server;
  try {
    const [lists, schemas] = await Promise.all([o.lists ? Promise.all(relatedKinds.map((k) => listKind(kc, k, timeoutMs))) : undefined, o.crd ? installedSchemas(kc, timeoutMs) : undefined]);
    return { ok: true, ...(lists === undefined ? {} : { world: worldOf(lists.flat()) }), ...(schemas === undefined ? {} : { schemas }) };
  } catch (err) {
    return { ok: false, message: `cluster ${server} (context ${kc.getCurrentContext()}): ${err instanceof Error ? err.message : String(err)}` };
  }
}
