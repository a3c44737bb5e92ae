// x509 client certificates (authentication/request/x509): a certificate the cluster CA signed and
// that is valid now names the user (CN) and groups (O). TLS verification itself happened in the
// handshake (tlsServerOptions asks for, but does not insist on, a client certificate).
import type { TLSSocket } from 'node:tls';
import type { AuthnResult } from './authenticator.js';

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

interface CachedResult {
  result: AuthnResult;
  /** When the certificate stops being valid: the cached answer holds until then. */
  notAfter: number;
}

/**
 * A connection's certificate cannot change, so its answer is kept per socket (reading the peer
 * certificate costs a tenth of a request's CPU); it is recomputed once the certificate expires.
 */
const bySocket = new WeakMap<TLSSocket, CachedResult>();

export function authenticateCertificate(socket: TLSSocket): AuthnResult {
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const cached = bySocket.get(socket);
  if (cached && Date.now() < cached.notAfter) return cached.result;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const result = certificateResult(socket, cert);
  const notAfter = Date.parse(cert.valid_to);
  bySocket.set(socket, { result, notAfter: Number.isNaN(notAfter) ? 0 : notAfter });
  return result;
}

function certificateResult(socket: TLSSocket, cert: ReturnType<TLSSocket['getPeerCertificate']>): AuthnResult {
  if (!socket.authorized) return { error: `x509: ${String(socket.authorizationError ?? 'certificate signed by unknown authority')}` };
  const cn = asList(cert.subject?.CN)[0];
  if (!cn) return undefined;
  return { user: { username: cn, groups: asList(cert.subject?.O) } };
}
