// Derives schemas/ from the upstream CRD (../shared/toolhive): one structural schema per served
// version, description prose stripped. The shipped product reads only the committed output.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { parse } from 'yaml';

const crdPath = process.argv[2] ?? new URL('../../shared/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url).pathname;

// `description` is prose on a schema node but may also be a property name under `properties`.
function strip(node: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' && !isPropertyMap) continue;
    if (isPropertyMap) out[k] = strip(v);
    else out[k] = k === 'default' || k === 'enum' || k === 'example' ? v : strip(v, k === 'properties');
  }
  return out;
}

const crd = parse(readFileSync(crdPath, 'utf8')) as any;
mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const v of crd.spec.versions) {
  const out = {
    group: crd.spec.group,
    kind: crd.spec.names.kind,
    version: v.name,
    served: v.served,
    storage: v.storage,
    deprecated: v.deprecated ?? false,
    ...(v.deprecationWarning ? { deprecationWarning: v.deprecationWarning } : {}),
    schema: strip(v.schema.openAPIV3Schema),
  };
  const file = new URL(`../schemas/virtualmcpserver.${v.name}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
  console.log(`wrote ${file.pathname}`);
}
