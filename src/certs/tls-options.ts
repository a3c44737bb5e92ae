// HTTPS server options for the API server's listener.
import type { ServerOptions } from 'node:https';
import type { ClusterPKI } from './pki.js';

/**
 * Serves the cluster serving certificate and asks (without insisting) for a client certificate from
 * the cluster CA: the handshake succeeds either way and each request is authenticated later, from
 * `socket.authorized` and the peer certificate, or from a bearer token.
 */
export function tlsServerOptions(pki: ClusterPKI): ServerOptions {
  return {
    key: pki.servingKeyPem,
    cert: pki.servingCertPem,
    ca: pki.caCertPem,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    // kubectl offers h2 and http/1.1; everything kubefake serves (watch included) is HTTP/1.1.
    ALPNProtocols: ['http/1.1'],
  };
}
