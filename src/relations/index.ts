// The relations capability's surface for the shells: the pure checks over a World, the three
// providers (manifest set, informer caches, one-shot cluster list) and the vendored CRDs of the
// related kinds. The CLI and the webhook import this; nothing here imports a shell.
import type { Finding, SchemaProvider } from '../core/contract.js';
import { checkRelations, type RefsSetting } from './check.js';
import { vendoredSchemas } from './crds/vendored.js';
import { relatedObjectsOf } from './manifest-set.js';
import { layered, worldOf, type World } from './world.js';

export { checkRelations, REFS_SETTINGS, type RefsSetting, type RelationOptions } from './check.js';
export { manifestWorld } from './manifest-set.js';
export type { World, RelatedObject } from './world.js';

/** What a CLI run needs: relation findings for a judged VirtualMCPServer, and schemas for related objects of the inputs. */
export interface RelationsCheck {
  readonly refs: RefsSetting;
  /** Relation findings of one VirtualMCPServer as stored (pruned, defaulted). */
  readonly findings: (object: unknown) => Finding[];
  /** The vendored CRD's schemas for a related toolhive object (judged in `crd` mode), else undefined. */
  readonly schemasFor: (value: unknown) => SchemaProvider | undefined;
}

/** The check over one CLI run's objects (the manifest set), over a cluster snapshot when given (manifests win). */
export async function manifestRelations(values: readonly unknown[], refs: RefsSetting, cluster?: World): Promise<RelationsCheck> {
  const manifests = worldOf(relatedObjectsOf(values));
  const world = cluster === undefined ? manifests : layered(manifests, cluster);
  const schemasFor = await vendoredSchemas(values);
  return { refs, findings: (object) => checkRelations(object, world, { refs }), schemasFor };
}
