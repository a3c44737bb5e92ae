// The HTTPS client of webhooks: one keep-alive agent per (CA bundle, server name), so calls reuse
// their TLS connections; a deadline per call (timeoutSeconds, also sent as `?timeout=Ns` as
// client-go does); failures worded as Go's net/http words them, for `failed calling webhook`.
import { Agent, request } from 'node:https';
import type { WebhookTarget } from './client-config.js';

const agents = new Map<string, Agent>();

function agentFor(caBundle: string | undefined, servername: string | undefined): Agent {
  const key = `${caBundle ?? ''}\n${servername ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    const ca = caBundle ? Buffer.from(caBundle, 'base64').toString('utf8') : undefined;
    agent = new Agent({ keepAlive: true, ca, servername, maxSockets: 64 });
    agents.set(key, agent);
  }
  return agent;
}

/** Go's wording of a failed dial or handshake. */
function describe(err: NodeJS.ErrnoException, url: URL): string {
  const host = url.host;
  switch (err.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${host}: connect: connection refused`;
    case 'ECONNRESET':
      return 'read: connection reset by peer';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `tls: failed to verify certificate: x509: certificate is not valid for ${url.hostname}`;
    default:
      return err.message;
  }
}

export interface WebhookResponse {
  statusCode: number;
  body: string;
}

/** POSTs a JSON body; rejects with an Error carrying Go's `Post "<url>": <reason>` text. */
export function postJSON(target: WebhookTarget, caBundle: string | undefined, body: unknown, timeoutSeconds: number): Promise<WebhookResponse> {
  const url = new URL(target.url);
  url.searchParams.set('timeout', `${timeoutSeconds}s`);
  // A string body goes out in one write with the headers (a Buffer would follow them in a second).
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => reject(new Error(`Post "${url.href}": ${reason}`));
    const req = request(url, {
      method: 'POST',
      agent: agentFor(caBundle, target.servername),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, */*', 'Content-Length': Buffer.byteLength(payload) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail('context deadline exceeded');
    }, timeoutSeconds * 1000);
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(describe(err, url));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        fail(err.message);
      });
    });
    req.end(payload);
  });
}
