// Issue 6's HTTPS row: server-side applies/s of a Deployment whose pod template has 20 containers,
// every apply changing all 20 images (so each one is a real change with its managedFields).
import { combine, cpuPerRequestUs, postLoad, rate, type LoadResult } from './post-load.js';
import { CONTAINERS, deployment20 } from './deployment20.js';
import { microseconds, perSecond, type Row } from './report.js';
import type { Bench } from './phases.js';

const OBJECTS = 16;
const CONCURRENCY = 16;
const ROUNDS = 4;
const PER_ROUND = 400;

const pathOf = (i: number): string => `/apis/apps/v1/namespaces/default/deployments/ssa-${i % OBJECTS}?fieldManager=bench-apply`;

export async function applyPhase(bench: Bench): Promise<Row[]> {
  const server = bench.kubefake;
  const apply = (count: number, first: number, expectStatus: number): Promise<LoadResult> =>
    postLoad(server.to, server.pid, {
      method: 'PATCH',
      path: pathOf,
      headers: { 'content-type': 'application/apply-patch+yaml' },
      count,
      concurrency: CONCURRENCY,
      deadlineMs: 30_000,
      body: (i) => JSON.stringify(deployment20(`ssa-${i % OBJECTS}`, first + i)),
      expectStatus,
    });
  const created = await apply(OBJECTS, 0, 201);
  if (created.done !== OBJECTS) throw new Error(`apply-on-create failed: ${created.firstFailure}`);
  const runs: LoadResult[] = [];
  for (let r = 0; r < ROUNDS; r++) runs.push(await apply(PER_ROUND, OBJECTS + r * PER_ROUND, 200));
  const all = combine(runs);
  if (all.failed > 0) process.stderr.write(`bench: ${all.failed} applies failed, first: ${all.firstFailure}\n`);
  const measured = combine(runs.slice(1));
  return [
    {
      metric: `server-side applies/s: Deployment with ${CONTAINERS} containers, ${OBJECTS} objects, ${CONCURRENCY} clients (${ROUNDS - 1}×${PER_ROUND} after a warm-up round)`,
      kubefake: `${perSecond(rate(measured))} (server CPU ${microseconds(cpuPerRequestUs(measured))} per apply)`,
    },
  ];
}
