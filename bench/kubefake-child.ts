// The server under test: the real `dist/cli.js start` as a child process (LevelDB storage, the
// default), timed from spawn to the first 200 from /readyz.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTracked, stopChild, type TrackedChild } from './children.js';
import { freePort, waitForOutput, waitUntilReady } from './ready-probe.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const READY_TIMEOUT_MS = 30_000;

export interface KubefakeChild {
  process: TrackedChild;
  port: number;
  kubeconfigPath: string;
  /** Spawn to the first 200 from /readyz, as measured by the bench. */
  readyMs: number;
  /** The "ready in N ms" kubefake prints (from its own start, after module loading). */
  reportedReadyMs: number;
  stop(): Promise<number | null>;
}

/** How a server is started: node's arguments for a port and a data dir (it prints what the CLI prints when ready). */
export type ServerCommand = (port: number, dataDir: string) => string[];

const cliStart: ServerCommand = (port, dataDir) => [CLI, 'start', '--port', String(port), '--address', '127.0.0.1', '--data-dir', dataDir];

/** `nodeArgs` go before the script, e.g. `--cpu-prof`. */
export async function startKubefakeChild(dataDir: string, nodeArgs: string[] = [], command: ServerCommand = cliStart): Promise<KubefakeChild> {
  const port = await freePort();
  const start = performance.now();
  const child = spawnTracked([...nodeArgs, ...command(port, dataDir)]);
  try {
    await waitUntilReady(child, { port, method: 'GET', path: '/readyz', status: 200 }, READY_TIMEOUT_MS);
    const readyMs = performance.now() - start;
    const [, reported, kubeconfigPath] = await waitForOutput(child, /ready in (\d+) ms\)\n[\s\S]*export KUBECONFIG=(\S+)/, READY_TIMEOUT_MS);
    return { process: child, port, kubeconfigPath, readyMs, reportedReadyMs: Number(reported), stop: () => stopChild(child) };
  } catch (err) {
    await stopChild(child);
    throw new Error(`kubefake: ${(err as Error).message}`);
  }
}
