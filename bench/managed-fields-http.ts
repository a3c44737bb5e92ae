// Issue 6's bookkeeping row over HTTPS: plain updates (PUT) of 20-container Deployments, each of
// 16 clients updating its own Deployment as a controller does (the last object it got back, one
// image changed, resourceVersion and managedFields as served), on two servers that differ only in
// whether writes record managedFields (StoreContext.recordManagedFields), each client writing to
// one then the other, so that both meet the same moments of a noisy host. What it costs is the
// servers' CPU per PUT: the bookkeeping itself, and the bigger objects it makes to decode, store
// and send. The clients change the image in the text they got back rather than parsing it: the
// bench's own CPU, on the same two cores, stays out of the servers' way.
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './children.js';
import { identityFromKubeconfig, keepAliveAgent, send, target, type Target } from './client.js';
import { CONTAINERS, deployment20 } from './deployment20.js';
import { cpuMs } from './proc-stats.js';
import { startKubefakeChild, type KubefakeChild } from './kubefake-child.js';
import { median } from './stats.js';
import { microseconds, type Row } from './report.js';

const CLIENTS = 16;
/** Rounds, the first a warm-up left out of the figures. */
const ROUNDS = 9;
const PUTS_PER_CLIENT = 100;
const PATH = '/apis/apps/v1/namespaces/default/deployments';

type Mode = 'record' | 'skip';

interface BookkeepingServer {
  child: KubefakeChild;
  to: Target;
  /** Each client's Deployment as the server last answered it, the JSON text. */
  latest: string[];
}

async function startServer(mode: Mode): Promise<BookkeepingServer> {
  const entry = fileURLToPath(new URL('./bookkeeping-server.ts', import.meta.url));
  const child = await startKubefakeChild(makeTempDir(`kubefake-bench-${mode}-`), [], (port, dataDir) => ['--import', 'tsx', entry, dataDir, String(port), mode]);
  return { child, to: target(child.port, keepAliveAgent(identityFromKubeconfig(child.kubeconfigPath), CLIENTS)), latest: [] };
}

async function request(to: Target, method: string, path: string, body: string, expectStatus: number): Promise<string> {
  const res = await send(to, method, path, { body });
  const text = res.body.toString('utf8');
  if (res.status !== expectStatus) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

/** The first container's image (deployment20 names it registry.example/app-0:…). */
const FIRST_IMAGE = /"image":"registry\.example\/app-0:[^"]*"/;

/** The object's JSON with the first container's image changed: everything else as the server sent it. */
function withImage(json: string, image: string): string {
  if (!FIRST_IMAGE.test(json)) throw new Error('no first container image in the Deployment served');
  return json.replace(FIRST_IMAGE, `"image":${JSON.stringify(image)}`);
}

/** A PUT of client c's Deployment with a new first image; keeps the answer as the client's latest. */
async function put(server: BookkeepingServer, c: number, image: string): Promise<void> {
  server.latest[c] = await request(server.to, 'PUT', `${PATH}/mf-${c}`, withImage(server.latest[c], image), 200);
  if (!server.latest[c].includes(image)) throw new Error(`PUT mf-${c}: the answer does not have image ${image}`);
}

/**
 * One round: every client PUTs its Deployment PUTS_PER_CLIENT times to each server, one server
 * then the other, so that both work under the same conditions of the host at the same time.
 * Returns each server's CPU ms over the round.
 */
async function round(servers: Record<Mode, BookkeepingServer>, r: number): Promise<Record<Mode, number>> {
  const before = { record: cpuMs(servers.record.child.process.pid), skip: cpuMs(servers.skip.child.process.pid) };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < PUTS_PER_CLIENT; i++) {
        const image = `registry.example/app-0:r${r}-${i}`;
        for (const mode of (c + i) % 2 === 0 ? (['record', 'skip'] as const) : (['skip', 'record'] as const)) await put(servers[mode], c, image);
      }
    }),
  );
  return { record: cpuMs(servers.record.child.process.pid) - before.record, skip: cpuMs(servers.skip.child.process.pid) - before.skip };
}

export async function managedFieldsHttpRows(): Promise<Row[]> {
  const servers: Partial<Record<Mode, BookkeepingServer>> = {};
  try {
    for (const mode of ['record', 'skip'] as const) {
      const server = await startServer(mode);
      servers[mode] = server;
      for (let c = 0; c < CLIENTS; c++) server.latest.push(await request(server.to, 'POST', PATH, JSON.stringify(deployment20(`mf-${c}`, 0)), 201));
    }
    const both = servers as Record<Mode, BookkeepingServer>;
    if (!both.record.latest[0].includes('"managedFields"') || both.skip.latest[0].includes('"managedFields"')) {
      throw new Error('the two servers do not differ in managedFields');
    }
    const cpuPerPut: Record<Mode, number[]> = { record: [], skip: [] };
    const puts = CLIENTS * PUTS_PER_CLIENT;
    for (let r = 0; r < ROUNDS; r++) {
      const cpu = await round(both, r);
      if (r === 0) continue;
      for (const mode of ['record', 'skip'] as const) cpuPerPut[mode].push((cpu[mode] * 1000) / puts);
    }
    const slower = median(cpuPerPut.record.map((cpu, i) => cpu / cpuPerPut.skip[i])) - 1;
    return [
      {
        metric: `HTTPS PUTs of a ${CONTAINERS}-container Deployment, ${CLIENTS} clients each updating its own (the last object served, one image changed) on two servers in turn, managedFields recorded vs not: server CPU per PUT (${ROUNDS - 1} rounds of ${puts} PUTs each)`,
        kubefake: `${microseconds(median(cpuPerPut.record))} vs ${microseconds(median(cpuPerPut.skip))}; median of the rounds' ratios: ${(slower * 100).toFixed(1)}% slower`,
        target: '≤ 20% slower',
        pass: slower <= 0.2,
      },
    ];
  } finally {
    for (const server of Object.values(servers)) {
      server.to.agent.destroy();
      await server.child.stop();
    }
  }
}
