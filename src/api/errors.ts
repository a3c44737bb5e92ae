// The one place client-visible errors are made: metav1.Status constructors named after
// k8s.io/apimachinery/pkg/api/errors (NewNotFound, NewConflict, …). Handlers turn a StatusError
// into a response; nothing else writes an error body.
import type { Status, StatusCause, StatusDetails } from './types.js';
import { errorBody, fieldErrorString, type FieldError } from './field-errors.js';

export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? status.reason ?? 'error');
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** A group-qualified resource as errors print it: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): StatusError {
  // Key order as Go encodes metav1.Status: clients and golden tests see the same bytes.
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message } as Status;
  if (reason) status.reason = reason;
  if (details) status.details = details;
  status.code = code;
  return new StatusError(status);
}

function resourceDetails(gr: GroupResource, name?: string): StatusDetails {
  const d: StatusDetails = {};
  if (name) d.name = name;
  if (gr.group) d.group = gr.group;
  d.kind = gr.resource;
  return d;
}

export function newNotFound(gr: GroupResource, name: string): StatusError {
  return failure(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, resourceDetails(gr, name));
}

export function newAlreadyExists(gr: GroupResource, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, resourceDetails(gr, name));
}

export function newGenerateNameConflict(gr: GroupResource, name: string, retryAfterSeconds: number): StatusError {
  const details = { ...resourceDetails(gr, name), retryAfterSeconds };
  return failure(
    409,
    'AlreadyExists',
    `${qualifiedResource(gr)} "${name}" already exists, the server was not able to generate a unique name for the object`,
    details,
  );
}

export function newConflict(gr: GroupResource, name: string, cause: string): StatusError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${cause}`, resourceDetails(gr, name));
}

export const OPTIMISTIC_LOCK_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/** A group-qualified kind as Invalid prints it: `Pod`, `Deployment.apps`. */
export interface GroupKind {
  group: string;
  kind: string;
}

export function newInvalid(gk: GroupKind, name: string, errs: FieldError[]): StatusError {
  const qualifiedKind = gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  const unique = [...new Set(errs.map(fieldErrorString))];
  let message = `${qualifiedKind} "${name}" is invalid`;
  if (unique.length === 1) message += `: ${unique[0]}`;
  else if (unique.length > 1) message += `: [${unique.join(', ')}]`;
  const details: StatusDetails = { ...(name ? { name } : {}), ...(gk.group ? { group: gk.group } : {}), kind: gk.kind };
  if (causes.length) details.causes = causes;
  return failure(422, 'Invalid', message, details);
}

export function newBadRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/** NewForbidden: an empty GroupResource (a non-resource path) words it `forbidden: <message>`. */
export function newForbidden(gr: GroupResource, name: string, message: string, causes?: StatusCause[]): StatusError {
  const details = gr.resource ? resourceDetails(gr, name) : {};
  if (causes?.length) details.causes = causes;
  if (!gr.resource) return failure(403, 'Forbidden', `forbidden: ${message}`, details);
  const subject = name ? `${qualifiedResource(gr)} "${name}"` : qualifiedResource(gr);
  return failure(403, 'Forbidden', `${subject} is forbidden: ${message}`, details);
}

export function newUnauthorized(message = 'Unauthorized'): StatusError {
  return failure(401, 'Unauthorized', message);
}

export function newMethodNotSupported(gr: GroupResource, verb: string): StatusError {
  return failure(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualifiedResource(gr)}"`, resourceDetails(gr));
}

export function newGone(message: string): StatusError {
  return failure(410, 'Gone', message);
}

export function newResourceExpired(message: string): StatusError {
  return failure(410, 'Expired', message);
}

export function newUnsupportedMediaType(accepted: readonly string[]): StatusError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

export function newNotAcceptable(accepted: readonly string[]): StatusError {
  return newNotAcceptableError(`only the following media types are accepted: ${accepted.join(', ')}`);
}

export function newNotAcceptableError(message: string): StatusError {
  return failure(406, 'NotAcceptable', message);
}

export function newRequestEntityTooLarge(message: string): StatusError {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}

export function newTimeout(message: string, retryAfterSeconds = 0): StatusError {
  return failure(504, 'Timeout', message, retryAfterSeconds ? { retryAfterSeconds } : undefined);
}

export function newServiceUnavailable(message: string): StatusError {
  return failure(503, 'ServiceUnavailable', message, { retryAfterSeconds: 5 });
}

export function newInternalError(err: unknown): StatusError {
  const text = err instanceof Error ? err.message : String(err);
  return failure(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [{ message: text }] });
}

/** An error with no reason, as apiserver wraps plain Go errors: kubectl prints `Error from server: <msg>`. */
export function newReasonless(code: number, message: string): StatusError {
  return failure(code, '', message);
}

export function newSuccess(details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) status.details = details;
  return status;
}

/**
 * Any thrown value as a StatusError: a StatusError passes through, a stack overflow is the
 * request's nesting (Go's decoder takes 10,000 levels; kubefake's walks recurse, so a body nested
 * a few thousand levels deep ends here) and a 400, anything else is an InternalError.
 */
export function toStatusError(err: unknown): StatusError {
  if (err instanceof StatusError) return err;
  if (err instanceof RangeError && err.message.includes('call stack')) return newBadRequest('the object is nested too deeply to be handled');
  return newInternalError(err);
}

/** errors.NewGenericServerResponse for 422: what a patch that cannot be applied gets. */
export function newUnprocessablePatch(): StatusError {
  return failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
}
