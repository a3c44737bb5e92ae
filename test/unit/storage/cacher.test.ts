import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../../src/api/types.js';
import { StatusError } from '../../../src/api/errors.js';
import { StorageError, type Backend, type StoredEvent } from '../../../src/storage/interfaces.js';
import { Cacher } from '../../../src/storage/cacher.js';
import { MemoryBackend } from '../../../src/storage/memory-backend.js';
import { openStorage } from '../../../src/storage/index.js';
import { joinedJSON, type JSONBytes } from '../../../src/storage/json-bytes.js';

const parsed = (json: JSONBytes | undefined): KubeObject => JSON.parse(new TextDecoder().decode(joinedJSON(json ?? new Uint8Array())));

const dirs: string[] = [];
after(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function pod(namespace: string, name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: `uid-${name}`, labels: { app: name } }, ...extra };
}
const podKey = (ns: string, name: string) => `/registry/pods/${ns}/${name}`;
const rv = (o: KubeObject | undefined) => Number(o?.metadata.resourceVersion);
const summary = (e: StoredEvent) => `${e.type} ${e.key}@${e.revision} rv=${e.current.object.metadata.resourceVersion}`;

async function withCacher(body: (c: Cacher, backend: MemoryBackend) => Promise<void>, ringSize?: number): Promise<void> {
  const backend = new MemoryBackend();
  const cacher = await Cacher.start(backend, { eventRingSize: ringSize });
  try {
    await body(cacher, backend);
  } finally {
    await cacher.close();
  }
}

describe('cacher: encoding', () => {
  it('stores objects with the revision of their write as resourceVersion and hands them out so, in Go field order', () =>
    withCacher(async (c, backend) => {
      const input = pod('ns', 'a');
      input.metadata = { name: 'a', namespace: 'ns', uid: 'u1', resourceVersion: '999', labels: { x: 'y' } };
      const stored = await c.create(podKey('ns', 'a'), input);
      const [kv] = (await backend.range(podKey('ns', 'a'))).kvs;
      const raw = parsed(kv.value);
      assert.equal(raw.metadata.resourceVersion, String(kv.modRevision));
      assert.equal(stored.metadata.resourceVersion, String(kv.modRevision));
      assert.deepEqual(Object.keys(stored.metadata), ['name', 'namespace', 'uid', 'resourceVersion', 'labels']);
      assert.equal(input.metadata.resourceVersion, '999', 'the input object is not mutated');
    }));

  it('with a backend that cannot know revisions before committing (etcd), stores objects without resourceVersion', async () => {
    const inner = new MemoryBackend();
    const unrevisioned: Backend = {
      txn: (key, op, expected) => inner.txn(key, op.put && !(op.put instanceof Uint8Array) ? { put: op.put.unrevisioned } : op, expected),
      range: (prefix) => inner.range(prefix),
      watch: (prefix, from, onEvent, onError) => inner.watch(prefix, from, onEvent, onError),
      close: () => inner.close(),
    };
    const c = await Cacher.start(unrevisioned);
    try {
      const created = await c.create(podKey('ns', 'a'), pod('ns', 'a'));
      const [kv] = (await inner.range(podKey('ns', 'a'))).kvs;
      assert.equal('resourceVersion' in (parsed(kv.value)).metadata, false);
      assert.equal(created.metadata.resourceVersion, String(kv.modRevision));
      const [version] = c.versions(podKey('ns', 'a')).items;
      assert.deepEqual(parsed(version.json), created, 'the cache serves the object with its resourceVersion');
    } finally {
      await c.close();
    }
  });

  it('decodes what is already in the backend at start, with resourceVersion = modRevision', async () => {
    const backend = new MemoryBackend();
    const enc = (o: KubeObject) => new TextEncoder().encode(JSON.stringify(o));
    const rb = await backend.txn(podKey('ns', 'b'), { put: enc(pod('ns', 'b')) }, 0);
    const ra = await backend.txn(podKey('ns', 'a'), { put: enc(pod('ns', 'a')) }, 0);
    const rOther = await backend.txn('/other/x', { put: enc(pod('ns', 'x')) }, 0);
    const c = await Cacher.start(backend);
    const { items, revision } = c.list('/registry/pods/');
    assert.deepEqual(items.map((o) => [o.metadata.name, rv(o)]), [['a', ra], ['b', rb]]);
    assert.equal(revision, rOther, 'the list is consistent with the backend revision it was read at');
    assert.equal(c.get('/other/x'), undefined);
    await c.close();
  });
});

describe('cacher: reads and writes', () => {
  it('read-your-writes for create, update and delete; storage errors propagate', () =>
    withCacher(async (c) => {
      const key = podKey('ns', 'a');
      const created = await c.create(key, pod('ns', 'a'));
      assert.equal(c.get(key), created);
      assert.equal(c.revision, rv(created));
      await assert.rejects(c.create(key, pod('ns', 'a')), (e) => e instanceof StorageError && e.code === 'KeyExists');
      const updated = await c.update(key, { ...created, spec: { n: 1 } }, rv(created));
      assert.deepEqual([c.get(key), updated.spec], [updated, { n: 1 }]);
      await assert.rejects(c.update(key, created, rv(created)), (e) => e instanceof StorageError && e.code === 'Conflict' && e.currentRev === rv(updated));
      assert.equal(created.metadata.resourceVersion, String(rv(created)), 'handed-out objects are never mutated');
      const deleted = await c.delete(key, rv(updated));
      assert.equal(c.get(key), undefined);
      assert.equal(rv(deleted), c.revision);
      assert.deepEqual(deleted.spec, { n: 1 });
      await assert.rejects(c.delete(key, 'any'), (e) => e instanceof StorageError && e.code === 'KeyNotFound');
      await assert.rejects(c.create('/elsewhere/x', pod('ns', 'x')), /outside the cached prefix/);
    }));

  it('write results are right even when the ring has already moved past them', () =>
    withCacher(async (c) => {
      const [a, b] = await Promise.all([c.create(podKey('ns', 'a'), pod('ns', 'a')), c.create(podKey('ns', 'b'), pod('ns', 'b'))]);
      assert.deepEqual(a, c.get(podKey('ns', 'a')));
      assert.deepEqual(b, c.get(podKey('ns', 'b')));
      const [da, db] = await Promise.all([c.delete(podKey('ns', 'a'), rv(a)), c.delete(podKey('ns', 'b'), rv(b))]);
      assert.deepEqual([da.metadata.name, db.metadata.name], ['a', 'b']);
      assert.deepEqual([rv(da) + 1, rv(db)], [c.revision, c.revision]);
    }, 1));

  it('versions are sorted by key and isolated by prefix, for 10,000 objects', () =>
    withCacher(async (c) => {
      const names = Array.from({ length: 10_000 }, (_, i) => `p${String((i * 7919) % 10_000).padStart(5, '0')}`);
      await Promise.all(names.map((n) => c.create(podKey('big', n), pod('big', n))));
      await c.create('/registry/podsx/big/zz', pod('big', 'zz'));
      await c.create('/registry/pods/bigger/a', pod('bigger', 'a'));
      const { items, revision } = c.versions('/registry/pods/big/');
      assert.equal(items.length, 10_000);
      assert.deepEqual(items.map((v) => v.key), [...names].sort().map((n) => podKey('big', n)));
      assert.equal(revision, c.revision);
      assert.equal(c.list('/registry/pods/').items.length, 10_001);
    }));
});

describe('cacher: watch', () => {
  it('replays buffered events after fromRevision, then live ones, filtered by prefix', () =>
    withCacher(async (c) => {
      const a1 = await c.create(podKey('a', 'one'), pod('a', 'one'));
      await c.create(podKey('b', 'one'), pod('b', 'one'));
      const a2 = await c.create(podKey('a', 'two'), pod('a', 'two'));
      await c.create('/registry/podsx/a/three', pod('a', 'three'));
      const seen: StoredEvent[] = [];
      const w = c.watch('/registry/pods/a/', rv(a1) - 1, (e) => seen.push(e));
      assert.deepEqual(seen.map(summary), [`ADDED ${podKey('a', 'one')}@${rv(a1)} rv=${rv(a1)}`, `ADDED ${podKey('a', 'two')}@${rv(a2)} rv=${rv(a2)}`]);
      const a1b = await c.update(podKey('a', 'one'), a1, rv(a1));
      await c.create(podKey('b', 'two'), pod('b', 'two'));
      assert.deepEqual(seen.slice(2).map(summary), [`MODIFIED ${podKey('a', 'one')}@${rv(a1b)} rv=${rv(a1b)}`]);
      assert.equal(seen[2].previous?.object, a1);
      w.stop();
      await c.create(podKey('a', 'four'), pod('a', 'four'));
      assert.equal(seen.length, 3);
    }));

  it('DELETED carries the last state with the delete revision', () =>
    withCacher(async (c) => {
      const obj = await c.create(podKey('ns', 'a'), pod('ns', 'a', { spec: { v: 1 } }));
      const seen: StoredEvent[] = [];
      c.watch('/registry/pods/', c.revision, (e) => seen.push(e));
      await c.delete(podKey('ns', 'a'), 'any');
      assert.equal(seen.length, 1);
      const [e] = seen;
      assert.equal(e.type, 'DELETED');
      assert.equal(e.revision, c.revision);
      assert.equal(rv(e.current.object), c.revision);
      assert.deepEqual(e.current.object.spec, { v: 1 });
      assert.equal(e.previous?.object, obj);
    }));

  it('answers 410 Expired for revisions older than the ring', () =>
    withCacher(async (c) => {
      const start = c.revision;
      const revs: number[] = [];
      for (let i = 0; i < 5; i++) revs.push(rv(await c.create(podKey('ns', `p${i}`), pod('ns', `p${i}`))));
      assert.equal(c.oldestWatchableRevision, revs[3]);
      assert.throws(
        () => c.watch('/registry/', start, () => {}),
        (e: unknown) => {
          assert.ok(e instanceof StatusError);
          assert.deepEqual([e.code, e.reason, e.message], [410, 'Expired', `too old resource version: ${start} (${revs[2]})`]);
          return true;
        },
      );
      const seen: number[] = [];
      c.watch('/registry/', revs[2], (e) => seen.push(e.revision)).stop();
      assert.deepEqual(seen, [revs[3], revs[4]]);
    }, 2));

  it('a watcher that throws is stopped and the others keep receiving', () =>
    withCacher(async (c) => {
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      const good: number[] = [];
      c.watch('/registry/', c.revision, () => {
        throw new Error('boom');
      });
      c.watch('/registry/', c.revision, (e) => good.push(e.revision));
      await c.create(podKey('ns', 'a'), pod('ns', 'a'));
      await c.create(podKey('ns', 'b'), pod('ns', 'b'));
      await new Promise((r) => setImmediate(r));
      process.off('warning', onWarning);
      assert.equal(good.length, 2);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /boom/);
    }));
});

describe('cacher: waitForRevision', () => {
  it('resolves when caught up or once the revision arrives, rejects after the timeout', () =>
    withCacher(async (c) => {
      await c.waitForRevision(c.revision, 10);
      const next = c.waitForRevision(c.revision + 1, 5_000);
      await c.create(podKey('ns', 'a'), pod('ns', 'a'));
      await next;
      await assert.rejects(c.waitForRevision(c.revision + 5, 20), /timed out after 20ms waiting for revision/);
    }));
});

describe('cacher on LevelDB (openStorage)', () => {
  it('concurrent writes each return their own object; a restart keeps objects and resourceVersions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubefake-cacher-'));
    dirs.push(dir);
    const first = await openStorage({ kind: 'level', dir });
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => first.create(podKey('ns', `p${i}`), pod('ns', `p${i}`))));
    for (const [i, obj] of created.entries()) {
      assert.equal(obj.metadata.name, `p${i}`);
      assert.deepEqual(first.get(podKey('ns', `p${i}`)), obj);
    }
    assert.equal(new Set(created.map(rv)).size, 50);
    const updated = await first.update(podKey('ns', 'p0'), created[0], rv(created[0]));
    const before = first.list('/registry/pods/');
    await first.close();

    const second = await openStorage({ kind: 'level', dir });
    const afterRestart = second.list('/registry/pods/');
    assert.deepEqual(afterRestart, before);
    assert.equal(rv(second.get(podKey('ns', 'p0'))), rv(updated));
    const next = await second.create(podKey('ns', 'new'), pod('ns', 'new'));
    assert.equal(rv(next), before.revision + 1);
    await second.close();
  });

  it('openStorage memory works and level without a dir is refused', async () => {
    const s = await openStorage({ kind: 'memory', eventRingSize: 3 });
    await s.create(podKey('ns', 'a'), pod('ns', 'a'));
    assert.equal(s.list('/registry/').items.length, 1);
    await s.close();
    await assert.rejects(openStorage({ kind: 'level' }), /needs a data dir/);
  });
});
