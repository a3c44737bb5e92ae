// The one HTTPS client every target is measured with: node:https, a keep-alive Agent, the admin
// client certificate from the kubeconfig, and the cluster CA verified.
import { Agent, request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface TlsIdentity {
  ca: string;
  cert: string;
  key: string;
}

export interface Target {
  host: string;
  port: number;
  agent: Agent;
}

export interface Response {
  status: number;
  body: Buffer;
}

interface KubeconfigShape {
  clusters: { cluster: { 'certificate-authority-data': string } }[];
  users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
}

const fromBase64 = (s: string): string => Buffer.from(s, 'base64').toString('utf8');

export function identityFromKubeconfig(path: string): TlsIdentity {
  const config = parse(readFileSync(path, 'utf8')) as KubeconfigShape;
  const user = config.users[0].user;
  return {
    ca: fromBase64(config.clusters[0].cluster['certificate-authority-data']),
    cert: fromBase64(user['client-certificate-data']),
    key: fromBase64(user['client-key-data']),
  };
}

export function keepAliveAgent(identity: TlsIdentity, maxSockets: number): Agent {
  return new Agent({ ...identity, keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export function target(port: number, agent: Agent): Target {
  return { host: '127.0.0.1', port, agent };
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One request with the whole response body read. */
export function send(to: Target, method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string | number> = { ...options.headers };
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = Buffer.byteLength(options.body);
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: to.host, port: to.port, agent: to.agent, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
