// URL -> resource for fake-apiserver.ts: exactly the two resources src/kube uses.
import type { Obj } from './fake-store.js';

export interface Route {
  readonly resource: 'secrets' | 'validatingwebhookconfigurations';
  /** Object name from the URL; undefined for the collection. */
  readonly name: string | undefined;
  keyOf(name: string): string;
  details(name: string): Obj;
  /** A field.Error-style message when the object is invalid, else undefined. */
  validate(object: Obj): string | undefined;
}

const secrets = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+))?$/;
const webhooks = /^\/apis\/admissionregistration\.k8s\.io\/v1\/validatingwebhookconfigurations(?:\/([^/]+))?$/;

export function routeOf(path: string): Route | undefined {
  const secret = secrets.exec(path);
  if (secret !== null) {
    const namespace = secret[1]!;
    return {
      resource: 'secrets',
      name: secret[2],
      keyOf: (name) => `secrets/${namespace}/${name}`,
      details: (name) => ({ name, kind: 'secrets' }),
      validate: validateSecret,
    };
  }
  const webhook = webhooks.exec(path);
  if (webhook === null) return undefined;
  return {
    resource: 'validatingwebhookconfigurations',
    name: webhook[1],
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
