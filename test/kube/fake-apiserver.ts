// FAKE KUBERNETES API SERVER for src/kube tests (no real API server can run on these machines).
// Plain HTTP on 127.0.0.1:0. It follows the real API's contract for EXACTLY the calls src/kube
// makes, and nothing else (anything else answers 405/404 so an unexpected call fails loudly):
//
//   GET    /api/v1/namespaces/{ns}/secrets/{name}            200 Secret | 404 Status NotFound
//   POST   /api/v1/namespaces/{ns}/secrets                   201 Secret | 409 Status AlreadyExists
//   PUT    /api/v1/namespaces/{ns}/secrets/{name}            200 Secret | 404 NotFound | 409 Conflict
//            (metadata.resourceVersion, when sent, must equal the stored one; absent = unconditional)
//            | 422 Invalid when type kubernetes.io/tls lacks data tls.crt or tls.key
//   GET    /apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/{name}   200 | 404
//   PATCH  .../validatingwebhookconfigurations/{name}        application/strategic-merge-patch+json
//            (webhooks merge by name; other patch types 415 UnsupportedMediaType) 200 | 404
//   PUT    .../validatingwebhookconfigurations/{name}        as for Secrets (used by tests to overwrite)
//   GET    <collection>?watch=true[&fieldSelector=metadata.name={name}][&resourceVersion=RV][&timeoutSeconds=N]
//            200, chunked newline-delimited {"type":"ADDED|MODIFIED|DELETED","object":{...}}; without a
//            resourceVersion it starts with a synthetic ADDED for each current object, as the real
//            server does; with one, it first replays every event after RV, or — when RV is older than
//            the last compact() — sends {"type":"ERROR","object":Status 410 Expired} and ends, as the
//            real server does; the stream ends after timeoutSeconds. Headers are flushed at once.
//   GET    <collection>[?fieldSelector=metadata.name={name}]   200 List {metadata.resourceVersion, items}
//   Collections for relations (src/relations): /api/v1/{configmaps,secrets,serviceaccounts} (all
//            namespaces), /api/v1/namespaces/{ns}/{configmaps,secrets,serviceaccounts}, /apis/toolhive.stacklok.dev/v1beta1/
//            [namespaces/{ns}/]{plural}[/{name}], /apis/apiextensions.k8s.io/v1/customresourcedefinitions[/{name}].
//            Accept `application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1` (lists) or
//            `...as=PartialObjectMetadata...` (watches) answers metadata only (kind PartialObjectMetadata[List]).
//            The Accept header of every request is recorded, so tests can assert Secret data was never asked for.
//
// Every write bumps one global resourceVersion (a decimal string, like etcd's revision) and sets
// uid/creationTimestamp on create. Errors are Status objects:
//   {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":...,"reason":...,"details":{"name","group"?,"kind"},"code":N}
// The query parameter fieldManager is recorded in metadata.managedFields (manager + operation only).
// setDown(true) simulates an unreachable API server: open watch streams are cut and every request's
// socket is destroyed without an answer until setDown(false). setStalled(true) simulates a black
// hole: requests are read and never answered. setUnserved(plural) answers every request under
// /apis/<group>/<version>/[namespaces/<ns>/]<plural> with 404 NotFound, as a real server does for a
// resource whose CRD is not installed.
import { KubeConfig } from '@kubernetes/client-node';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FakeStore, strategicMerge, type Obj, type Outcome } from './fake-store.js';
import { routeOf, type Route } from './fake-routes.js';

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
}

export class FakeApiServer {
  readonly store = new FakeStore();
  readonly requests: RequestRecord[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<ServerResponse>();
  private down = false;
  private stalled = false;
  /** Every store event with its revision, for watches that resume from a resourceVersion. */
  private readonly history: { rev: number; type: string; key: string; object: Obj }[] = [];
  private compacted = 0;
  private constructor(private readonly server: Server) {
    this.store.on('event', (e: { type: string; key: string; object: Obj }) => this.history.push({ rev: Number(e.object.metadata?.resourceVersion ?? 0), ...e }));
  }

  /** Like etcd compaction: a watch from a resourceVersion older than now gets 410 Gone (Expired). */
  compact(): void {
    this.compacted = Math.max(0, ...this.history.map((h) => h.rev));
  }

  /** Ends every open watch stream (as an API server restart or a watch timeout would). */
  endWatches(): void {
    for (const w of this.watches) w.end();
    this.watches.clear();
  }

  /** Seeds or replaces an object of a related kind: key `resource/namespace/name` (cluster-scoped: `resource/name`). */
  put(key: string, object: Obj): Obj {
    const current = this.store.get(key);
    const outcome = current === undefined ? this.store.create(key, object) : this.store.update(key, { ...object, metadata: { ...object.metadata, resourceVersion: undefined } });
    if (!outcome.ok) throw new Error(`put ${key}: ${outcome.reason}`);
    return outcome.object;
  }

  static async start(): Promise<FakeApiServer> {
    const server = createServer();
    const fake = new FakeApiServer(server);
    server.on('request', (req, res) => fake.handle(req, res));
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  kubeConfig(): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'fake', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'fake', token: 'fake-token' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'fake' }],
      currentContext: 'fake',
    });
    return kc;
  }

  setDown(down: boolean): void {
    this.down = down;
    if (!down) return;
    for (const socket of this.sockets) socket.destroy();
    this.watches.clear();
  }

  setStalled(stalled: boolean): void {
    this.stalled = stalled;
  }

  /** Resources (plural names of /apis/ collections) answered with 404, as when their CRD is not installed. */
  readonly unserved = new Set<string>();

  setUnserved(plural: string, unserved: boolean): void {
    if (unserved) this.unserved.add(plural);
    else this.unserved.delete(plural);
  }

  count(method: string, pathPart: string): number {
    return this.requests.filter((r) => r.method === method && r.path.includes(pathPart)).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private isUnserved(path: string): boolean {
    const m = /^\/apis\/[^/]+\/[^/]+\/(?:namespaces\/[^/]+\/)?([^/]+)/.exec(path);
    return m !== null && this.unserved.has(m[1]!);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    if (this.stalled) return;
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, contentType: req.headers['content-type'], accept: req.headers.accept });
    const route = this.isUnserved(url.pathname) ? undefined : routeOf(url.pathname);
    if (route === undefined) return status(res, 404, 'NotFound', `the server could not find the requested resource`);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => this.dispatch(req, res, { route, url, body }));
  }

  private dispatch(req: IncomingMessage, res: ServerResponse, call: { route: Route; url: URL; body: string }): void {
    const { route, url } = call;
    const method = req.method ?? '';
    if (route.name === undefined && method === 'GET' && url.searchParams.get('watch') === 'true') return this.watch(req, res, route, url);
    if (route.name === undefined && method === 'GET') return this.list(req, res, route, url);
    if (route.name === undefined && method === 'POST') return this.create(res, route, JSON.parse(call.body) as Obj, url);
    if (route.name === undefined) return status(res, 405, 'MethodNotAllowed', `${method} on a collection is not served by this fake`);
    const key = route.keyOf(route.name);
    if (method === 'GET') return answer(res, route, route.name, this.getOutcome(key));
    if (method === 'PUT') return this.replace(res, route, JSON.parse(call.body) as Obj, url);
    if (method === 'PATCH') return this.patch(req, res, route, call);
    return status(res, 405, 'MethodNotAllowed', `${method} is not served by this fake`);
  }

  private getOutcome(key: string): Outcome {
    const object = this.store.get(key);
    return object === undefined ? { ok: false, code: 404, reason: 'NotFound' } : { ok: true, object };
  }

  private create(res: ServerResponse, route: Route, object: Obj, url: URL): void {
    const name = String(object.metadata?.name ?? '');
    const invalid = route.validate(object);
    if (invalid !== undefined) return status(res, 422, 'Invalid', invalid, route.details(name));
    const withManager = managed(object, url, 'Update');
    answer(res, route, name, this.store.create(route.keyOf(name), withManager), 201);
  }

  private replace(res: ServerResponse, route: Route, object: Obj, url: URL): void {
    const name = route.name ?? '';
    if (object.metadata?.name !== name) return status(res, 400, 'BadRequest', 'the name of the object does not match the name on the URL');
    const invalid = route.validate(object);
    if (invalid !== undefined) return status(res, 422, 'Invalid', invalid, route.details(name));
    answer(res, route, name, this.store.update(route.keyOf(name), managed(object, url, 'Update')));
  }

  private patch(req: IncomingMessage, res: ServerResponse, route: Route, call: { url: URL; body: string }): void {
    const name = route.name ?? '';
    if (req.headers['content-type'] !== 'application/strategic-merge-patch+json') {
      return status(res, 415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/strategic-merge-patch+json`);
    }
    const current = this.store.get(route.keyOf(name));
    if (current === undefined) return answer(res, route, name, { ok: false, code: 404, reason: 'NotFound' });
    const merged = strategicMerge(current, JSON.parse(call.body)) as Obj;
    delete merged.metadata.resourceVersion; // a patch without a resourceVersion never conflicts
    answer(res, route, name, this.store.update(route.keyOf(name), managed(merged, call.url, 'Update')));
  }

  private list(req: IncomingMessage, res: ServerResponse, route: Route, url: URL): void {
    const only = nameSelected(url);
    const items = this.store.keys(route.prefix).filter((k) => only === undefined || k.endsWith(`/${only}`)).map((k) => this.store.get(k)!);
    const revision = String(Math.max(100, ...this.history.map((h) => h.rev)));
    if (metadataOnly(req)) return json(res, 200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: revision }, items: items.map(partial) });
    json(res, 200, { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: revision }, items });
  }

  private watch(req: IncomingMessage, res: ServerResponse, route: Route, url: URL): void {
    const only = nameSelected(url);
    const matches = (key: string): boolean => key.startsWith(route.prefix) && (only === undefined || key === route.keyOf(only));
    const shape = metadataOnly(req) ? partial : (o: Obj): Obj => o;
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    // The real API server flushes the status line and headers as soon as a watch starts (before any
    // event): a client's watch call returns then, and can be aborted from then on.
    res.flushHeaders();
    const send = (type: string, object: Obj): boolean => res.write(`${JSON.stringify({ type, object: type === 'ERROR' ? object : shape(object) })}\n`);
    const from = url.searchParams.get('resourceVersion');
    if (from !== null && from !== '' && Number(from) < this.compacted) {
      send('ERROR', { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${from} (${this.compacted})`, reason: 'Expired', code: 410 });
      res.end();
      return;
    }
    this.watches.add(res);
    if (from === null || from === '') for (const k of this.store.keys(route.prefix).filter(matches)) send('ADDED', this.store.get(k)!);
    else for (const h of this.history.filter((e) => e.rev > Number(from) && matches(e.key))) send(h.type, h.object);
    const onEvent = (event: { type: string; key: string; object: Obj }): void => {
      if (matches(event.key)) send(event.type, event.object);
    };
    this.store.on('event', onEvent);
    const seconds = Number(url.searchParams.get('timeoutSeconds') ?? '0');
    const timer = seconds > 0 ? setTimeout(() => res.end(), seconds * 1000) : undefined;
    res.on('close', () => {
      clearTimeout(timer);
      this.store.off('event', onEvent);
      this.watches.delete(res);
    });
  }
}

const nameSelected = (url: URL): string | undefined => {
  const selector = url.searchParams.get('fieldSelector');
  return selector === null ? undefined : selector.replace(/^metadata\.name=/, '');
};

const metadataOnly = (req: IncomingMessage): boolean => /as=PartialObjectMetadata/.test(req.headers.accept ?? '');

/** What a metadata-only request gets: apiVersion/kind of the meta type and the object's metadata, never its data. */
const partial = (o: Obj): Obj => ({ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: o.metadata });

function managed(object: Obj, url: URL, operation: string): Obj {
  const manager = url.searchParams.get('fieldManager');
  if (manager === null) return object;
  const entries = (object.metadata?.managedFields ?? []).filter((e: Obj) => e.manager !== manager);
  return { ...object, metadata: { ...object.metadata, managedFields: [...entries, { manager, operation }] } };
}

function answer(res: ServerResponse, route: Route, name: string, outcome: Outcome, okCode = 200): void {
  if (outcome.ok) return json(res, okCode, outcome.object);
  const messages = {
    NotFound: `${route.resource} "${name}" not found`,
    AlreadyExists: `${route.resource} "${name}" already exists`,
    Conflict: `Operation cannot be fulfilled on ${route.resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  };
  status(res, outcome.code, outcome.reason, messages[outcome.reason], route.details(name));
}

function status(res: ServerResponse, code: number, reason: string, message: string, details?: Obj): void {
  json(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
