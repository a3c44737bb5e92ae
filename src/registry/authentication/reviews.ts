// authentication.k8s.io/v1 TokenReview (is this token good, and whose is it) and
// SelfSubjectReview (`kubectl auth whoami`): create-only, nothing is stored.
import type { UserInfo } from '../../server/context.js';
import { newBadRequest } from '../../api/errors.js';
import { isPlainObject } from '../../api/types.js';
import { reviewResponse, type ReviewHandler } from './review-context.js';

function userInfoOf(user: UserInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { username: user.username };
  if (user.uid) out.uid = user.uid;
  out.groups = user.groups;
  if (user.extra && Object.keys(user.extra).length) out.extra = user.extra;
  return out;
}

export const selfSubjectReview: ReviewHandler = (body, ctx) => reviewResponse(body, { status: { userInfo: userInfoOf(ctx.user) } });

export const tokenReview: ReviewHandler = async (body, ctx) => {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const token = typeof spec.token === 'string' ? spec.token : '';
  if (!token) throw newBadRequest('token is required for TokenReview in authentication');
  const audiences = Array.isArray(spec.audiences) ? (spec.audiences as string[]) : [];
  const result = await ctx.auth.authenticateToken(token, audiences);
  if (!result || 'error' in result) return reviewResponse(body, { status: { user: {}, error: result?.error ?? 'invalid bearer token' } });
  return reviewResponse(body, {
    status: { authenticated: true, user: userInfoOf(result.user), audiences: audiences.length ? audiences : ctx.auth.apiAudiences },
  });
};
