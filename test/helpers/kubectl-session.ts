// One real `kubefake start` process and a kubectl pointed at it, for a describe block: the
// process, a private kubectl cache dir and a dir for manifests are made before its tests and
// removed after, and the helpers below run kubectl against it.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeDir, startKubefakeProcess, type KubefakeProcess } from './kubefake-process.js';
import { kubectl, type KubectlOptions, type KubectlResult } from './kubectl.js';

export interface KubectlSession {
  readonly server: KubefakeProcess;
  readonly cacheDir: string;
  readonly workDir: string;
  /** kubectl with these arguments, whatever its exit code. */
  k(...args: string[]): Promise<KubectlResult>;
  /** kubectl that must succeed; its stdout. */
  ok(...args: string[]): Promise<string>;
  /** kubectl that must fail with exit code 1; its stderr. */
  fails(...args: string[]): Promise<string>;
  /** `kubectl <args> -o json`, parsed. */
  json(...args: string[]): Promise<Record<string, any>>;
  /** kubectl with extra options (stdin, environment). */
  run(args: string[], options: KubectlOptions): Promise<KubectlResult>;
  /** Writes a manifest into the work dir and returns its path. */
  manifest(name: string, text: string): Promise<string>;
}

/** Registers the before/after hooks of the calling describe block and returns its session. */
export function useKubectlSession(serverArgs: string[] = ['--storage', 'memory']): KubectlSession {
  let server: KubefakeProcess | undefined;
  let cacheDir = '';
  let workDir = '';
  before(async () => {
    server = await startKubefakeProcess({ args: serverArgs });
    cacheDir = await makeTempDir('kubefake-kubectl-cache-');
    workDir = await makeTempDir('kubefake-manifests-');
  });
  after(async () => {
    if (server) {
      const code = await server.stop();
      assert.equal(code, 0, `kubefake did not exit cleanly: ${server.stderr()}`);
      await removeDir(server.dataDir);
    }
    await Promise.all([removeDir(cacheDir), removeDir(workDir)]);
  });
  const started = (): KubefakeProcess => {
    if (!server) throw new Error('the kubefake session has not started');
    return server;
  };
  const session: KubectlSession = {
    get server() {
      return started();
    },
    get cacheDir() {
      return cacheDir;
    },
    get workDir() {
      return workDir;
    },
    k: (...args) => kubectl(started().kubeconfig, cacheDir, args),
    run: (args, options) => kubectl(started().kubeconfig, cacheDir, args, options),
    async ok(...args) {
      const r = await session.k(...args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    },
    async fails(...args) {
      const r = await session.k(...args);
      assert.equal(r.code, 1, `kubectl ${args.join(' ')} should fail: ${r.stdout}`);
      return r.stderr;
    },
    json: async (...args) => JSON.parse(await session.ok(...args, '-o', 'json')) as Record<string, any>,
    async manifest(name, text) {
      const file = join(workDir, name);
      await writeFile(file, text);
      return file;
    },
  };
  return session;
}
