// Stable error codes of the webhook and THE one place that maps outcomes to HTTP statuses.
//
// | situation                                            | HTTP | body                                               |
// | ---------------------------------------------------- | ---- | -------------------------------------------------- |
// | valid object / not judged (DELETE, other kind, ...)  | 200  | AdmissionReview, allowed: true (+ warnings)        |
// | invalid VirtualMCPServer (findings)                  | 200  | AdmissionReview, allowed: false, status code 422   |
// | bug or timeout while judging a well-formed review    | 200  | AdmissionReview, allowed: false, status code 500   |
// | body is not JSON                                     | 400  | {code: VMCP_ERR_BODY_NOT_JSON, message}            |
// | JSON but not an AdmissionReview (e.g. no uid)        | 400  | {code: VMCP_ERR_REVIEW_MALFORMED, message}         |
// | body over the limit (7 MiB)                          | 413  | {code: VMCP_ERR_BODY_TOO_LARGE, message}           |
// | content type other than application/json            | 415  | {code: VMCP_ERR_UNSUPPORTED_MEDIA_TYPE, message}   |
// | unknown path or method                               | 404  | {code: VMCP_ERR_NOT_FOUND, message}                |
// | any other failure outside a review                   | 500  | {code: VMCP_ERR_INTERNAL, message} (logged)        |
//
// The API server treats a non-200 answer as a failed call (failurePolicy applies), so a review it sent
// is always answered with 200 once it parses; the 4xx codes are for callers that are not the API server.
import createError from '@fastify/error';

export const BodyNotJsonError = createError('VMCP_ERR_BODY_NOT_JSON', 'request body is not valid JSON: %s', 400);
export const ReviewMalformedError = createError('VMCP_ERR_REVIEW_MALFORMED', 'request body is not a usable AdmissionReview: %s', 400);
export const BodyTooLargeError = createError('VMCP_ERR_BODY_TOO_LARGE', 'request body is larger than %s bytes', 413);
export const UnsupportedMediaTypeError = createError(
  'VMCP_ERR_UNSUPPORTED_MEDIA_TYPE',
  'content type %s is not supported; send an AdmissionReview as application/json',
  415,
);
export const NotFoundError = createError('VMCP_ERR_NOT_FOUND', 'no route for %s %s', 404);
export const InternalError = createError('VMCP_ERR_INTERNAL', 'internal error: %s', 500);

export interface HttpErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
}

interface ErrorLike {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
}

const body = (e: { statusCode: number; code: string; message: string }): HttpErrorBody => ({
  statusCode: e.statusCode,
  code: e.code,
  message: e.message,
});

export interface ErrorContext {
  readonly bodyLimit: number;
  readonly contentType?: string | undefined;
}

/** fastify's own content-type-parser codes, translated into ours. */
function fromFastify(code: string, ctx: ErrorContext): HttpErrorBody | undefined {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return body(new BodyTooLargeError(ctx.bodyLimit));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return body(new UnsupportedMediaTypeError(JSON.stringify(ctx.contentType ?? '(none)')));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return body(new BodyNotJsonError('empty or truncated body'));
    default:
      return undefined;
  }
}

function ours(e: ErrorLike): HttpErrorBody | undefined {
  const { code, statusCode, message } = e;
  if (typeof code !== 'string' || !code.startsWith('VMCP_ERR_')) return undefined;
  return typeof statusCode === 'number' && typeof message === 'string' ? { statusCode, code, message } : undefined;
}

function otherClientError(e: ErrorLike, code: string): HttpErrorBody | undefined {
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status < 400 || status >= 500) return undefined;
  return { statusCode: status, code: code === '' ? 'VMCP_ERR_BAD_REQUEST' : code, message: String(e.message) };
}

/** Any thrown value -> the status and JSON body we answer with. */
export function toHttpError(err: unknown, ctx: ErrorContext): HttpErrorBody {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  return (
    ours(e) ??
    fromFastify(code, ctx) ??
    otherClientError(e, code) ??
    body(new InternalError('the webhook failed to process the request; see its logs'))
  );
}
