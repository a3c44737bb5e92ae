// Child processes and temp dirs the bench creates, so every one of them is cleaned up by pid and by
// path: after the run, on an error, and on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export interface TrackedChild {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

export function spawnTracked(args: string[], env: NodeJS.ProcessEnv = process.env): TrackedChild {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  if (child.pid === undefined) throw new Error(`could not spawn node ${args.join(' ')}`);
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, pid: child.pid, stdout: () => out, stderr: () => err, exited };
}

/** SIGINT (so a --cpu-prof child writes its profile), then SIGKILL after `graceMs`. */
export async function stopChild(tracked: TrackedChild, graceMs = 10_000): Promise<number | null> {
  if (tracked.child.exitCode !== null || tracked.child.signalCode !== null) return tracked.exited;
  process.kill(tracked.pid, 'SIGINT');
  const timer = setTimeout(() => killPid(tracked.pid), graceMs);
  const code = await tracked.exited;
  clearTimeout(timer);
  return code;
}

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Synchronous, so it also works from a signal handler: kills what is left and removes temp dirs. */
export function cleanupAll(): void {
  for (const child of children) if (child.pid !== undefined) killPid(child.pid);
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

export function cleanupOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
      cleanupAll();
      process.exit(130);
    });
  }
}
