// Starts the no-op webhook (webhook-server.ts) as a child process, under its own CA made here with
// the project's certificate helpers; the CA goes to the webhook configuration as its caBundle.
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCA, createServingCert } from '../src/certs/cluster-certs.js';
import { makeTempDir, spawnTracked, stopChild } from './children.js';
import { send, target } from './client.js';
import { freePort, waitUntilReady } from './ready-probe.js';

export interface WebhookStats {
  reviews: number;
  connections: number;
}

export interface WebhookChild {
  pid: number;
  /** base64 PEM of the webhook's CA, for clientConfig.caBundle. */
  caBundle: string;
  url(path: string): string;
  stats(): Promise<WebhookStats>;
  stop(): Promise<number | null>;
}

const READY_TIMEOUT_MS = 10_000;

export async function startWebhookChild(): Promise<WebhookChild> {
  const ca = createCA();
  const serving = createServingCert(ca, ['127.0.0.1']);
  const dir = makeTempDir('kubefake-bench-webhook-');
  const [certFile, keyFile] = [join(dir, 'tls.crt'), join(dir, 'tls.key')];
  writeFileSync(certFile, serving.certPem);
  writeFileSync(keyFile, serving.keyPem);
  const port = await freePort();
  const child = spawnTracked(['--import', 'tsx', fileURLToPath(new URL('./webhook-server.ts', import.meta.url)), certFile, keyFile, String(port)]);
  try {
    await waitUntilReady(child, { port, method: 'GET', path: '/stats', status: 200 }, READY_TIMEOUT_MS);
  } catch (err) {
    await stopChild(child);
    throw new Error(`webhook: ${(err as Error).message}`);
  }
  const to = target(port, new Agent({ ca: ca.certPem, keepAlive: true, maxSockets: 1 }));
  return {
    pid: child.pid,
    caBundle: Buffer.from(ca.certPem).toString('base64'),
    url: (path) => `https://127.0.0.1:${port}${path}`,
    stats: async () => JSON.parse((await send(to, 'GET', '/stats')).body.toString('utf8')) as WebhookStats,
    stop: () => {
      to.agent.destroy();
      return stopChild(child);
    },
  };
}
