// Starts a baseline echo server (echo-server.ts) as a child process with plain node, timed from
// spawn to its first answer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { spawnTracked, stopChild, type TrackedChild } from './children.js';
import { freePort, waitUntilReady } from './ready-probe.js';
import { REPO_ROOT } from './kubefake-child.js';
import { podJSON } from './pod.js';

export type EchoKind = 'express' | 'node';

export interface EchoChild {
  process: TrackedChild;
  port: number;
  readyMs: number;
  stop(): Promise<number | null>;
}

/** Writes echo-server.ts as CommonJS into `dir`, so the child runs without a TypeScript loader. */
export function buildEchoServer(dir: string): string {
  const source = readFileSync(new URL('./echo-server.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const script = join(dir, 'echo-server.cjs');
  writeFileSync(script, outputText);
  return script;
}

export async function startEchoChild(script: string, kind: EchoKind, certDir: string): Promise<EchoChild> {
  const port = await freePort();
  const start = performance.now();
  // NODE_PATH lets the script, which lives in a temp dir, require the repo's express.
  const child = spawnTracked([script, kind, certDir, String(port)], { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules') });
  try {
    await waitUntilReady(child, { port, method: 'POST', path: '/', request: { body: podJSON('probe') }, status: 201 }, 10_000);
  } catch (err) {
    await stopChild(child);
    throw new Error(`${kind} echo: ${(err as Error).message}`);
  }
  return { process: child, port, readyMs: performance.now() - start, stop: () => stopChild(child) };
}
