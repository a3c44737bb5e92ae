// x509 client certificates (authentication/request/x509): a certificate the cluster CA signed and
// that is valid now names the user (CN) and groups (O). TLS verification itself happened in the
// handshake (tlsServerOptions asks for, but does not insist on, a client certificate).
import type { TLSSocket } from 'node:tls';
import type { AuthnResult } from './authenticator.js';

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function authenticateCertificate(socket: TLSSocket): AuthnResult {
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  if (!socket.authorized) return { error: `x509: ${String(socket.authorizationError ?? 'certificate signed by unknown authority')}` };
  const cn = asList(cert.subject?.CN)[0];
  if (!cn) return undefined;
  return { user: { username: cn, groups: asList(cert.subject?.O) } };
}
