// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac/rbac.go): visits the rules of every
// ClusterRoleBinding, and in a namespace every RoleBinding there, that names the user or one of
// their groups, and allows on the first rule that matches. It never denies: no match is
// NoOpinion, with `RBAC: <errors>` as the reason when some role could not be read.
import type { KubeObject } from '../../api/types.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { UserInfo } from '../../server/context.js';
import type { Attributes, AuthorizationResult, Authorizer } from '../authz/attributes.js';
import type { BindingIndex, BindingMatch } from './binding-index.js';
import { ruleAllows } from './rule-matching.js';
import type { PolicyRule, RoleRef, Subject } from './types.js';

/** Called for every rule (or lookup error) in turn; returning false stops the walk. */
export type RuleVisitor = (source: () => string, rule: PolicyRule | undefined, err: string | undefined) => boolean;

export interface ResolvedRules {
  rules: PolicyRule[];
  errors: string[];
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

function describeMatch(m: BindingMatch): string {
  const ns = m.binding.metadata.namespace ?? '';
  const kind = ns ? 'RoleBinding' : 'ClusterRoleBinding';
  const name = ns ? `${m.binding.metadata.name}/${ns}` : (m.binding.metadata.name ?? '');
  return `${kind} ${JSON.stringify(name)} of ${m.roleRef.kind} ${JSON.stringify(m.roleRef.name)} to ${describeSubject(m.subject, ns)}`;
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several deduplicated in brackets. */
export function aggregateErrors(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

export class RBACAuthorizer implements Authorizer {
  readonly #storage: ObjectStorage;
  readonly #index: BindingIndex;

  constructor(storage: ObjectStorage, index: BindingIndex) {
    this.#storage = storage;
    this.#index = index;
  }

  authorize(attrs: Attributes): AuthorizationResult {
    let reason = '';
    const errors: string[] = [];
    let allowed = false;
    this.visitRulesFor(attrs.user, attrs.namespace, (source, rule, err) => {
      if (rule && ruleAllows(attrs, rule)) {
        allowed = true;
        reason = `RBAC: allowed by ${source()}`;
        return false;
      }
      if (err) errors.push(err);
      return true;
    });
    if (allowed) return { decision: 'Allow', reason };
    return { decision: 'NoOpinion', reason: errors.length ? `RBAC: ${aggregateErrors(errors)}` : '' };
  }

  /** Every rule that applies to the user in the namespace ('' = cluster-wide rules only). */
  rulesFor(user: UserInfo, namespace: string): ResolvedRules {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    this.visitRulesFor(user, namespace, (_source, rule, err) => {
      if (rule) rules.push(rule);
      if (err) errors.push(err);
      return true;
    });
    return { rules, errors };
  }

  /** The rules a role reference grants, in a binding's namespace ('' for a cluster binding). */
  roleRefRules(roleRef: RoleRef, namespace: string): PolicyRule[] {
    const role = this.#role(roleRef, namespace);
    if (typeof role === 'string') throw new Error(role);
    return (role.rules as PolicyRule[] | undefined) ?? [];
  }

  visitRulesFor(user: UserInfo, namespace: string, visit: RuleVisitor): void {
    const scopes = namespace ? ['', namespace] : [''];
    for (const scope of scopes) {
      for (const m of this.#index.matches(user, scope)) {
        const role = this.#role(m.roleRef, scope);
        if (typeof role === 'string') {
          if (!visit(() => describeMatch(m), undefined, role)) return;
          continue;
        }
        for (const rule of (role.rules as PolicyRule[] | undefined) ?? []) {
          if (!visit(() => describeMatch(m), rule, undefined)) return;
        }
      }
    }
  }

  /** The referenced role, or the lister's NotFound text. */
  #role(ref: RoleRef, namespace: string): KubeObject | string {
    if (ref.kind === 'ClusterRole') {
      return this.#storage.get(`/registry/clusterroles/${ref.name}`) ?? `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    if (ref.kind === 'Role' && namespace) {
      return this.#storage.get(`/registry/roles/${namespace}/${ref.name}`) ?? `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    return `unsupported role reference kind: ${JSON.stringify(ref.kind)}`;
  }
}
