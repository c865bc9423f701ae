// The CLI's relation flags in one place (--refs, --kubeconfig, --context, --crd-from-cluster), kept
// apart from args.ts so the argument parser only spreads them in: parse here, build the run's
// relations check here (the manifest set, over a one-shot cluster list when --kubeconfig is given).
import type { SchemaProvider } from '../core/contract.js';
import { manifestRelations, REFS_SETTINGS, type RefsSetting, type RelationsCheck, type World } from '../relations/index.js';
import { parseSource } from './documents.js';
import type { Input } from './inputs.js';
import { documentObjects } from './list-items.js';

export const relationsOptionSpec = {
  refs: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  'crd-from-cluster': { type: 'boolean' },
} as const;

export const relationsHelp = `  --refs warn|deny|off  check what VirtualMCPServers refer to (groupRef, oidcConfigRef, ...,
                        rate-limit tool names after aggregation) against the other documents
                        of this run (and the cluster with --kubeconfig): warn, deny (errors)
                        or off; default off, or warn with --kubeconfig
  --kubeconfig FILE     also look related objects up in this cluster (one list per kind, read
                        only; Secrets, ConfigMaps and ServiceAccounts by metadata only)
  --context NAME        the kubeconfig context to use (default: its current context)
  --crd-from-cluster    validate against the VirtualMCPServer CRD installed in the cluster
`;

export interface RelationsFlags {
  readonly refs: RefsSetting;
  readonly kubeconfig: string | undefined;
  readonly context: string | undefined;
  readonly crdFromCluster: boolean;
}

interface RelationValues {
  readonly refs?: string | undefined;
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
  readonly 'crd-from-cluster'?: boolean | undefined;
}

/** The flags, or a usage error. */
export function parseRelationsFlags(values: RelationValues): RelationsFlags | { readonly error: string } {
  const refs = values.refs ?? (values.kubeconfig === undefined ? 'off' : 'warn');
  const setting = REFS_SETTINGS.find((s) => s === refs);
  if (setting === undefined) return { error: `unknown --refs "${refs}": allowed values are ${REFS_SETTINGS.join(', ')}` };
  if (values.kubeconfig === '') return { error: '--kubeconfig needs a file name' };
  const needsCluster = values.context !== undefined || values['crd-from-cluster'] === true;
  if (needsCluster && values.kubeconfig === undefined) return { error: `${values.context !== undefined ? '--context' : '--crd-from-cluster'} needs --kubeconfig` };
  return { refs: setting, kubeconfig: values.kubeconfig, context: values.context, crdFromCluster: values['crd-from-cluster'] === true };
}

const valuesOf = (doc: { problems: readonly unknown[]; value: unknown }): unknown[] => (doc.problems.length > 0 ? [] : documentObjects(doc.value).flatMap((o) => (o.problem === undefined ? [o.value] : [])));

/** Every decodable object of the run (List items included), for the world of the manifest set. */
export function objectsOf(inputs: readonly Input[]): unknown[] {
  const out: unknown[] = [];
  for (const input of inputs) {
    const documents = input.kind === 'error' ? [] : parseSource(input.source, input.text).documents;
    for (const doc of documents) out.push(...valuesOf(doc));
  }
  return out;
}

export type RelationsSetup = { readonly ok: true; readonly relations?: RelationsCheck; readonly schemas?: SchemaProvider } | { readonly ok: false; readonly message: string };

type ClusterView = { readonly world?: World; readonly schemas?: SchemaProvider };

async function clusterView(flags: RelationsFlags, cwd: string): Promise<ClusterView | { readonly error: string }> {
  if (flags.kubeconfig === undefined) return {};
  // Loaded only with --kubeconfig: a plain run never loads @kubernetes/client-node.
  const { clusterSnapshot } = await import('../relations/cluster/snapshot.js');
  const snapshot = await clusterSnapshot({ kubeconfig: flags.kubeconfig, context: flags.context, cwd, crd: flags.crdFromCluster, lists: flags.refs !== 'off' });
  return snapshot.ok ? snapshot : { error: snapshot.message };
}

/** The run's relations check (undefined with --refs off) and, with --crd-from-cluster, the installed CRD's schemas. */
export async function setUpRelations(flags: RelationsFlags, inputs: readonly Input[], cwd: string): Promise<RelationsSetup> {
  if (flags.refs === 'off' && !flags.crdFromCluster) return { ok: true };
  const view = await clusterView(flags, cwd);
  if ('error' in view) return { ok: false, message: view.error };
  const relations = flags.refs === 'off' ? undefined : await manifestRelations(objectsOf(inputs), flags.refs, view.world);
  return { ok: true, ...(relations === undefined ? {} : { relations }), ...(view.schemas === undefined ? {} : { schemas: view.schemas }) };
}
