// The errors webhooks end a request with, worded as kube-apiserver words them: a call that failed
// (`failed calling webhook "x": …`, an InternalError under failurePolicy Fail), a denial (the
// webhook's own Status, its message prefixed `admission webhook "x" denied the request`), and the
// dry-run refusal of webhooks with side effects.
import { newBadRequest, StatusError } from '../../api/errors.js';
import type { Status } from '../../api/types.js';

/** ErrCallingWebhook: the webhook could not be asked, or answered nonsense. */
export class WebhookCallError extends Error {
  readonly webhook: string;
  constructor(webhook: string, reason: string) {
    super(`failed calling webhook "${webhook}": ${reason}`);
    this.webhook = webhook;
  }
}

interface WebhookStatus {
  code?: number;
  status?: string;
  message?: string;
  reason?: string;
  details?: Status['details'];
  metadata?: Status['metadata'];
}

/** webhookerrors.ToStatusErr: the Status the webhook sent, made a failure of at least 400. */
export function webhookDenial(webhook: string, result: WebhookStatus | undefined): StatusError {
  const deniedBy = `admission webhook "${webhook}" denied the request`;
  let message = `${deniedBy} without explanation`;
  if (result?.message) message = `${deniedBy}: ${result.message}`;
  else if (result?.reason) message = `${deniedBy}: ${result.reason}`;
  const status = { kind: 'Status', apiVersion: 'v1', metadata: result?.metadata ?? {}, status: 'Failure', message } as Status;
  if (result?.reason) status.reason = result.reason;
  if (result?.details) status.details = result.details;
  status.code = result?.code && result.code >= 400 ? result.code : 400;
  return new StatusError(status);
}

/** NewDryRunUnsupportedErr. */
export function dryRunUnsupported(webhook: string): StatusError {
  return newBadRequest(`admission webhook "${webhook}" does not support dry run`);
}
