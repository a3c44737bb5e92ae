// Spawn-to-ready timing: a free port chosen before the spawn, then a quick poll until the child
// answers the expected status.
import { createServer } from 'node:net';
import { Agent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { send, target, type RequestOptions } from './client.js';
import type { TrackedChild } from './children.js';

const POLL_INTERVAL_MS = 2;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Probe {
  port: number;
  method: string;
  path: string;
  request?: RequestOptions;
  status: number;
}

/**
 * Polls until the probe answers `probe.status`. It does not verify the server certificate: on a
 * cold start the CA it would be verified against does not exist yet.
 */
export async function waitUntilReady(child: TrackedChild, probe: Probe, timeoutMs: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
  const to = target(probe.port, agent);
  const deadline = performance.now() + timeoutMs;
  try {
    while (performance.now() < deadline) {
      if (child.child.exitCode !== null) throw new Error(`exited with ${child.child.exitCode} before ready: ${child.stderr()}`);
      const status = await send(to, probe.method, probe.path, probe.request).then((r) => r.status, () => 0);
      if (status === probe.status) return;
      await sleep(POLL_INTERVAL_MS);
    }
    throw new Error(`not ready within ${timeoutMs} ms: ${child.stderr()}`);
  } finally {
    agent.destroy();
  }
}

/** Resolves with the stdout match once `pattern` appears, or rejects after `timeoutMs`. */
export async function waitForOutput(child: TrackedChild, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(child.stdout());
    if (m) return m;
    if (performance.now() > deadline || child.child.exitCode !== null) throw new Error(`no ${pattern} in output: ${child.stdout()} ${child.stderr()}`);
    await sleep(POLL_INTERVAL_MS);
  }
}
