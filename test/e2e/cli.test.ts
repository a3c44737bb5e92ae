// The `kubefake` command line as a user meets it: help, clear failures, /readyz.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import https from 'node:https';
import { CLI, makeTempDir, removeDir, startKubefakeProcess } from '../helpers/kubefake-process.js';

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kubefake CLI', () => {
  it('prints help', () => {
    const r = runCli(['start', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: kubefake start \[options\]$/m);
    for (const flag of ['--port', '--address', '--data-dir', '--kubeconfig', '--storage']) assert.ok(r.stdout.includes(flag), flag);
  });

  it('refuses unknown flags and bad values with a clear message', () => {
    const unknown = runCli(['start', '--bogus']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /kubefake: Unknown option '--bogus'/);
    const storage = runCli(['start', '--storage', 'etcd9']);
    assert.equal(storage.status, 1);
    assert.match(storage.stderr, /--storage must be level or memory, got "etcd9"/);
    const port = runCli(['start', '--port', 'http']);
    assert.equal(port.status, 1);
    assert.match(port.stderr, /--port must be a number from 0 to 65535, got "http"/);
  });

  it('exits non-zero when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = await makeTempDir();
    try {
      const r = runCli(['start', '--port', String(port), '--data-dir', dataDir]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`kubefake: cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
    } finally {
      blocker.close();
      await removeDir(dataDir);
    }
  });

  it('stops cleanly on Ctrl-C sent the moment the ready line appears', async () => {
    for (let i = 0; i < 5; i++) {
      const server = await startKubefakeProcess({ args: ['--storage', 'memory'] });
      try {
        assert.equal(await server.stop(), 0, `start ${i}: ${server.stderr()}`);
      } finally {
        await removeDir(server.dataDir);
      }
    }
  });

  it('exits non-zero when the data dir is unusable', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'not-a-dir');
    await writeFile(file, 'x');
    try {
      const r = runCli(['start', '--port', '0', '--data-dir', file]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /kubefake: cannot use data dir .*not-a-dir/);
    } finally {
      await removeDir(dir);
    }
  });

  it('exits non-zero, not hanging, when no directory can be made where a data dir, cert dir or kubeconfig is asked for', { skip: !existsSync('/proc/self') && 'needs Linux /proc' }, async () => {
    const dir = await makeTempDir();
    try {
      const data = runCli(['start', '--port', '0', '--data-dir', '/proc/kubefake-e2e/data']);
      assert.equal(data.status, 1, data.stderr);
      assert.match(data.stderr, /^kubefake: cannot use data dir \/proc\/kubefake-e2e\/data: ENOENT/);
      const certs = runCli(['start', '--port', '0', '--data-dir', dir, '--cert-dir', '/proc/kubefake-e2e/certs']);
      assert.equal(certs.status, 1, certs.stderr);
      assert.match(certs.stderr, /\/proc\/kubefake-e2e\/certs/);
      const server = await startKubefakeProcess({ dataDir: dir });
      assert.equal(await server.stop(), 0);
      const kubeconfig = runCli(['kubeconfig', '--user', 'bob', '--data-dir', dir, '--out', '/proc/kubefake-e2e/kc']);
      assert.equal(kubeconfig.status, 1, kubeconfig.stderr);
      assert.equal(kubeconfig.stderr, "kubefake: cannot write the kubeconfig /proc/kubefake-e2e/kc: ENOENT: no such file or directory, mkdir '/proc/kubefake-e2e'\n");
      const admin = runCli(['start', '--port', '0', '--data-dir', dir, '--kubeconfig', '/proc/kubefake-e2e/admin']);
      assert.equal(admin.status, 1, admin.stderr);
      assert.match(admin.stderr, /^kubefake: cannot write the kubeconfig \/proc\/kubefake-e2e\/admin: ENOENT/);
    } finally {
      await removeDir(dir);
    }
  });

  it('answers /readyz and /version anonymously; anonymous is forbidden elsewhere, a bad token unauthorized', async () => {
    const server = await startKubefakeProcess({ args: ['--storage', 'memory'] });
    const get = (path: string, headers: Record<string, string> = {}): Promise<{ code: number; body: string }> =>
      new Promise((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', port: server.port, path, headers, rejectUnauthorized: false }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    try {
      assert.deepEqual(await get('/readyz'), { code: 200, body: 'ok' });
      assert.equal(JSON.parse((await get('/version')).body).gitVersion.startsWith('v1.32.'), true);
      const anonymous = await get('/api/v1/pods');
      assert.equal(anonymous.code, 403);
      assert.equal(JSON.parse(anonymous.body).message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" at the cluster scope');
      const denied = await get('/api/v1/pods', { Authorization: 'Bearer not-a-token' });
      assert.equal(denied.code, 401);
      assert.deepEqual(JSON.parse(denied.body), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    } finally {
      await server.stop();
      await removeDir(server.dataDir);
    }
  });
});
