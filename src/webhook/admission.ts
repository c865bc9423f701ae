// Anti-corruption layer for the API server's AdmissionReview wire shapes (admission.k8s.io v1 and
// v1beta1). PURE: parseReview turns an untrusted JSON value into a Review or a ReviewError naming
// the offending field; toResponse (admission-response.ts) builds the answer. Nothing else in the
// product sees the wire format.
export { toResponse, type Verdict, type AdmissionResponseReview } from './admission-response.js';

import { admissionApiVersions, type AdmissionApiVersion, type GroupVersionKind } from './admission-types.js';
import { isRecord } from '../core/json.js';

export { admissionApiVersions, type AdmissionApiVersion, type GroupVersionKind } from './admission-types.js';

const operations = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'] as const;
export type Operation = (typeof operations)[number];


export interface Review {
  readonly apiVersion: AdmissionApiVersion;
  readonly uid: string;
  /** request.kind: the kind the webhook is asked about (after any matchPolicy conversion). */
  readonly kind: GroupVersionKind;
  /** request.resource.resource, e.g. `virtualmcpservers`. */
  readonly resource: string;
  /** '' when the request is for the main resource. */
  readonly subResource: string;
  /** request.name, else metadata.name / generateName of the object ('' when none). */
  readonly name: string;
  readonly namespace: string;
  readonly operation: Operation;
  readonly dryRun: boolean;
  /** null for DELETE; the API server sends the stored object as oldObject then. */
  readonly object: unknown;
  readonly oldObject: unknown;
}

/** A body that is not a usable AdmissionReview: answered with HTTP 400, not with a review response. */
export interface ReviewError {
  readonly reviewError: string;
}

export function isReviewError(value: Review | ReviewError): value is ReviewError {
  return 'reviewError' in value;
}

type Json = Record<string, unknown>;


const fail = (reviewError: string): ReviewError => ({ reviewError });

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function parseKind(v: unknown): GroupVersionKind | undefined {
  if (!isRecord(v) || typeof v.kind !== 'string' || typeof v.version !== 'string') return undefined;
  return { group: str(v.group), version: v.version, kind: v.kind };
}

function metadataName(object: unknown): string {
  if (!isRecord(object) || !isRecord(object.metadata)) return '';
  return str(object.metadata.name) || str(object.metadata.generateName);
}

function isObjectOrNull(v: unknown): boolean {
  return v === undefined || v === null || isRecord(v);
}

/** The first reason the request part is unusable, or undefined. */
function requestProblem(req: Json): string | undefined {
  if (typeof req.uid !== 'string' || req.uid === '') return 'request.uid: must be a non-empty string';
  if (typeof req.operation !== 'string' || !(operations as readonly string[]).includes(req.operation)) {
    return `request.operation: must be one of ${operations.join(', ')}`;
  }
  if (parseKind(req.kind) === undefined) return 'request.kind: must be an object with string kind and version';
  if (!isObjectOrNull(req.object)) return 'request.object: must be an object or null';
  if (!isObjectOrNull(req.oldObject)) return 'request.oldObject: must be an object or null';
  return undefined;
}

/** The request part, once the envelope is known to be an AdmissionReview. */
function parseRequest(apiVersion: AdmissionApiVersion, req: Json): Review | ReviewError {
  const problem = requestProblem(req);
  if (problem !== undefined) return fail(problem);
  const object = req.object ?? null;
  const oldObject = req.oldObject ?? null;
  return {
    apiVersion,
    uid: req.uid as string,
    kind: parseKind(req.kind) as GroupVersionKind,
    resource: isRecord(req.resource) ? str(req.resource.resource) : '',
    subResource: str(req.subResource),
    name: str(req.name) || metadataName(object) || metadataName(oldObject),
    namespace: str(req.namespace),
    operation: req.operation as Operation,
    dryRun: req.dryRun === true,
    object,
    oldObject,
  };
}

/** Untrusted JSON -> Review, or a ReviewError naming the first field that makes it unusable. */
export function parseReview(body: unknown): Review | ReviewError {
  if (!isRecord(body)) return fail('body: must be a JSON object (an AdmissionReview)');
  const apiVersion = body.apiVersion;
  if (typeof apiVersion !== 'string' || !(admissionApiVersions as readonly string[]).includes(apiVersion)) {
    return fail(`apiVersion: must be one of ${admissionApiVersions.join(', ')}`);
  }
  if (body.kind !== 'AdmissionReview') return fail('kind: must be AdmissionReview');
  if (!isRecord(body.request)) return fail('request: must be an object');
  return parseRequest(apiVersion as AdmissionApiVersion, body.request);
}
