// What an authorizer decides on (k8s.io/apiserver/pkg/authorization/authorizer): who asks, and
// for which verb on which resource or non-resource path. Deny by default.
import type { UserInfo } from '../../server/context.js';

export interface Attributes {
  user: UserInfo;
  verb: string;
  isResourceRequest: boolean;
  /** The URL path, for non-resource requests. */
  path: string;
  namespace: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  name: string;
}

export type Decision = 'Allow' | 'Deny' | 'NoOpinion';

export interface AuthorizationResult {
  decision: Decision;
  /** Why: RBAC names the binding that allowed, or the lookups that failed. */
  reason: string;
}

export interface Authorizer {
  authorize(attrs: Attributes): AuthorizationResult;
}

/** Fills the attributes a caller leaves out with the empty values Kubernetes uses. */
export function attributes(user: UserInfo, a: Partial<Omit<Attributes, 'user'>>): Attributes {
  return {
    user,
    verb: a.verb ?? '',
    isResourceRequest: a.isResourceRequest ?? true,
    path: a.path ?? '',
    namespace: a.namespace ?? '',
    apiGroup: a.apiGroup ?? '',
    apiVersion: a.apiVersion ?? '',
    resource: a.resource ?? '',
    subresource: a.subresource ?? '',
    name: a.name ?? '',
  };
}
