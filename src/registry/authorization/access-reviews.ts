// SubjectAccessReview and its self and local forms (pkg/registry/authorization/*): the
// authorizer's decision on one resource or non-resource request, for the spec's user or the
// requester.
import type { KubeObject } from '../../api/types.js';
import { isPlainObject } from '../../api/types.js';
import { newBadRequest, newInvalid } from '../../api/errors.js';
import { required, invalid } from '../../api/field-errors.js';
import { attributes } from '../../auth/authz/attributes.js';
import type { UserInfo } from '../../server/context.js';
import { reviewResponse, type ReviewContext, type ReviewHandler } from '../authentication/review-context.js';

type Spec = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function specOf(body: KubeObject, kind: string): Spec {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const hasResource = isPlainObject(spec.resourceAttributes);
  const hasNonResource = isPlainObject(spec.nonResourceAttributes);
  const gk = { group: 'authorization.k8s.io', kind };
  if (hasResource && hasNonResource) throw newInvalid(gk, '', [invalid('spec.nonResourceAttributes', spec.nonResourceAttributes, 'cannot be specified in combination with resourceAttributes')]);
  if (!hasResource && !hasNonResource) throw newInvalid(gk, '', [required('spec.resourceAttributes', 'exactly one of nonResourceAttributes or resourceAttributes must be specified')]);
  return spec;
}

function decide(body: KubeObject, spec: Spec, user: UserInfo, ctx: ReviewContext): KubeObject {
  const ra = spec.resourceAttributes as Record<string, unknown> | undefined;
  const nra = spec.nonResourceAttributes as Record<string, unknown> | undefined;
  const attrs = ra
    ? attributes(user, {
        verb: str(ra.verb),
        namespace: str(ra.namespace),
        apiGroup: str(ra.group),
        apiVersion: str(ra.version),
        resource: str(ra.resource),
        subresource: str(ra.subresource),
        name: str(ra.name),
      })
    : attributes(user, { isResourceRequest: false, verb: str(nra?.verb), path: str(nra?.path) });
  const { decision, reason } = ctx.auth.authorizer.authorize(attrs);
  const status: Record<string, unknown> = { allowed: decision === 'Allow' };
  if (decision === 'Deny') status.denied = true;
  if (reason) status.reason = reason;
  return reviewResponse(body, { status });
}

function extraOf(v: unknown): Record<string, string[]> | undefined {
  return isPlainObject(v) ? (v as Record<string, string[]>) : undefined;
}

export const subjectAccessReview: ReviewHandler = (body, ctx) => {
  const spec = specOf(body, 'SubjectAccessReview');
  const groups = Array.isArray(spec.groups) ? (spec.groups as string[]) : [];
  if (!str(spec.user) && !groups.length) {
    throw newInvalid({ group: 'authorization.k8s.io', kind: 'SubjectAccessReview' }, '', [invalid('spec.user', str(spec.user), 'at least one of user or group must be specified')]);
  }
  return decide(body, spec, { username: str(spec.user), uid: str(spec.uid) || undefined, groups, extra: extraOf(spec.extra) }, ctx);
};

export const selfSubjectAccessReview: ReviewHandler = (body, ctx) => decide(body, specOf(body, 'SelfSubjectAccessReview'), ctx.user, ctx);

export const localSubjectAccessReview: ReviewHandler = (body, ctx) => {
  const spec = specOf(body, 'LocalSubjectAccessReview');
  const ra = spec.resourceAttributes as Record<string, unknown> | undefined;
  if (ra && str(ra.namespace) !== ctx.namespace) throw newBadRequest(`spec.resourceAttributes.namespace must match namespace: ${ctx.namespace}`);
  return subjectAccessReview({ ...body, metadata: { ...body.metadata, namespace: ctx.namespace } }, ctx);
};
