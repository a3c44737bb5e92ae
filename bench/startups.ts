// Start-to-ready time: each kind of start repeated a few times (the machine is shared, one sample
// is noisy) and reported as the median, next to the echo baselines started the same way.
import { startKubefakeChild } from './kubefake-child.js';
import { startEchoChild, type EchoKind } from './echo-child.js';
import { median, minimum } from './stats.js';
import { ms, type Row } from './report.js';

export const STARTS = 3;
const TARGET_MS = 300;

export interface Startup {
  /** Spawn to the first 200 from /readyz, measured by the bench. */
  readyMs: number;
  /** The "ready in N ms" kubefake prints (from its own start, after module loading). */
  reportedReadyMs: number;
}

/** Starts and stops kubefake once per data dir, in order. */
export async function timeKubefakeStarts(dataDirs: readonly string[]): Promise<Startup[]> {
  const starts: Startup[] = [];
  for (const dir of dataDirs) {
    const kubefake = await startKubefakeChild(dir);
    await kubefake.stop();
    starts.push({ readyMs: kubefake.readyMs, reportedReadyMs: kubefake.reportedReadyMs });
  }
  return starts;
}

/** Median spawn-to-first-201 time of an echo server over STARTS starts. */
export async function timeEchoStarts(script: string, kind: EchoKind, certDir: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const echo = await startEchoChild(script, kind, certDir);
    await echo.stop();
    times.push(echo.readyMs);
  }
  return median(times);
}

export interface ReadyRowOptions {
  /** The echoes' median start, shown beside the cold start. */
  echo?: Record<EchoKind, number>;
  targeted: boolean;
}

export function readyRow(metric: string, starts: readonly Startup[], { echo, targeted }: ReadyRowOptions): Row {
  const readyMs = median(starts.map((s) => s.readyMs));
  const reported = median(starts.map((s) => s.reportedReadyMs));
  return {
    metric: starts.length > 1 ? `${metric}, median of ${starts.length}` : metric,
    kubefake: `${ms(readyMs)}${starts.length > 1 ? ` (min ${ms(minimum(starts.map((s) => s.readyMs)))})` : ''}; prints "ready in ${reported} ms"`,
    express: echo ? ms(echo.express) : undefined,
    node: echo ? ms(echo.node) : undefined,
    target: targeted ? `≤ ${TARGET_MS} ms` : undefined,
    pass: targeted ? readyMs <= TARGET_MS : undefined,
  };
}
