// Concurrent write load: `concurrency` workers share a counter and send body(i) (a POST unless
// told otherwise) until `count` requests are done or the deadline passes; the target's CPU time is
// read around the run.
import { send, type Target } from './client.js';
import { cpuMs } from './proc-stats.js';

export interface LoadOptions {
  /** One path for every request, or the path of request i. */
  path: string | ((i: number) => string);
  /** POST when absent. */
  method?: string;
  headers?: Record<string, string>;
  count: number;
  concurrency: number;
  deadlineMs: number;
  body(i: number): string;
  /** The status a successful request answers with. */
  expectStatus: number;
}

export interface LoadResult {
  done: number;
  failed: number;
  firstFailure?: string;
  seconds: number;
  /** Server CPU time (user + system, all threads) over the run. */
  serverCpuMs: number;
}

export const rate = (r: LoadResult): number => r.done / r.seconds;

/** Server CPU per successful request, microseconds. */
export const cpuPerRequestUs = (r: LoadResult): number => (r.serverCpuMs * 1000) / Math.max(1, r.done);

/** Several runs as one: counts, times and CPU added up. */
export function combine(runs: readonly LoadResult[]): LoadResult {
  return {
    done: runs.reduce((n, r) => n + r.done, 0),
    failed: runs.reduce((n, r) => n + r.failed, 0),
    firstFailure: runs.find((r) => r.firstFailure)?.firstFailure,
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
    serverCpuMs: runs.reduce((n, r) => n + r.serverCpuMs, 0),
  };
}

export async function postLoad(to: Target, serverPid: number, options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  let done = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const deadline = performance.now() + options.deadlineMs;
  const worker = async (): Promise<void> => {
    while (next < options.count && performance.now() < deadline) {
      const i = next++;
      const path = typeof options.path === 'string' ? options.path : options.path(i);
      const res = await send(to, options.method ?? 'POST', path, { body: options.body(i), headers: options.headers });
      if (res.status === options.expectStatus) done++;
      else {
        failed++;
        firstFailure ??= `${res.status} ${res.body.toString('utf8').slice(0, 200)}`;
      }
    }
  };
  const cpuBefore = cpuMs(serverPid);
  const start = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { done, failed, firstFailure, seconds, serverCpuMs: cpuMs(serverPid) - cpuBefore };
}
