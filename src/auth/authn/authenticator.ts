// What every authenticator answers (k8s.io/apiserver/pkg/authentication/authenticator): a user,
// an error (credentials of its kind that are bad: 401), or nothing (not its kind of credential).
import type { UserInfo } from '../../server/context.js';

export type AuthnResult = { user: UserInfo } | { error: string } | undefined;

/** A bearer-token authenticator. `audiences` are the ones a TokenReview asks for, else the API's. */
export interface TokenAuthenticator {
  authenticateToken(token: string, audiences?: readonly string[]): AuthnResult | Promise<AuthnResult>;
}

export const ANONYMOUS_USER = 'system:anonymous';
export const AUTHENTICATED_GROUP = 'system:authenticated';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';

/** group.AuthenticatedGroupAdder: every authenticated user is also in system:authenticated. */
export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.username === ANONYMOUS_USER) return user;
  if (user.groups.includes(AUTHENTICATED_GROUP) || user.groups.includes(UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

export function anonymousUser(): UserInfo {
  return { username: ANONYMOUS_USER, groups: [UNAUTHENTICATED_GROUP] };
}
