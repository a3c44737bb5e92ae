// Memory and CPU of a process, read from /proc (Linux).
import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux ABI node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return (Number(m[1]) * 1024) / 1e6;
}

/** Resident set size in MB (10^6 bytes). */
export function rssMB(pid: number): number {
  return statusField(pid, 'VmRSS');
}

/** Peak resident set size in MB (10^6 bytes). */
export function peakRssMB(pid: number): number {
  return statusField(pid, 'VmHWM');
}

/** User + system CPU time of all the process's threads, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after its closing paren are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface SettledRss {
  mb: number;
  /** Seconds of idleness it took. */
  seconds: number;
}

/**
 * RSS once a process has given back what a burst of work left it: V8 shrinks its heap on its own
 * schedule (its memory reducer runs a memory-reducing GC some seconds after allocation stops), so
 * this samples every second until RSS has fallen by at least 5% and held within 1 MB for two
 * seconds, or `maxSeconds` pass (then the last sample is the answer).
 */
export async function settledRssMB(pid: number, maxSeconds = 40): Promise<SettledRss> {
  const burst = rssMB(pid);
  const samples = [burst];
  for (let seconds = 1; seconds <= maxSeconds; seconds++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    samples.push(rssMB(pid));
    const [a, b, c] = samples.slice(-3);
    if (samples.length >= 3 && c < burst * 0.95 && Math.max(a, b, c) - Math.min(a, b, c) <= 1) return { mb: c, seconds };
  }
  return { mb: samples[samples.length - 1], seconds: maxSeconds };
}
