// A capability for the CLI: reads one VirtualMCPServer (v1beta1) from the cluster a kubeconfig points
// at (`buckets --kubeconfig`). Every failure becomes one line; an ApiException's message is never
// repeated (it embeds response headers and body).
import { ApiException, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { callOptions } from '../kube/call-options.js';

export type ReadResult = { readonly object: unknown } | { readonly error: string };

function loadConfig(path: string): KubeConfig | string {
  const config = new KubeConfig();
  try {
    if (path === '') config.loadFromDefault();
    else config.loadFromFile(path);
    return config.getCurrentCluster() === null ? `kubeconfig ${path || '(default)'}: no current cluster` : config;
  } catch (err) {
    return `kubeconfig ${path || '(default)'}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

/** Status.reason (NotFound, Forbidden, ...) of an API answer, when the body is a Status. */
function reason(body: unknown): string {
  try {
    const parsed = JSON.parse(typeof body === 'string' ? body : '') as { reason?: unknown };
    return typeof parsed.reason === 'string' ? ` ${parsed.reason}` : '';
  } catch {
    return '';
  }
}

function describe(err: unknown, what: string, server: string): string {
  if (err instanceof ApiException && err.code === 404) return `${what} not found in the cluster at ${server}`;
  if (err instanceof ApiException) return `the API server at ${server} answered ${err.code}${reason(err.body)} for ${what}`;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? ` (${err.message.slice(0, 200)})` : '';
  return `cannot read ${what} from the API server at ${server}: ${typeof code === 'string' ? code : err instanceof Error ? err.name : typeof err}${message}`;
}


/** `path` '' = the default kubeconfig ($KUBECONFIG or ~/.kube/config). */
export async function readVirtualMcpServer(path: string, namespace: string, name: string, timeoutMs: number): Promise<ReadResult> {
  const config = loadConfig(path);
  if (typeof config === 'string') return { error: config };
  const server = config.getCurrentCluster()?.server ?? '?';
  const api = config.makeApiClient(CustomObjectsApi);
  try {
    const object: unknown = await api.getNamespacedCustomObject(
      { group: 'toolhive.stacklok.dev', version: 'v1beta1', namespace, plural: 'virtualmcpservers', name },
      callOptions(timeoutMs), // a black-holed API server must not hang the command
    );
    return { object };
  } catch (err) {
    return { error: describe(err, `VirtualMCPServer ${namespace}/${name}`, server) };
  }
}
