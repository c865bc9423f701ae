// URL -> resource for fake-apiserver.ts: the resources src/kube (certificates) and src/relations
// (related kinds, the VirtualMCPServer CRD) use.
import type { Obj } from './fake-store.js';

export interface Route {
  readonly resource: string;
  /** Object name from the URL; undefined for the collection. */
  readonly name: string | undefined;
  /** Key prefix of the collection the URL names (all namespaces, or one). */
  readonly prefix: string;
  keyOf(name: string): string;
  details(name: string): Obj;
  /** A field.Error-style message when the object is invalid, else undefined. */
  validate(object: Obj): string | undefined;
}

const secrets = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+))?$/;
const webhooks = /^\/apis\/admissionregistration\.k8s\.io\/v1\/validatingwebhookconfigurations(?:\/([^/]+))?$/;

/** The related kinds' collections: core (configmaps, secrets, serviceaccounts in all namespaces), toolhive v1beta1, CRDs. */
const related = [
  /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?(configmaps|secrets|serviceaccounts)(?:\/([^/]+))?$/,
  /^\/apis\/toolhive\.stacklok\.dev\/v1beta1\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?$/,
];
const crds = /^\/apis\/apiextensions\.k8s\.io\/v1\/customresourcedefinitions(?:\/([^/]+))?$/;

function relatedRoute(path: string): Route | undefined {
  const crd = crds.exec(path);
  if (crd !== null) {
    const keyOf = (name: string): string => `customresourcedefinitions/${name}`;
    return { resource: 'customresourcedefinitions.apiextensions.k8s.io', name: crd[1], prefix: 'customresourcedefinitions/', keyOf, details: (name) => ({ name, group: 'apiextensions.k8s.io', kind: 'customresourcedefinitions' }), validate: () => undefined };
  }
  for (const re of related) {
    const m = re.exec(path);
    if (m === null) continue;
    const [, namespace, resource, name] = m as unknown as [string, string | undefined, string, string | undefined];
    const prefix = namespace === undefined ? `${resource}/` : `${resource}/${namespace}/`;
    return { resource, name, prefix, keyOf: (n) => `${prefix}${n}`, details: (n) => ({ name: n, kind: resource }), validate: () => undefined };
  }
  return undefined;
}

/** The store key of an object of a related kind (the fake's seeding helper). */
export function keyFor(resource: string, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${resource}/${name}` : `${resource}/${namespace}/${name}`;
}

export function routeOf(path: string): Route | undefined {
  const secret = secrets.exec(path);
  if (secret !== null) {
    const namespace = secret[1]!;
    return {
      resource: 'secrets',
      name: secret[2],
      prefix: `secrets/${namespace}/`,
      keyOf: (name) => `secrets/${namespace}/${name}`,
      details: (name) => ({ name, kind: 'secrets' }),
      validate: validateSecret,
    };
  }
  const webhook = webhooks.exec(path);
  if (webhook === null) return relatedRoute(path);
  return {
    resource: 'validatingwebhookconfigurations',
    name: webhook[1],
    prefix: 'validatingwebhookconfigurations/',
    keyOf: (name) => `validatingwebhookconfigurations/${name}`,
    details: (name) => ({ name, group: 'admissionregistration.k8s.io', kind: 'validatingwebhookconfigurations' }),
    validate: () => undefined,
  };
}

function validateSecret(object: Obj): string | undefined {
  if (object.type !== 'kubernetes.io/tls') return undefined;
  for (const key of ['tls.crt', 'tls.key']) {
    if (object.data?.[key] === undefined) {
      return `Secret "${String(object.metadata?.name)}" is invalid: data[${key}]: Required value`;
    }
  }
  return undefined;
}
