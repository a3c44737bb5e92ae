// One call of one webhook: the dry-run rule for side effects, the review sent over HTTPS, and the
// answer checked. Every failure to get a usable answer is a WebhookCallError, which the
// dispatchers turn into an error or skip according to failurePolicy.
import { StatusError } from '../../api/errors.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { AdmissionAttributes } from '../interfaces.js';
import { postJSON } from './client.js';
import { resolveTarget, type WebhookTarget } from './client-config.js';
import { dryRunUnsupported, WebhookCallError } from './errors.js';
import type { PreparedWebhook } from './hook.js';
import { createReview, verifyResponse, type Invocation, type ReviewResult } from './review.js';

const DEFAULT_TIMEOUT_SECONDS = 10;

function nonOKReason(statusCode: number, body: string): string {
  try {
    const status = JSON.parse(body) as { kind?: string; message?: string };
    if (status.kind === 'Status' && status.message) return status.message;
  } catch {
    // not JSON: fall through to the generic text
  }
  const text = body.trim();
  return text
    ? `an error on the server ("${text.slice(0, 1024)}") has prevented the request from succeeding`
    : `the server responded with the status code ${statusCode} but did not return more information`;
}

/** Calls the webhook; returns its verified answer or throws WebhookCallError / a StatusError. */
export async function callWebhook(hook: PreparedWebhook, attrs: AdmissionAttributes, invocation: Invocation, storage: ObjectStorage, mutating: boolean): Promise<ReviewResult> {
  const spec = hook.spec;
  if (attrs.dryRun) {
    if (spec.sideEffects === undefined) throw new WebhookCallError(hook.name, 'Webhook SideEffects is nil');
    if (spec.sideEffects !== 'None' && spec.sideEffects !== 'NoneOnDryRun') throw dryRunUnsupported(hook.name);
  }
  const review = createReview(attrs, invocation, spec.admissionReviewVersions ?? ['v1']);
  let target: WebhookTarget;
  try {
    target = resolveTarget(spec.clientConfig, storage);
  } catch (err) {
    throw new WebhookCallError(hook.name, `could not get REST client: ${(err as Error).message}`);
  }
  let response;
  try {
    response = await postJSON(target, spec.clientConfig?.caBundle, review, spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  } catch (err) {
    throw new WebhookCallError(hook.name, `failed to call webhook: ${(err as Error).message}`);
  }
  if (response.statusCode < 200 || response.statusCode > 299) {
    throw new WebhookCallError(hook.name, `failed to call webhook: ${nonOKReason(response.statusCode, response.body)}`);
  }
  try {
    return verifyResponse(response.body, review, mutating);
  } catch (err) {
    if (err instanceof StatusError) throw err;
    throw new WebhookCallError(hook.name, `received invalid webhook response: ${(err as Error).message}`);
  }
}
