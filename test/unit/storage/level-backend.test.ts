import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LevelBackend } from '../../../src/storage/level-backend.js';
import { joinedJSON, type JSONBytes } from '../../../src/storage/json-bytes.js';
import type { KVEvent } from '../../../src/storage/interfaces.js';
import { runBackendConformance } from './conformance.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kubefake-level-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: JSONBytes): string => new TextDecoder().decode(joinedJSON(b));

runBackendConformance('level', async () => LevelBackend.open(await tempDir()));
runBackendConformance('level (sync)', async () => LevelBackend.open(await tempDir(), { sync: true }));

describe('level backend', () => {
  it('writes a value given in parts as their concatenation, and hands watchers the parts', async () => {
    const dir = await tempDir();
    const backend = await LevelBackend.open(dir);
    const parts = [enc('{"a":'), enc('[1,2]'), enc('}')];
    const events: KVEvent[] = [];
    const stop = backend.watch('/r/', 0, (e) => events.push(e));
    const rev = await backend.txn('/r/a', { put: { unrevisioned: enc('unused'), at: () => parts } }, 0);
    stop();
    assert.equal(events.length, 1);
    assert.equal(events[0].type === 'put' && events[0].kv.value, parts);
    await backend.close();
    const reopened = await LevelBackend.open(dir);
    const { kvs } = await reopened.range('/r/');
    assert.deepEqual(kvs.map((kv) => [kv.key, dec(kv.value), kv.modRevision]), [['/r/a', '{"a":[1,2]}', rev]]);
    await reopened.close();
  });

  it('keeps keys, values and revisions across a restart, and the counter continues', async () => {
    const dir = await tempDir();
    const first = await LevelBackend.open(dir);
    const a = await first.txn('/r/a', { put: enc('a1') }, 0);
    const b = await first.txn('/r/b', { put: enc('b1') }, 0);
    const a2 = await first.txn('/r/a', { put: enc('a2') }, a);
    const c = await first.txn('/r/c', { put: enc('c1') }, 0);
    const gone = await first.txn('/r/c', { delete: true }, c);
    const before = await first.range('/r/');
    await first.close();

    const second = await LevelBackend.open(dir);
    const afterRestart = await second.range('/r/');
    assert.deepEqual(afterRestart, before);
    assert.equal(afterRestart.rev, gone);
    assert.deepEqual(afterRestart.kvs.map((kv) => [kv.key, dec(kv.value), kv.modRevision, kv.createRevision]), [
      ['/r/a', 'a2', a2, a],
      ['/r/b', 'b1', b, b],
    ]);
    assert.equal(await second.txn('/r/c', { put: enc('c2') }, 0), gone + 1);
    await assert.rejects(second.txn('/r/a', { put: enc('x') }, a), /Conflict/);
    await second.close();
  });

  it('a watch from before the restart gets onError; one from the open revision streams', async () => {
    const dir = await tempDir();
    const first = await LevelBackend.open(dir);
    const r1 = await first.txn('/r/a', { put: enc('1') }, 0);
    const r2 = await first.txn('/r/a', { put: enc('2') }, r1);
    await first.close();
    const second = await LevelBackend.open(dir);
    const errors: Error[] = [];
    second.watch('/r/', r1, () => assert.fail('no replay expected'), (err) => errors.push(err));
    assert.equal(errors.length, 1);
    const seen: number[] = [];
    second.watch('/r/', r2, (e) => seen.push(e.type === 'put' ? e.kv.modRevision : e.modRevision));
    const r3 = await second.txn('/r/a', { delete: true }, r2);
    assert.deepEqual(seen, [r3]);
    await second.close();
  });

  it('a second open of the same dir in this process fails clearly', async () => {
    const dir = await tempDir();
    const first = await LevelBackend.open(dir);
    await assert.rejects(LevelBackend.open(dir), /data dir .* is in use/);
    await first.close();
    const again = await LevelBackend.open(dir);
    await again.close();
  });

  it('a second process opening the same dir fails clearly', async () => {
    const dir = await tempDir();
    const first = await LevelBackend.open(dir);
    const moduleUrl = new URL('../../../src/storage/level-backend.ts', import.meta.url).href;
    const script = `import(${JSON.stringify(moduleUrl)}).then((m) => m.LevelBackend.open(${JSON.stringify(dir)})).then(
      () => { console.log('opened'); process.exit(0); }, (e) => { console.log(e.message); process.exit(3); })`;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      timeout: 20_000,
    });
    await assert.rejects(run, (err: { code?: number; stdout?: string }) => {
      assert.equal(err.code, 3);
      assert.match(err.stdout ?? '', /data dir .* is in use/);
      return true;
    });
    await first.close();
  });

  it('group commit: txns queued during a batch all commit, in order', async () => {
    const b = await LevelBackend.open(await tempDir());
    const { rev } = await b.range('/g/');
    const order: number[] = [];
    b.watch('/g/', rev, (e) => order.push(e.type === 'put' ? e.kv.modRevision : e.modRevision));
    const first = b.txn('/g/first', { put: enc('x') }, 0);
    const rest = Array.from({ length: 100 }, (_, i) => b.txn(`/g/${i}`, { put: enc(String(i)) }, 0));
    const revs = await Promise.all([first, ...rest]);
    assert.deepEqual(order, revs);
    const ranged = b.range('/g/');
    const late = await b.txn('/g/late', { put: enc('y') }, 0);
    assert.equal((await ranged).rev, revs[revs.length - 1]);
    assert.equal((await b.range('/g/')).rev, late);
    await b.close();
  });

  it('refuses txns after close and lets queued ones finish', async () => {
    const b = await LevelBackend.open(await tempDir());
    const pending = b.txn('/q/a', { put: enc('x') }, 0);
    const closing = b.close();
    assert.ok((await pending) > 1);
    await closing;
    await assert.rejects(b.txn('/q/b', { put: enc('y') }, 0), /closed/);
  });
});
