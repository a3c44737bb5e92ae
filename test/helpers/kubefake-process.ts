// Starts the real `dist/cli.js start` as a user would, on a random port with a temp data dir,
// and stops it by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');

export interface KubefakeProcess {
  url: string;
  port: number;
  kubeconfig: string;
  dataDir: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends SIGINT and waits for the exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  dataDir?: string;
  args?: string[];
  timeoutMs?: number;
  /** Another copy of dist/cli.js to run. */
  cli?: string;
}

export async function makeTempDir(prefix = 'kubefake-e2e-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function startKubefakeProcess(options: StartOptions = {}): Promise<KubefakeProcess> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const child = spawn(process.execPath, [options.cli ?? CLI, 'start', '--port', '0', '--address', '127.0.0.1', '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`kubefake did not start within ${options.timeoutMs ?? 15000} ms: ${err}`)), options.timeoutMs ?? 15000);
    const check = (): void => {
      const m = /listening on (https:\/\/\S+)/.exec(out);
      if (m && out.includes('export KUBECONFIG=')) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`kubefake exited with ${code} before it was ready: ${err}`));
    });
  });
  const kubeconfig = /export KUBECONFIG=(\S+)/.exec(out)![1];
  return {
    url,
    port: Number(new URL(url).port),
    kubeconfig,
    dataDir,
    child,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
