// withAuthentication: who is asking (client certificate, bearer token, or anonymous), set on
// the request for every later filter; credentials that do not check out are a 401 Unauthorized.
import { newUnauthorized } from '../../api/errors.js';
import type { RequestAuthenticator } from '../../auth/authn/request-authenticator.js';
import { setUser } from '../context.js';
import { writeStatus } from '../respond.js';
import type { Filter } from './types.js';

export function withAuthentication(authenticator: RequestAuthenticator): Filter {
  return (next) => async (req, res) => {
    const user = await authenticator.authenticate(req);
    if (!user) return writeStatus(req, res, newUnauthorized().status);
    // kube-apiserver drops the credential once it has been used (it must not reach a proxy).
    delete req.headers.authorization;
    setUser(req, user);
    return next(req, res);
  };
}
