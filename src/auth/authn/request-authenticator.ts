// The request authenticator kube-apiserver builds (pkg/kubeapiserver/authenticator/config.go):
// client certificate, then bearer token (a union of token authenticators), then the
// system:authenticated group; anonymous only when no authenticator objected (a bad credential
// is a 401, never anonymous).
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { UserInfo } from '../../server/context.js';
import { anonymousUser, withAuthenticatedGroup, type AuthnResult, type TokenAuthenticator } from './authenticator.js';
import { authenticateCertificate } from './x509.js';

export interface RequestAuthenticatorOptions {
  tokenAuthenticators: readonly TokenAuthenticator[];
  anonymous: boolean;
}

/** The bearer token of an `Authorization: Bearer <token>` header; '' for an empty one. */
function bearerToken(req: IncomingMessage): string | undefined {
  const header = (req.headers.authorization ?? '').trim();
  if (!header) return undefined;
  const parts = header.split(' ');
  if (parts.length < 2 || parts[0].toLowerCase() !== 'bearer') return undefined;
  return parts[1];
}

export class RequestAuthenticator {
  readonly #o: RequestAuthenticatorOptions;

  constructor(options: RequestAuthenticatorOptions) {
    this.#o = options;
  }

  /** The union of token authenticators: the first that knows the token wins. */
  async authenticateToken(token: string, audiences?: readonly string[]): Promise<NonNullable<AuthnResult>> {
    const errors: string[] = [];
    for (const a of this.#o.tokenAuthenticators) {
      const r = await a.authenticateToken(token, audiences);
      if (r && 'user' in r) return r;
      if (r) errors.push(r.error);
    }
    return { error: errors.length ? errors.join(', ') : 'invalid bearer token' };
  }

  /** The request's user, or undefined for a 401. */
  async authenticate(req: IncomingMessage): Promise<UserInfo | undefined> {
    const errors: string[] = [];
    const cert = authenticateCertificate(req.socket as TLSSocket);
    if (cert && 'user' in cert) return withAuthenticatedGroup(cert.user);
    if (cert) errors.push(cert.error);
    const token = bearerToken(req);
    if (token !== undefined) {
      const r: NonNullable<AuthnResult> = token === '' ? { error: 'invalid bearer token' } : await this.authenticateToken(token);
      if ('user' in r) return withAuthenticatedGroup(r.user);
      errors.push(r.error);
    }
    if (errors.length || !this.#o.anonymous) return undefined;
    return anonymousUser();
  }
}
