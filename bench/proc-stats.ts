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
