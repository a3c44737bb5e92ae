// One suite, many backends (as k8s pkg/storage/testing/store_tests.go): every Backend
// implementation runs runBackendConformance with a factory for fresh, empty stores.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StorageError, type Backend, type KVEvent } from '../../../src/storage/interfaces.js';
import { joinedJSON, type JSONBytes } from '../../../src/storage/json-bytes.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: JSONBytes): string => new TextDecoder().decode(joinedJSON(b));

function eventSummary(e: KVEvent): string {
  return e.type === 'put' ? `put ${e.kv.key}@${e.kv.modRevision}=${dec(e.kv.value)}` : `delete ${e.key}@${e.modRevision}`;
}

async function rejectsWith(p: Promise<unknown>, code: StorageError['code'], currentRev?: number): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof StorageError, `expected StorageError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (currentRev !== undefined) assert.equal(err.currentRev, currentRev);
    return true;
  });
}

/** Runs `body` with a fresh backend and closes it afterwards. */
async function withBackend(make: () => Promise<Backend>, body: (b: Backend) => Promise<void>): Promise<void> {
  const backend = await make();
  try {
    await body(backend);
  } finally {
    await backend.close();
  }
}

export function runBackendConformance(name: string, makeBackend: () => Promise<Backend>): void {
  describe(`${name} backend conformance`, () => {
    const test = (title: string, body: (b: Backend) => Promise<void>) => it(title, () => withBackend(makeBackend, body));
    crudTests(test);
    rangeTests(test);
    watchTests(test);
    concurrencyTests(test);
  });
}

type TestFn = (title: string, body: (b: Backend) => Promise<void>) => void;

function crudTests(test: TestFn): void {
  test('create then range returns the value with mod and create revision', async (b) => {
    const rev = await b.txn('/registry/pods/ns/a', { put: enc('one') }, 0);
    const { kvs, rev: listRev } = await b.range('/registry/pods/ns/a');
    assert.equal(kvs.length, 1);
    assert.equal(dec(kvs[0].value), 'one');
    assert.equal(kvs[0].key, '/registry/pods/ns/a');
    assert.equal(kvs[0].modRevision, rev);
    assert.equal(kvs[0].createRevision, rev);
    assert.equal(listRev, rev);
  });

  test('create of an existing key is KeyExists with the current revision', async (b) => {
    const rev = await b.txn('/registry/pods/ns/a', { put: enc('one') }, 0);
    await rejectsWith(b.txn('/registry/pods/ns/a', { put: enc('two') }, 0), 'KeyExists', rev);
  });

  test('update compares mod revision and keeps the create revision', async (b) => {
    const created = await b.txn('/k/a', { put: enc('one') }, 0);
    const updated = await b.txn('/k/a', { put: enc('two') }, created);
    assert.ok(updated > created);
    await rejectsWith(b.txn('/k/a', { put: enc('three') }, created), 'Conflict', updated);
    const [kv] = (await b.range('/k/a')).kvs;
    assert.deepEqual([dec(kv.value), kv.modRevision, kv.createRevision], ['two', updated, created]);
  });

  test('update of an absent key is KeyNotFound', async (b) => {
    await rejectsWith(b.txn('/k/missing', { put: enc('x') }, 5), 'KeyNotFound', 0);
  });

  test("'any' put is an upsert", async (b) => {
    const first = await b.txn('/k/a', { put: enc('one') }, 'any');
    const second = await b.txn('/k/a', { put: enc('two') }, 'any');
    const [kv] = (await b.range('/k/')).kvs;
    assert.deepEqual([dec(kv.value), kv.modRevision, kv.createRevision], ['two', second, first]);
  });

  test('delete: absent is KeyNotFound, stale revision is Conflict, then it is gone', async (b) => {
    await rejectsWith(b.txn('/k/a', { delete: true }, 'any'), 'KeyNotFound', 0);
    const created = await b.txn('/k/a', { put: enc('one') }, 0);
    const updated = await b.txn('/k/a', { put: enc('two') }, created);
    await rejectsWith(b.txn('/k/a', { delete: true }, created), 'Conflict', updated);
    const deleted = await b.txn('/k/a', { delete: true }, updated);
    assert.ok(deleted > updated);
    const { kvs, rev } = await b.range('/k/');
    assert.deepEqual(kvs, []);
    assert.equal(rev, deleted);
    await rejectsWith(b.txn('/k/a', { delete: true }, 'any'), 'KeyNotFound');
  });

  test('a txn needs exactly one of put and delete', async (b) => {
    await assert.rejects(b.txn('/k/a', {}, 'any'), TypeError);
    await assert.rejects(b.txn('/k/a', { put: enc('x'), delete: true }, 'any'), TypeError);
    assert.deepEqual((await b.range('/k/')).kvs, []);
  });

  test('a deleted key can be created again with a new create revision', async (b) => {
    const first = await b.txn('/k/a', { put: enc('one') }, 0);
    await b.txn('/k/a', { delete: true }, first);
    const again = await b.txn('/k/a', { put: enc('two') }, 0);
    const [kv] = (await b.range('/k/a')).kvs;
    assert.equal(kv.createRevision, again);
  });
}

function rangeTests(test: TestFn): void {
  test('range is in key order and a prefix ending in / does not match siblings', async (b) => {
    for (const key of ['/registry/pods/ns/b', '/registry/podsx/ns/a', '/registry/pods/ns/a', '/registry/pod/a', '/registry/pods/a/z']) {
      await b.txn(key, { put: enc(key) }, 0);
    }
    const { kvs } = await b.range('/registry/pods/');
    assert.deepEqual(kvs.map((kv) => kv.key), ['/registry/pods/a/z', '/registry/pods/ns/a', '/registry/pods/ns/b']);
    assert.deepEqual((await b.range('/registry/podsx/')).kvs.map((kv) => dec(kv.value)), ['/registry/podsx/ns/a']);
    assert.equal((await b.range('/registry/')).kvs.length, 5);
    assert.deepEqual((await b.range('/nothing/')).kvs, []);
  });

  test('revisions increase across keys and range reports the newest', async (b) => {
    const revs: number[] = [];
    for (const k of ['/k/c', '/k/a', '/k/b']) revs.push(await b.txn(k, { put: enc(k) }, 0));
    assert.ok(revs[0] < revs[1] && revs[1] < revs[2], `not increasing: ${revs.join(',')}`);
    assert.equal((await b.range('/other/')).rev, revs[2]);
  });
}

function watchTests(test: TestFn): void {
  test('watch replays changes after fromRev, then streams live ones, in order', async (b) => {
    const r1 = await b.txn('/w/a', { put: enc('1') }, 0);
    const r2 = await b.txn('/w/b', { put: enc('2') }, 0);
    const r3 = await b.txn('/w/a', { put: enc('3') }, r1);
    const seen: string[] = [];
    const cancel = b.watch('/w/', r1, (e) => seen.push(eventSummary(e)));
    assert.deepEqual(seen, [`put /w/b@${r2}=2`, `put /w/a@${r3}=3`]);
    const r4 = await b.txn('/w/b', { delete: true }, r2);
    await b.txn('/x/a', { put: enc('other prefix') }, 0);
    const r6 = await b.txn('/w/c', { put: enc('6') }, 0);
    assert.deepEqual(seen.slice(2), [`delete /w/b@${r4}`, `put /w/c@${r6}=6`]);
    cancel();
    await b.txn('/w/d', { put: enc('7') }, 0);
    assert.equal(seen.length, 4);
  });

  test('a watcher has the event when the txn resolves', async (b) => {
    const seen: KVEvent[] = [];
    const { rev } = await b.range('/w/');
    b.watch('/w/', rev, (e) => seen.push(e));
    const r = await b.txn('/w/a', { put: enc('1') }, 0);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].type === 'put' && seen[0].kv.modRevision, r);
  });

  test('put events carry create revision; delete events carry the delete revision', async (b) => {
    const { rev } = await b.range('/w/');
    const seen: KVEvent[] = [];
    b.watch('/w/', rev, (e) => seen.push(e));
    const c = await b.txn('/w/a', { put: enc('1') }, 0);
    const u = await b.txn('/w/a', { put: enc('2') }, c);
    const d = await b.txn('/w/a', { delete: true }, 'any');
    const [created, updated, deleted] = seen;
    assert.ok(created.type === 'put' && updated.type === 'put' && deleted.type === 'delete');
    assert.deepEqual([created.kv.createRevision, updated.kv.createRevision, updated.kv.modRevision], [c, c, u]);
    assert.deepEqual([deleted.key, deleted.modRevision], ['/w/a', d]);
  });
}

function concurrencyTests(test: TestFn): void {
  test('concurrent updates of one key: exactly one wins', async (b) => {
    const rev = await b.txn('/c/a', { put: enc('0') }, 0);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => b.txn('/c/a', { put: enc(String(i)) }, rev)));
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1);
    for (const r of results) {
      if (r.status === 'rejected') assert.equal((r.reason as StorageError).code, 'Conflict');
    }
  });

  test('concurrent creates of one key: exactly one wins', async (b) => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => b.txn('/c/a', { put: enc('x') }, 0)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });

  test('many concurrent writes get distinct revisions, streamed in increasing order', async (b) => {
    const { rev } = await b.range('/c/');
    const streamed: number[] = [];
    b.watch('/c/', rev, (e) => streamed.push(e.type === 'put' ? e.kv.modRevision : e.modRevision));
    const revs = await Promise.all(Array.from({ length: 500 }, (_, i) => b.txn(`/c/${String(i).padStart(4, '0')}`, { put: enc(String(i)) }, 0)));
    assert.equal(new Set(revs).size, revs.length);
    assert.equal(streamed.length, revs.length);
    for (let i = 1; i < streamed.length; i++) assert.ok(streamed[i] > streamed[i - 1]);
    assert.deepEqual([...revs].sort((x, y) => x - y), streamed);
    assert.equal((await b.range('/c/')).kvs.length, 500);
  });
}
