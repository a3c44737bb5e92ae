// The bench's phases, in the order run.ts calls them; each returns its rows of the report.
import type { EchoChild, EchoKind } from './echo-child.js';
import type { KubefakeChild } from './kubefake-child.js';
import type { Target, TlsIdentity } from './client.js';
import { postLoad, type LoadResult } from './post-load.js';
import { timeRequests, type Timing } from './timed-requests.js';
import { watchLatency } from './watch-latency.js';
import { PODS_PATH, podJSON } from './pod.js';
import { rssMB } from './proc-stats.js';
import { percentile } from './stats.js';
import { megabytes, microseconds, ms, perSecond, type Row } from './report.js';

export const POD_COUNT = 10_000;
const CONCURRENCY = 16;
const CREATE_DEADLINE_MS = 90_000;
const LIST_RUNS = 10;
const WATCHERS = 100;
const WATCH_CREATES = 200;
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface Server {
  pid: number;
  to: Target;
}

export interface Bench {
  identity: TlsIdentity;
  kubefake: Server;
  echo: Record<EchoKind, Server>;
}

export const serverOf = (child: KubefakeChild | EchoChild, to: Target): Server => ({ pid: child.process.pid, to });

const load = (server: Server, path: string, prefix: string): Promise<LoadResult> =>
  postLoad(server.to, server.pid, {
    path,
    count: POD_COUNT,
    concurrency: CONCURRENCY,
    deadlineMs: CREATE_DEADLINE_MS,
    body: (i) => podJSON(`${prefix}-${i}`),
    expectStatus: 201,
  });

/** POST rate of both echoes, then 10,000 pod creates; and the RSS each holds afterwards. */
export async function createsPhase(bench: Bench): Promise<Row[]> {
  const express = await load(bench.echo.express, '/', 'bench');
  const node = await load(bench.echo.node, '/', 'bench');
  const kf = await load(bench.kubefake, PODS_PATH, 'bench');
  if (kf.failed > 0) process.stderr.write(`bench: ${kf.failed} creates failed, first: ${kf.firstFailure}\n`);
  const rss = (s: Server): number => rssMB(s.pid);
  const kfRss = rss(bench.kubefake);
  const ratio = kf.perSecond / express.perSecond;
  return [
    {
      metric: `creates/s (${CONCURRENCY} clients, keep-alive, ${kf.done.toLocaleString('en-US')} pods)`,
      kubefake: `${perSecond(kf.perSecond)} (${Math.round(ratio * 100)}% of express, ${Math.round((kf.perSecond / node.perSecond) * 100)}% of node)`,
      express: perSecond(express.perSecond),
      node: perSecond(node.perSecond),
      target: `≥ 50% of express (${perSecond(express.perSecond / 2)})`,
      pass: ratio >= 0.5 && kf.done === POD_COUNT,
    },
    { metric: 'server CPU per POST', kubefake: microseconds(kf.serverCpuUsPerRequest), express: microseconds(express.serverCpuUsPerRequest), node: microseconds(node.serverCpuUsPerRequest) },
    {
      metric: `RSS with ${POD_COUNT.toLocaleString('en-US')} pods (after the POSTs)`,
      kubefake: megabytes(kfRss),
      express: megabytes(rss(bench.echo.express)),
      node: megabytes(rss(bench.echo.node)),
      target: '≤ 150 MB',
      pass: kfRss <= 150,
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
  const result = await watchLatency(bench.kubefake.to, bench.identity, resourceVersion, { watchers: WATCHERS, creates: WATCH_CREATES, eventTimeoutMs: 2000 });
  const p50 = percentile(result.samples, 50);
  const p99 = percentile(result.samples, 99);
  const missed = result.missed > 0 ? `, ${result.missed} missed` : '';
  return [
    {
      metric: `create→watch event p50 / p99 (${WATCHERS} watchers × ${WATCH_CREATES} creates)`,
      kubefake: `${ms(p50)} / ${ms(p99)} (max ${ms(percentile(result.samples, 100))}${missed})`,
      target: 'p99 ≤ 10 ms',
      pass: p99 <= 10 && result.missed === 0,
    },
  ];
}

export interface Startup {
  readyMs: number;
  reportedReadyMs: number;
}

/** Spawn to ready; the 300 ms target applies to the cold start and the empty warm restart. */
export function readyRow(metric: string, kf: Startup, options: { echo?: Record<EchoKind, EchoChild>; targeted: boolean }): Row {
  const { echo, targeted } = options;
  return {
    metric,
    kubefake: `${ms(kf.readyMs)} (prints "ready in ${kf.reportedReadyMs} ms")`,
    express: echo ? ms(echo.express.readyMs) : undefined,
    node: echo ? ms(echo.node.readyMs) : undefined,
    target: targeted ? '≤ 300 ms' : undefined,
    pass: targeted ? kf.readyMs <= 300 : undefined,
  };
}
