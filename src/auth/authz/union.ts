// The authorizers kube-apiserver chains (authorizer/union, authorizerfactory): the union stops at
// the first Allow or Deny; members of system:masters are allowed everything before RBAC is asked;
// AlwaysAllow for `--authorization-mode AlwaysAllow`.
import type { Attributes, AuthorizationResult, Authorizer } from './attributes.js';

export const SYSTEM_MASTERS = 'system:masters';

export class UnionAuthorizer implements Authorizer {
  readonly #members: readonly Authorizer[];

  constructor(members: readonly Authorizer[]) {
    this.#members = members;
  }

  authorize(attrs: Attributes): AuthorizationResult {
    const reasons: string[] = [];
    for (const member of this.#members) {
      const result = member.authorize(attrs);
      if (result.decision !== 'NoOpinion') return result;
      if (result.reason) reasons.push(result.reason);
    }
    return { decision: 'NoOpinion', reason: reasons.join('\n') };
  }
}

export const privilegedGroupsAuthorizer: Authorizer = {
  authorize: (attrs) => ({ decision: attrs.user.groups.includes(SYSTEM_MASTERS) ? 'Allow' : 'NoOpinion', reason: '' }),
};

export const alwaysAllowAuthorizer: Authorizer = {
  authorize: () => ({ decision: 'Allow', reason: '' }),
};
