// dist/cli.js runs the bundle with V8's code cache (src/cli.ts): a start writes the cache when
// there is none, or none made from this bundle, and uses it otherwise; a command that runs no
// server writes none. Runs a copy of dist/ in a package of its own, so the build's cache is left
// alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import https from 'node:https';
import { REPO_ROOT, makeTempDir, removeDir, startKubefakeProcess } from '../helpers/kubefake-process.js';

let root: string;
let cli: string;
let bundle: string;
let cache: string;

/**
 * One start, and one request answered: the cache is written in the turn the server became
 * ready in, so once a request is answered any write has happened.
 */
async function startAndStop(): Promise<void> {
  const server = await startKubefakeProcess({ cli, args: ['--storage', 'memory'] });
  try {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      https.get(`${server.url}/readyz`, { rejectUnauthorized: false, timeout: 10_000 }, (res) => resolve(res.resume().statusCode)).on('error', reject);
    });
    assert.ok(status !== undefined);
  } finally {
    assert.equal(await server.stop(), 0);
    await removeDir(server.dataDir);
  }
}

/** Whether the cache file is sealed (src/cli.ts) for the source compiled: the bundle as it is now, in its wrapper. */
function sealedForBundle(): boolean {
  const file = readFileSync(cache);
  const source = createHash('sha256')
    .update('(function (exports, require, module, __filename, __dirname) {"use strict";')
    .update(readFileSync(bundle))
    .update('\n})')
    .digest();
  return createHash('sha256').update(source).update(file.subarray(32)).digest().equals(file.subarray(0, 32));
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files of the copy's dist/: a cache written aside and not renamed would show here. */
function distFiles(): string[] {
  return readdirSync(join(root, 'dist')).sort();
}

describe('the code cache of dist/cli.js', () => {
  before(async () => {
    root = await makeTempDir('kubefake-code-cache-');
    mkdirSync(join(root, 'dist'));
    for (const file of ['cli.js', 'kubefake.cjs']) copyFileSync(join(REPO_ROOT, 'dist', file), join(root, 'dist', file));
    copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    for (const dir of ['node_modules', 'openapi']) symlinkSync(join(REPO_ROOT, dir), join(root, dir));
    cli = join(root, 'dist', 'cli.js');
    bundle = join(root, 'dist', 'kubefake.cjs');
    cache = `${bundle}.code-cache`;
  });
  after(() => removeDir(root));

  it('is not written by a command that runs no server', async () => {
    const help = runCli(['start', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: kubefake start/);
    const unknown = runCli(['frobnicate']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^kubefake: unknown command "frobnicate"/);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const dataDir = await makeTempDir();
    try {
      const taken = runCli(['start', '--port', String((blocker.address() as { port: number }).port), '--storage', 'memory', '--data-dir', dataDir]);
      assert.equal(taken.status, 1);
      assert.match(taken.stderr, /the port is already in use/);
    } finally {
      blocker.close();
      await removeDir(dataDir);
    }
    assert.deepEqual(distFiles(), ['cli.js', 'kubefake.cjs']);
  });

  it('a start that cannot write it runs without it and leaves nothing behind', async () => {
    mkdirSync(cache);
    try {
      await startAndStop();
      assert.deepEqual(distFiles(), ['cli.js', 'kubefake.cjs', 'kubefake.cjs.code-cache']);
      assert.ok(statSync(cache).isDirectory());
    } finally {
      rmdirSync(cache);
    }
  });

  it('is written by the first start, sealed for the bundle, and used as it is by the next', async () => {
    assert.equal(existsSync(cache), false);
    await startAndStop();
    assert.ok(sealedForBundle());
    assert.ok(statSync(cache).size > 100_000, 'the cache holds the compiled start');
    const written = readFileSync(cache);
    await startAndStop();
    assert.deepEqual(readFileSync(cache), written, 'an accepted cache is not written again');
  });

  it('is made again for a changed bundle of the same length, which V8 alone would take the old cache for', async () => {
    const text = readFileSync(bundle, 'latin1');
    const at = text.indexOf('Usage: kubefake start');
    assert.ok(at > 0);
    writeFileSync(bundle, `${text.slice(0, at)}usage${text.slice(at + 5)}`, 'latin1');
    assert.equal(sealedForBundle(), false);
    await startAndStop();
    assert.ok(sealedForBundle());
  });

  it('a damaged cache is passed over and replaced', async () => {
    const damaged = readFileSync(cache);
    damaged.fill(7, 32 + 64, 32 + 4096);
    writeFileSync(cache, damaged);
    await startAndStop();
    assert.notDeepEqual(readFileSync(cache), damaged);
    assert.ok(sealedForBundle());
  });

  it('starts racing to write it leave one whole cache', async () => {
    rmSync(cache);
    await Promise.all([startAndStop(), startAndStop(), startAndStop()]);
    assert.ok(sealedForBundle());
    assert.deepEqual(distFiles(), ['cli.js', 'kubefake.cjs', 'kubefake.cjs.code-cache']);
  });
});
