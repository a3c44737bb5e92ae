// Issue 6's bookkeeping row over HTTPS: plain updates (PUT) of 20-container Deployments, each of
// 16 clients updating its own Deployment as a controller does (the last object it got back, one
// image changed, resourceVersion and managedFields as served), against two servers that differ
// only in whether writes record managedFields, rounds interleaved. What it costs is the servers'
// CPU per PUT: the bookkeeping itself, and the bigger objects it makes to store and to send.
import { fileURLToPath } from 'node:url';
import { makeTempDir, spawnTracked, stopChild, type TrackedChild } from './children.js';
import { identityFromKubeconfig, keepAliveAgent, send, target, type Target } from './client.js';
import { CONTAINERS, deployment20 } from './deployment20.js';
import { cpuMs } from './proc-stats.js';
import { freePort, waitForOutput, waitUntilReady } from './ready-probe.js';
import { median } from './stats.js';
import { microseconds, perSecond, type Row } from './report.js';

const CLIENTS = 16;
/** Rounds per server, the first a warm-up left out of the figures. */
const ROUNDS = 7;
const PUTS_PER_CLIENT = 40;
const READY_TIMEOUT_MS = 30_000;
const PATH = '/apis/apps/v1/namespaces/default/deployments';

type Mode = 'record' | 'skip';

interface BookkeepingServer {
  child: TrackedChild;
  to: Target;
  /** Each client's Deployment as the server last answered it. */
  latest: Record<string, unknown>[];
}

async function startServer(mode: Mode): Promise<BookkeepingServer> {
  const port = await freePort();
  const entry = fileURLToPath(new URL('./bookkeeping-server.ts', import.meta.url));
  const child = spawnTracked(['--import', 'tsx', entry, makeTempDir(`kubefake-bench-${mode}-`), String(port), mode]);
  try {
    await waitUntilReady(child, { port, method: 'GET', path: '/readyz', status: 200 }, READY_TIMEOUT_MS);
    const [, kubeconfig] = await waitForOutput(child, /export KUBECONFIG=(\S+)/, READY_TIMEOUT_MS);
    return { child, to: target(port, keepAliveAgent(identityFromKubeconfig(kubeconfig), CLIENTS)), latest: [] };
  } catch (err) {
    await stopChild(child);
    throw new Error(`kubefake (${mode}): ${(err as Error).message}`);
  }
}

async function request(to: Target, method: string, path: string, body: unknown, expectStatus: number): Promise<Record<string, unknown>> {
  const res = await send(to, method, path, { body: JSON.stringify(body) });
  if (res.status !== expectStatus) throw new Error(`${method} ${path}: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
  return JSON.parse(res.body.toString('utf8')) as Record<string, unknown>;
}

type Containers = { image: string }[];

/** The object with the first container's image changed: everything else as the server sent it. */
function withImage(obj: Record<string, unknown>, image: string): Record<string, unknown> {
  const spec = obj.spec as { template: { spec: { containers: Containers } } };
  const [first, ...rest] = spec.template.spec.containers;
  const podSpec = { ...spec.template.spec, containers: [{ ...first, image }, ...rest] };
  return { ...obj, spec: { ...spec, template: { ...spec.template, spec: podSpec } } };
}

/** One round: every client PUTs its Deployment PUTS_PER_CLIENT times. Returns the server's CPU ms and the wall seconds. */
async function round(server: BookkeepingServer, r: number): Promise<{ cpu: number; seconds: number }> {
  const cpuBefore = cpuMs(server.child.pid);
  const start = performance.now();
  await Promise.all(
    server.latest.map(async (_, c) => {
      for (let i = 0; i < PUTS_PER_CLIENT; i++) {
        const body = withImage(server.latest[c], `registry.example/app-0:r${r}-${i}`);
        server.latest[c] = await request(server.to, 'PUT', `${PATH}/mf-${c}`, body, 200);
      }
    }),
  );
  return { cpu: cpuMs(server.child.pid) - cpuBefore, seconds: (performance.now() - start) / 1000 };
}

export async function managedFieldsHttpRows(): Promise<Row[]> {
  const servers: Partial<Record<Mode, BookkeepingServer>> = {};
  try {
    for (const mode of ['record', 'skip'] as const) {
      const server = await startServer(mode);
      servers[mode] = server;
      for (let c = 0; c < CLIENTS; c++) server.latest.push(await request(server.to, 'POST', PATH, deployment20(`mf-${c}`, 0), 201));
    }
    const both = servers as Record<Mode, BookkeepingServer>;
    const recorded = both.record.latest[0].metadata as { managedFields?: unknown[] };
    if (!recorded.managedFields?.length || (both.skip.latest[0].metadata as { managedFields?: unknown[] }).managedFields) {
      throw new Error('the two servers do not differ in managedFields');
    }
    const cpuPerPut: Record<Mode, number[]> = { record: [], skip: [] };
    const rates: Record<Mode, number[]> = { record: [], skip: [] };
    const puts = CLIENTS * PUTS_PER_CLIENT;
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate who goes first, so that neither always runs on a host the other has just loaded.
      for (const mode of r % 2 === 0 ? (['record', 'skip'] as const) : (['skip', 'record'] as const)) {
        const { cpu, seconds } = await round(both[mode], r);
        if (r === 0) continue;
        cpuPerPut[mode].push((cpu * 1000) / puts);
        rates[mode].push(puts / seconds);
      }
    }
    const slower = median(cpuPerPut.record.map((cpu, i) => cpu / cpuPerPut.skip[i])) - 1;
    return [
      {
        metric: `HTTPS PUTs of a ${CONTAINERS}-container Deployment, ${CLIENTS} clients each updating its own (the last object served, one image changed), managedFields recorded vs not: server CPU per PUT (${ROUNDS - 1} rounds of ${puts} each)`,
        kubefake: `${microseconds(median(cpuPerPut.record))} vs ${microseconds(median(cpuPerPut.skip))} (${perSecond(median(rates.record))} vs ${perSecond(median(rates.skip))} PUT/s); median of the rounds' ratios: ${(slower * 100).toFixed(1)}% slower`,
        target: '≤ 20% slower',
        pass: slower <= 0.2,
      },
    ];
  } finally {
    for (const server of Object.values(servers)) {
      server.to.agent.destroy();
      await stopChild(server.child);
    }
  }
}
