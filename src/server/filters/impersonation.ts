// withImpersonation (endpoints/filters/impersonation.go): Impersonate-User, -Uid, -Group and
// -Extra-<key> headers make the request act as someone else, each one allowed only where the
// real user may `impersonate` users/serviceaccounts, uids, groups and userextras/<key>.
import type { IncomingMessage } from 'node:http';
import { newBadRequest } from '../../api/errors.js';
import { ANONYMOUS_USER, AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP } from '../../auth/authn/authenticator.js';
import { attributes, type Attributes, type Authorizer } from '../../auth/authz/attributes.js';
import { newAuthorizationForbidden } from '../../auth/authz/forbidden.js';
import { parseServiceAccountUsername, serviceAccountGroups } from '../../auth/tokens/service-account-claims.js';
import { getUser, setUser, type UserInfo } from '../context.js';
import { writeStatus } from '../respond.js';
import type { Filter } from './types.js';

const EXTRA_PREFIX = 'impersonate-extra-';

interface Requested {
  user?: string;
  uid?: string;
  groups: string[];
  extra: Record<string, string[]>;
}

function headerValues(req: IncomingMessage, name: string): string[] {
  const out: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) out.push(raw[i + 1]);
  return out;
}

function requested(req: IncomingMessage): Requested | undefined {
  const user = headerValues(req, 'impersonate-user')[0];
  const uid = headerValues(req, 'impersonate-uid')[0];
  const groups = headerValues(req, 'impersonate-group');
  const extra: Record<string, string[]> = {};
  for (const header of Object.keys(req.headers)) {
    if (!header.startsWith(EXTRA_PREFIX)) continue;
    const key = decodeURIComponent(header.slice(EXTRA_PREFIX.length)).toLowerCase();
    extra[key] = headerValues(req, header);
  }
  if (user === undefined && uid === undefined && !groups.length && !Object.keys(extra).length) return undefined;
  return { user, uid, groups, extra };
}

/** The authorization checks impersonating `r` takes, one per impersonated attribute. */
function checks(actor: UserInfo, r: Requested & { user: string }): Attributes[] {
  const sa = parseServiceAccountUsername(r.user);
  const impersonate = (a: Partial<Attributes>): Attributes => attributes(actor, { verb: 'impersonate', ...a });
  const out = [sa ? impersonate({ namespace: sa.namespace, resource: 'serviceaccounts', name: sa.name }) : impersonate({ resource: 'users', name: r.user })];
  for (const g of r.groups) out.push(impersonate({ resource: 'groups', name: g }));
  if (r.uid !== undefined) out.push(impersonate({ apiGroup: 'authentication.k8s.io', resource: 'uids', name: r.uid }));
  for (const [key, values] of Object.entries(r.extra)) {
    for (const v of values) out.push(impersonate({ apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: v }));
  }
  return out;
}

function impersonatedUser(r: Requested & { user: string }): UserInfo {
  const sa = parseServiceAccountUsername(r.user);
  const groups = [...r.groups];
  if (sa && !groups.length) groups.push(...serviceAccountGroups(sa.namespace));
  if (r.user === ANONYMOUS_USER) {
    if (!groups.includes(UNAUTHENTICATED_GROUP)) groups.push(UNAUTHENTICATED_GROUP);
  } else if (!groups.includes(AUTHENTICATED_GROUP)) groups.push(AUTHENTICATED_GROUP);
  const user: UserInfo = { username: r.user, groups };
  if (r.uid !== undefined) user.uid = r.uid;
  if (Object.keys(r.extra).length) user.extra = r.extra;
  return user;
}

export function withImpersonation(authorizer: Authorizer): Filter {
  return (next) => (req, res) => {
    const r = requested(req);
    if (!r) return next(req, res);
    const actor = getUser(req);
    if (!actor) throw new Error('no user on the request: withAuthentication must run first');
    if (r.user === undefined) {
      throw newBadRequest(`requested ${JSON.stringify({ groups: r.groups, uid: r.uid, extra: r.extra })} without impersonating a user`);
    }
    const withUser = { ...r, user: r.user };
    for (const attrs of checks(actor, withUser)) {
      const { decision, reason } = authorizer.authorize(attrs);
      if (decision !== 'Allow') return writeStatus(req, res, newAuthorizationForbidden(attrs, reason).status);
    }
    setUser(req, impersonatedUser(withUser));
    return next(req, res);
  };
}
