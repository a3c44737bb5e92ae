// An HTTPS server on 127.0.0.1 with kubefake's TLS options that answers /version and records
// what it learnt about each request's TLS client.
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { after } from 'node:test';
import { tlsServerOptions } from '../../../src/certs/tls-options.js';
import type { ClusterPKI } from '../../../src/certs/pki.js';

export const VERSION_BODY = JSON.stringify({
  major: '1', minor: '32', gitVersion: 'v1.32.4', gitCommit: 'x', gitTreeState: 'clean',
  buildDate: '2025-04-22T16:00:00Z', goVersion: 'go1.23.8', compiler: 'gc', platform: 'linux/amd64',
});

export interface SeenRequest {
  url: string;
  authorized: boolean;
  subject?: { CN?: string | string[]; O?: string | string[] };
  alpn: string | false | null;
  protocol: string | null;
}

export async function startTLSServer(pki: ClusterPKI): Promise<{ server: Server; url: string; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer(tlsServerOptions(pki), (req, res) => {
    const socket = req.socket as TLSSocket;
    const peer = socket.getPeerCertificate();
    seen.push({
      url: req.url ?? '',
      authorized: socket.authorized,
      subject: peer.subject,
      alpn: socket.alpnProtocol,
      protocol: socket.getProtocol(),
    });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(VERSION_BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
