// dist/cli.js runs the bundle with V8's code cache (src/cli.ts): a start writes the cache when
// there is none, or none made from this bundle, and uses it otherwise. Runs a copy of dist/ in a
// package of its own, so the build's cache is left alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Whether the cache file is sealed (src/cli.ts) for the bundle as it is now. */
function sealedForBundle(): boolean {
  const file = readFileSync(cache);
  const bundleDigest = createHash('sha256').update(readFileSync(bundle)).digest();
  return createHash('sha256').update(bundleDigest).update(file.subarray(32)).digest().equals(file.subarray(0, 32));
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
});
