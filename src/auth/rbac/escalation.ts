// Escalation prevention (pkg/registry/rbac/*/policybased): a Role or ClusterRole may only grant
// what its writer holds, unless they may `escalate`; a binding needs `bind` on its role or the
// role's permissions. Members of system:masters skip every check. Failures are 403 Forbidden.
import type { KubeObject } from '../../api/types.js';
import { newForbidden } from '../../api/errors.js';
import type { UserInfo } from '../../server/context.js';
import { attributes, type Authorizer } from '../authz/attributes.js';
import { SYSTEM_MASTERS } from '../authz/union.js';
import { compactRules, compactString, goQuotedList, missingRules } from './covers.js';
import { aggregateErrors, type ResolvedRules } from './rbac-authorizer.js';
import type { PolicyRule, RoleRef } from './types.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const FULL_AUTHORITY: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

export interface EscalationDeps {
  authorizer: Authorizer;
  rulesFor(user: UserInfo, namespace: string): ResolvedRules;
  roleRefRules(ref: RoleRef, namespace: string): PolicyRule[];
}

export class EscalationChecker {
  readonly #d: EscalationDeps;

  constructor(deps: EscalationDeps) {
    this.#d = deps;
  }

  /** ConfirmNoEscalation: the text of what `rules` grant beyond the user's own rules, if anything. */
  noEscalationProblem(user: UserInfo, namespace: string, rules: readonly PolicyRule[]): string | undefined {
    const owned = this.#d.rulesFor(user, namespace);
    const missing = missingRules(owned.rules, rules);
    if (!missing.length) return undefined;
    const described = [...new Set(compactRules(missing).map(compactString))].sort();
    let msg = `user ${JSON.stringify(user.username)} (groups=${goQuotedList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${described.join('\n')}`;
    if (owned.errors.length) msg += `; resolution errors: ${aggregateErrors(owned.errors)}`;
    return msg;
  }

  /** Create or update of a Role (namespace set) or ClusterRole; `old` on update. */
  checkRole(user: UserInfo, resource: 'roles' | 'clusterroles', namespace: string, role: KubeObject, old?: KubeObject): void {
    if (user.groups.includes(SYSTEM_MASTERS)) return;
    const rules = (role.rules as PolicyRule[] | undefined) ?? [];
    const aggregation = role.aggregationRule;
    if (old && JSON.stringify(old.rules ?? []) === JSON.stringify(role.rules ?? []) && JSON.stringify(old.aggregationRule) === JSON.stringify(aggregation)) return;
    const name = role.metadata.name ?? '';
    if (this.#allowed(user, 'escalate', resource, namespace, name)) return;
    const gr = { group: RBAC_GROUP, resource };
    if (aggregation && this.noEscalationProblem(user, namespace, FULL_AUTHORITY)) {
      throw newForbidden(gr, name, 'must have cluster-admin privileges to use the aggregationRule');
    }
    const problem = this.noEscalationProblem(user, namespace, rules);
    if (problem) throw newForbidden(gr, name, problem);
  }

  /** Create or update of a RoleBinding (namespace set) or ClusterRoleBinding. */
  checkBinding(user: UserInfo, resource: 'rolebindings' | 'clusterrolebindings', namespace: string, binding: KubeObject): void {
    if (user.groups.includes(SYSTEM_MASTERS)) return;
    const ref = binding.roleRef as RoleRef;
    const refResource = ref?.kind === 'Role' ? 'roles' : 'clusterroles';
    if (this.#allowed(user, 'bind', refResource, namespace, ref?.name ?? '')) return;
    const gr = { group: RBAC_GROUP, resource };
    const name = binding.metadata.name ?? '';
    let rules: PolicyRule[];
    try {
      rules = this.#d.roleRefRules(ref, namespace);
    } catch (err) {
      throw newForbidden(gr, name, (err as Error).message);
    }
    const problem = this.noEscalationProblem(user, namespace, rules);
    if (problem) throw newForbidden(gr, name, problem);
  }

  #allowed(user: UserInfo, verb: string, resource: string, namespace: string, name: string): boolean {
    const attrs = attributes(user, { verb, apiGroup: RBAC_GROUP, resource, namespace, name });
    return this.#d.authorizer.authorize(attrs).decision === 'Allow';
  }
}
