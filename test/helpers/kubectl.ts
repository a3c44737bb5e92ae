// Runs the real kubectl against a kubefake server. Tests that need it skip, loudly, only when no
// kubectl can be found.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './kubefake-process.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** $KUBECTL, else the kubectl on PATH, else the pinned one scripts/install-kubectl.sh puts in .tools/. */
function findKubectl(): string | undefined {
  if (process.env.KUBECTL && existsSync(process.env.KUBECTL)) return process.env.KUBECTL;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, 'kubectl');
    if (dir && existsSync(candidate)) return candidate;
  }
  const pinned = join(REPO_ROOT, '.tools', 'kubectl');
  return existsSync(pinned) ? pinned : undefined;
}

export const KUBECTL = findKubectl();

export function skipWithoutKubectl(): string | false {
  if (KUBECTL) return false;
  const message = '\n*** kubectl not found ($KUBECTL, PATH, .tools/kubectl): the kubectl end-to-end tests are SKIPPED (run scripts/install-kubectl.sh) ***\n';
  process.stderr.write(message);
  return message.trim();
}

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface KubectlOptions {
  input?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** Runs `kubectl --kubeconfig <kubeconfig> --cache-dir <cacheDir> <args>` and collects its output. */
export function kubectl(kubeconfig: string, cacheDir: string, args: string[], options: KubectlOptions = {}): Promise<KubectlResult> {
  if (!KUBECTL) throw new Error('kubectl is not available');
  return new Promise((resolve, reject) => {
    const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kubectl ${args.join(' ')} timed out; stdout: ${stdout} stderr: ${stderr}`));
    }, options.timeoutMs ?? 30000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Starts a long-running kubectl (e.g. `get -w`) and returns it with a live view of its output. */
export function kubectlBackground(kubeconfig: string, cacheDir: string, args: string[]): { output(): string; exited(): boolean; stop(): Promise<void> } {
  if (!KUBECTL) throw new Error('kubectl is not available');
  const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  return {
    output: () => out,
    exited: () => child.exitCode !== null,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await closed;
    },
  };
}

/** Polls until check() is true or the time runs out. */
export async function eventually(check: () => boolean, timeoutMs = 10000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
