// The bench's phases, in the order run.ts calls them; each returns its rows of the report.
import type { EchoChild, EchoKind } from './echo-child.js';
import type { KubefakeChild } from './kubefake-child.js';
import type { Target } from './client.js';
import { combine, cpuPerRequestUs, postLoad, rate, type LoadResult } from './post-load.js';
import { timeRequests, type Timing } from './timed-requests.js';
import { watchLatencyInChild } from './watch-latency.js';
import { PODS_PATH, podJSON } from './pod.js';
import { rssMB, settledRssMB } from './proc-stats.js';
import { percentile } from './stats.js';
import { megabytes, microseconds, ms, perSecond, type Row } from './report.js';

export const POD_COUNT = 10_000;
const CONCURRENCY = 16;
const LIST_RUNS = 10;
const WATCHERS = 100;
export const WATCH_CREATES = 200;
export const WATCH_WARMUP_CREATES = 20;
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface Server {
  pid: number;
  to: Target;
}

export interface Bench {
  /** The admin kubeconfig, for clients the bench runs in processes of their own. */
  kubeconfigPath: string;
  kubefake: Server;
  echo: Record<EchoKind, Server>;
}

export const serverOf = (child: KubefakeChild | EchoChild, to: Target): Server => ({ pid: child.process.pid, to });

const ROUNDS = 5;
const PER_ROUND = POD_COUNT / ROUNDS;
const ROUND_DEADLINE_MS = 20_000;

const round = (server: Server, path: string, first: number): Promise<LoadResult> =>
  postLoad(server.to, server.pid, {
    path,
    count: PER_ROUND,
    concurrency: CONCURRENCY,
    deadlineMs: ROUND_DEADLINE_MS,
    body: (i) => podJSON(`bench-${first + i}`),
    expectStatus: 201,
  });

interface Loads {
  express: LoadResult;
  node: LoadResult;
  kubefake: LoadResult;
  /** Every kubefake round, the warm-up included: the pods created. */
  created: LoadResult;
}

/**
 * The three targets take turns, round by round, so a change in background load hits them alike;
 * the first round of each warms it up (JIT) and is left out of the rates.
 */
async function interleavedLoads(bench: Bench): Promise<Loads> {
  const runs: Record<'express' | 'node' | 'kubefake', LoadResult[]> = { express: [], node: [], kubefake: [] };
  for (let r = 0; r < ROUNDS; r++) {
    runs.express.push(await round(bench.echo.express, '/', r * PER_ROUND));
    runs.node.push(await round(bench.echo.node, '/', r * PER_ROUND));
    runs.kubefake.push(await round(bench.kubefake, PODS_PATH, r * PER_ROUND));
  }
  const measured = (rs: LoadResult[]): LoadResult => combine(rs.slice(1));
  return { express: measured(runs.express), node: measured(runs.node), kubefake: measured(runs.kubefake), created: combine(runs.kubefake) };
}

/** POST rate of both echoes and of kubefake creates (10,000 pods); the RSS each holds afterwards. */
export async function createsPhase(bench: Bench): Promise<Row[]> {
  const { express, node, kubefake: kf, created } = await interleavedLoads(bench);
  if (created.failed > 0) process.stderr.write(`bench: ${created.failed} creates failed, first: ${created.firstFailure}\n`);
  const rss = (s: Server): number => rssMB(s.pid);
  const [kfRss, expressRss, nodeRss] = [rss(bench.kubefake), rss(bench.echo.express), rss(bench.echo.node)];
  const ratio = rate(kf) / rate(express);
  const percentOf = (r: LoadResult): string => `${Math.round((rate(kf) / rate(r)) * 100)}%`;
  return [
    {
      metric: `POST/s: pod creates, ${CONCURRENCY} clients, keep-alive (${ROUNDS - 1}×${PER_ROUND.toLocaleString('en-US')} after a warm-up round)`,
      kubefake: `${perSecond(rate(kf))} (${percentOf(express)} of express, ${percentOf(node)} of node)`,
      express: perSecond(rate(express)),
      node: perSecond(rate(node)),
      target: `≥ 50% of express (${perSecond(rate(express) / 2)})`,
      pass: ratio >= 0.5 && created.done === POD_COUNT,
    },
    { metric: 'server CPU per POST', kubefake: microseconds(cpuPerRequestUs(kf)), express: microseconds(cpuPerRequestUs(express)), node: microseconds(cpuPerRequestUs(node)) },
    {
      metric: `RSS with ${created.done.toLocaleString('en-US')} pods right after creating them (echoes: after the same POSTs)`,
      kubefake: megabytes(kfRss),
      express: megabytes(expressRss),
      node: megabytes(nodeRss),
    },
  ];
}

/**
 * RSS with the pods of the creates phase once the server has been idle long enough for V8 to
 * give back what the burst of writes left (measured after the lists, which add no objects).
 */
export async function restingRssPhase(bench: Bench): Promise<Row[]> {
  const settled = await settledRssMB(bench.kubefake.pid);
  return [
    {
      metric: `RSS with ${POD_COUNT.toLocaleString('en-US')} pods at rest (once V8 has given back what the writes and lists left)`,
      kubefake: `${megabytes(settled.mb)} (after ${settled.seconds} s idle)`,
      target: '≤ 150 MB',
      pass: settled.mb <= 150,
    },
  ];
}

const minMedian = (t: Timing): string => `${ms(t.minMs)} / ${ms(t.medianMs)}`;

/** List latency (JSON and Table); the baselines echo the same JSON list body. */
export async function listPhase(bench: Bench): Promise<Row[]> {
  const list = await timeRequests(bench.kubefake.to, LIST_RUNS, 'GET', PODS_PATH, { headers: { accept: 'application/json' } }, 200);
  const items = (JSON.parse(list.body.toString('utf8')) as { items: unknown[] }).items.length;
  const table = await timeRequests(bench.kubefake.to, LIST_RUNS, 'GET', PODS_PATH, { headers: { accept: TABLE_ACCEPT } }, 200);
  const echo = (s: Server): Promise<Timing> => timeRequests(s.to, LIST_RUNS, 'POST', '/', { body: list.body }, 201);
  const [express, node] = [await echo(bench.echo.express), await echo(bench.echo.node)];
  const mb = (t: Timing): string => `${(t.bytes / 1e6).toFixed(1)} MB`;
  return [
    {
      metric: `list ${items.toLocaleString('en-US')} pods, JSON (${mb(list)}), min / median`,
      kubefake: minMedian(list),
      express: `${minMedian(express)} (echo of the list)`,
      node: `${minMedian(node)} (echo of the list)`,
      target: '≤ 100 ms (median)',
      pass: list.medianMs <= 100 && items === POD_COUNT,
    },
    { metric: `list ${items.toLocaleString('en-US')} pods, Table (${mb(table)}), min / median`, kubefake: minMedian(table) },
  ];
}

export async function watchPhase(bench: Bench): Promise<Row[]> {
  const head = await timeRequests(bench.kubefake.to, 1, 'GET', `${PODS_PATH}?limit=1`, {}, 200);
  const resourceVersion = (JSON.parse(head.body.toString('utf8')) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  const options = { watchers: WATCHERS, warmupCreates: WATCH_WARMUP_CREATES, creates: WATCH_CREATES, eventTimeoutMs: 2000 };
  const result = await watchLatencyInChild(bench.kubefake.to.port, bench.kubeconfigPath, resourceVersion, options);
  const p50 = percentile(result.samples, 50);
  const p99 = percentile(result.samples, 99);
  const missed = result.missed > 0 ? `, ${result.missed} missed` : '';
  return [
    {
      metric: `create→watch event p50 / p99 (${WATCHERS} watchers × ${WATCH_CREATES} creates, after ${WATCH_WARMUP_CREATES} unmeasured; the client in a process of its own)`,
      kubefake: `${ms(p50)} / ${ms(p99)} (max ${ms(percentile(result.samples, 100))}${missed})`,
      target: 'p99 ≤ 10 ms',
      pass: p99 <= 10 && result.missed === 0,
    },
  ];
}
