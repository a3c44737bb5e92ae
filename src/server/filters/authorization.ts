// withAuthorization: the authenticated (or impersonated) user's request, as authorizer
// attributes; anything not allowed is a 403 with Kubernetes' message (deny by default).
import type { IncomingMessage } from 'node:http';
import type { Attributes, Authorizer } from '../../auth/authz/attributes.js';
import { newAuthorizationForbidden } from '../../auth/authz/forbidden.js';
import { getRequestInfo, getUser } from '../context.js';
import { writeStatus } from '../respond.js';
import type { Filter } from './types.js';

export function requestAttributes(req: IncomingMessage): Attributes {
  const info = getRequestInfo(req);
  const user = getUser(req);
  if (!user) throw new Error('no user on the request: withAuthentication must run first');
  return {
    user,
    verb: info.verb,
    isResourceRequest: info.isResourceRequest,
    path: info.path,
    namespace: info.namespace,
    apiGroup: info.apiGroup,
    apiVersion: info.apiVersion,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
  };
}

export function withAuthorization(authorizer: Authorizer): Filter {
  return (next) => (req, res) => {
    const attrs = requestAttributes(req);
    const { decision, reason } = authorizer.authorize(attrs);
    if (decision === 'Allow') return next(req, res);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    writeStatus(req, res, newAuthorizationForbidden(attrs, reason).status);
  };
}
