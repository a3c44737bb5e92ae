// Create-to-watch-event latency: `watchers` watch connections on the pods of the default
// namespace, then pods created one at a time; each sample is the time from just before a POST to
// one watcher's receipt of that pod's ADDED event.
import { Agent, request as httpsRequest } from 'node:https';
import type { ClientRequest } from 'node:http';
import { send, type TlsIdentity, type Target } from './client.js';
import { PODS_PATH, podJSON } from './pod.js';

export interface WatchOptions {
  watchers: number;
  creates: number;
  /** How long one create waits for all its events before counting the rest as missed. */
  eventTimeoutMs: number;
}

export interface WatchResult {
  samples: number[];
  missed: number;
}

interface Pending {
  sentAt: number;
  remaining: number;
  samples: number[];
  done(): void;
}

/**
 * The pod name of an ADDED event line, read without JSON.parse so the client adds little to the
 * latency it measures; relies on kube-apiserver's key order (type first, metadata.name first).
 */
function addedPodName(line: string): string | undefined {
  if (!line.startsWith('{"type":"ADDED"')) return undefined;
  const meta = line.indexOf('"metadata":{"name":"');
  if (meta < 0) return undefined;
  const start = meta + '"metadata":{"name":"'.length;
  return line.slice(start, line.indexOf('"', start));
}

function openWatch(port: number, agent: Agent, path: string, pending: Map<string, Pending>): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, agent, path }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`watch answered ${res.statusCode}`));
        return;
      }
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const name = addedPodName(buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
          const p = name === undefined ? undefined : pending.get(name);
          if (!p) continue;
          p.samples.push(at - p.sentAt);
          if (--p.remaining === 0) p.done();
        }
      });
      resolve(req);
    });
    req.on('error', reject);
    req.end();
  });
}

async function createAndWait(to: Target, name: string, options: WatchOptions, pending: Map<string, Pending>): Promise<Pending> {
  let timer: NodeJS.Timeout | undefined;
  const entry: Pending = { sentAt: 0, remaining: options.watchers, samples: [], done: () => undefined };
  const allSeen = new Promise<void>((resolve) => {
    entry.done = resolve;
    timer = setTimeout(resolve, options.eventTimeoutMs);
  });
  pending.set(name, entry);
  entry.sentAt = performance.now();
  const res = await send(to, 'POST', PODS_PATH, { body: podJSON(name) });
  if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
  await allSeen;
  clearTimeout(timer);
  pending.delete(name);
  return entry;
}

export async function watchLatency(to: Target, identity: TlsIdentity, resourceVersion: string, options: WatchOptions): Promise<WatchResult> {
  const agent = new Agent({ ...identity, keepAlive: false, maxSockets: Infinity });
  const pending = new Map<string, Pending>();
  const path = `${PODS_PATH}?watch=true&resourceVersion=${encodeURIComponent(resourceVersion)}`;
  const watches: ClientRequest[] = [];
  try {
    for (let i = 0; i < options.watchers; i++) watches.push(await openWatch(to.port, agent, path, pending));
    const samples: number[] = [];
    let missed = 0;
    for (let i = 0; i < options.creates; i++) {
      const entry = await createAndWait(to, `watch-${i}`, options, pending);
      samples.push(...entry.samples);
      missed += entry.remaining;
    }
    return { samples, missed };
  } finally {
    for (const w of watches) w.destroy();
    agent.destroy();
  }
}
