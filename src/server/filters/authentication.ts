// withAuthentication: x509 client certificates signed by the cluster CA (user = CN, groups = O).
// Until the authentication issue adds tokens and anonymous access, a request without a valid
// client certificate is 401, except the health and version paths every client may read.
import type { TLSSocket } from 'node:tls';
import { newUnauthorized } from '../../api/errors.js';
import { setUser, type UserInfo } from '../context.js';
import { getRequestInfo } from '../context.js';
import { writeStatus } from '../respond.js';
import type { Filter } from './types.js';

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version', '/version/']);

function userFromCertificate(socket: TLSSocket): UserInfo | undefined {
  if (!socket.authorized) return undefined;
  const cert = socket.getPeerCertificate();
  const cn = cert?.subject?.CN;
  if (!cn) return undefined;
  const o = cert.subject.O;
  const groups = o === undefined ? [] : Array.isArray(o) ? o : [o];
  return { username: Array.isArray(cn) ? cn[0] : cn, groups: [...groups, 'system:authenticated'] };
}

export const withAuthentication: Filter = (next) => (req, res) => {
  const socket = req.socket as TLSSocket;
  const user = typeof socket.getPeerCertificate === 'function' ? userFromCertificate(socket) : undefined;
  if (user) {
    setUser(req, user);
    return next(req, res);
  }
  if (PUBLIC_PATHS.has(getRequestInfo(req).path)) {
    setUser(req, { username: 'system:anonymous', groups: ['system:unauthenticated'] });
    return next(req, res);
  }
  writeStatus(req, res, newUnauthorized().status);
};
