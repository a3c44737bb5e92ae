// The AdmissionReview a webhook receives (admission/plugin/webhook/request) and the checks on
// what it answers (VerifyAdmissionResponse): the same uid back, a JSONPatch only from mutating
// webhooks, warnings kept as they are.
import { randomUUID } from 'node:crypto';
import type { KubeObject, Status } from '../../api/types.js';
import type { AdmissionAttributes, GroupVersionResource } from '../interfaces.js';

export interface Invocation {
  resource: GroupVersionResource;
  kind: { group: string; version: string; kind: string };
  /** The object and old object in the invocation's version. */
  object?: KubeObject;
  oldObject?: KubeObject;
}

export interface AdmissionReview {
  apiVersion: string;
  kind: 'AdmissionReview';
  request: Record<string, unknown> & { uid: string };
}

/** The review to send, in the first version the webhook accepts (v1, else v1beta1). */
export function createReview(attrs: AdmissionAttributes, invocation: Invocation, versions: readonly string[]): AdmissionReview {
  const request: AdmissionReview['request'] = {
    uid: randomUUID(),
    kind: invocation.kind,
    resource: invocation.resource,
    requestKind: attrs.kind,
    requestResource: attrs.resource,
    name: attrs.name,
    operation: attrs.operation,
    userInfo: attrs.userInfo,
    object: invocation.object ?? null,
    oldObject: invocation.oldObject ?? null,
    dryRun: attrs.dryRun,
    options: attrs.operation === 'CONNECT' ? null : attrs.options,
  };
  if (attrs.subresource) {
    request.subResource = attrs.subresource;
    request.requestSubResource = attrs.subresource;
  }
  if (attrs.namespace) request.namespace = attrs.namespace;
  const version = versions.includes('v1') ? 'v1' : 'v1beta1';
  return { apiVersion: `admission.k8s.io/${version}`, kind: 'AdmissionReview', request };
}

export interface ReviewResult {
  allowed: boolean;
  status?: Partial<Status>;
  /** Decoded JSONPatch operations, when the webhook sent a patch. */
  patch?: unknown;
  warnings: string[];
}

/** Checks the webhook's answer; throws an Error (`received invalid webhook response: …` follows). */
export function verifyResponse(body: string, review: AdmissionReview, mutating: boolean): ReviewResult {
  let parsed: { apiVersion?: string; kind?: string; response?: Record<string, unknown> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch (err) {
    throw new Error(`could not decode the webhook response: ${(err as Error).message}`);
  }
  if (parsed.kind !== 'AdmissionReview' || parsed.apiVersion !== review.apiVersion) {
    throw new Error(`expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got ${parsed.apiVersion ?? ''}, Kind=${parsed.kind ?? ''}`);
  }
  const response = parsed.response;
  if (!response) throw new Error('webhook response was absent');
  if (response.uid !== review.request.uid) throw new Error(`expected response.uid="${review.request.uid}", got "${String(response.uid ?? '')}"`);
  const result: ReviewResult = { allowed: response.allowed === true, warnings: Array.isArray(response.warnings) ? response.warnings.map(String) : [] };
  if (response.status && typeof response.status === 'object') result.status = response.status as Partial<Status>;
  if (typeof response.patch === 'string' && response.patch) {
    if (!mutating) throw new Error('validating webhooks may not return patches');
    if (response.patchType !== 'JSONPatch') throw new Error(`expected patchType "JSONPatch", got "${String(response.patchType ?? '')}"`);
    result.patch = JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8'));
  } else if (response.patchType !== undefined && response.patchType !== null && !mutating) {
    throw new Error('validating webhooks may not return patchType');
  }
  return result;
}
