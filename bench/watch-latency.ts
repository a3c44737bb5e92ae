// Create-to-watch-event latency: `watchers` watch connections on the pods of the default
// namespace, then pods created one at a time; each sample is the time from just before a POST to
// one watcher's receipt of that pod's ADDED event.
import { Agent, request as httpsRequest } from 'node:https';
import type { ClientRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { send, type TlsIdentity, type Target } from './client.js';
import { spawnTracked } from './children.js';
import { PODS_PATH, podJSON } from './pod.js';

export interface WatchOptions {
  watchers: number;
  /** Creates before the measured ones, their events awaited but not counted: both sides' first events run cold code. */
  warmupCreates: number;
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

const ADDED = Buffer.from('{"type":"ADDED"');
const NAME = Buffer.from('"metadata":{"name":"');
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * The pod name of an ADDED event line, read from the bytes without decoding them or JSON.parse,
 * so the client adds little work and little garbage to the latency it measures; relies on
 * kube-apiserver's key order (type first, metadata.name first).
 */
function addedPodName(line: Buffer): string | undefined {
  if (line.length < ADDED.length || !line.subarray(0, ADDED.length).equals(ADDED)) return undefined;
  const meta = line.indexOf(NAME);
  if (meta < 0) return undefined;
  const start = meta + NAME.length;
  return line.toString('latin1', start, line.indexOf(QUOTE, start));
}

function openWatch(port: number, agent: Agent, path: string, pending: Map<string, Pending>): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, agent, path }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`watch answered ${res.statusCode}`));
        return;
      }
      // An event split across chunks waits here for the rest of its line.
      let partial: Buffer | undefined;
      res.on('data', (chunk: Buffer) => {
        const at = performance.now();
        const bytes = partial ? Buffer.concat([partial, chunk]) : chunk;
        let from = 0;
        let newline: number;
        while ((newline = bytes.indexOf(NEWLINE, from)) >= 0) {
          const name = addedPodName(bytes.subarray(from, newline));
          from = newline + 1;
          const p = name === undefined ? undefined : pending.get(name);
          if (!p) continue;
          p.samples.push(at - p.sentAt);
          if (--p.remaining === 0) p.done();
        }
        partial = from < bytes.length ? bytes.subarray(from) : undefined;
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
    for (let i = 0; i < options.warmupCreates + options.creates; i++) {
      const entry = await createAndWait(to, `watch-${i}`, options, pending);
      if (i < options.warmupCreates) continue;
      samples.push(...entry.samples);
      missed += entry.remaining;
    }
    return { samples, missed };
  } finally {
    for (const w of watches) w.destroy();
    agent.destroy();
  }
}

/**
 * watchLatency in a child process of its own (watch-child.ts), so that the garbage the calling
 * process has accumulated is not collected inside the measurement.
 */
export async function watchLatencyInChild(port: number, kubeconfigPath: string, resourceVersion: string, options: WatchOptions): Promise<WatchResult> {
  const script = fileURLToPath(new URL('./watch-child.ts', import.meta.url));
  const child = spawnTracked(['--import', import.meta.resolve('tsx'), script, String(port), kubeconfigPath, resourceVersion, JSON.stringify(options)]);
  const code = await child.exited;
  if (code !== 0) throw new Error(`the watch client exited with ${code}: ${child.stderr().slice(-2000)}`);
  return JSON.parse(child.stdout()) as WatchResult;
}
