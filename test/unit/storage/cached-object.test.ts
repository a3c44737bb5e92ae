import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/api/types.js';
import { decodeObject, encodeObject, parseObject } from '../../../src/storage/object-codec.js';
import { Cacher } from '../../../src/storage/cacher.js';
import { MemoryBackend } from '../../../src/storage/memory-backend.js';
import { cachedJSONOf } from '../../../src/storage/cached-object.js';
import { joinedJSON, type JSONBytes } from '../../../src/storage/json-bytes.js';

const text = (bytes: JSONBytes) => new TextDecoder().decode(joinedJSON(bytes));
/** A version's list item as lists write it: `{` and its JSON from itemOffset. */
const itemOf = (json: JSONBytes, itemOffset: number) => `{${text(joinedJSON(json).subarray(itemOffset))}`;

function pod(name: string, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: '7', generation: 1, labels },
    apiVersion: 'v1',
    spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'GREETING', value: 'grüße ✓' }] }] },
    kind: 'Pod',
    status: {},
  };
}

describe('object codec', () => {
  it('writes the object type first, in Go order, with the revision as resourceVersion or without it, and marks where its item starts', () => {
    const encoded = encodeObject(pod('a'));
    const rest = '"spec":{"containers":[{"name":"c","image":"nginx","env":[{"name":"GREETING","value":"grüße ✓"}]}]},"status":{}}';
    assert.equal(text(encoded.at(42)), `{"kind":"Pod","apiVersion":"v1","metadata":{"name":"a","namespace":"ns","uid":"uid-a","resourceVersion":"42","generation":1,"labels":{"app":"a"}},${rest}`);
    assert.equal(text(encoded.unrevisioned), `{"kind":"Pod","apiVersion":"v1","metadata":{"name":"a","namespace":"ns","uid":"uid-a","generation":1,"labels":{"app":"a"}},${rest}`);
    assert.equal(itemOf(encoded.at(42), encoded.itemOffset), `{"metadata":{"name":"a","namespace":"ns","uid":"uid-a","resourceVersion":"42","generation":1,"labels":{"app":"a"}},${rest}`);
  });

  it('round-trips: the bytes with and without resourceVersion decode to the same object at the same revision', () => {
    const encoded = encodeObject(pod('a'));
    const fromUnrevisioned = decodeObject(encoded.unrevisioned, 42);
    const fromRevisioned = parseObject(encoded.at(42));
    assert.deepEqual(fromRevisioned, fromUnrevisioned);
    assert.equal(fromRevisioned.metadata.resourceVersion, '42');
    assert.deepEqual(decodeObject(encoded.at(41), 42), fromUnrevisioned, 'the revision decoded at wins over the one inside');
    assert.equal(text(encoded.at(42)), JSON.stringify(fromUnrevisioned));
  });

  it('writes managedFields exactly as JSON.stringify does, reusing the JSON of a fieldsV1 tree it has seen', () => {
    const shared = { 'f:spec': { 'f:replicas': {} } };
    const obj = pod('a');
    obj.metadata.managedFields = [
      { manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2026-11-29T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: shared },
      { manager: 'other', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} }, subresource: 'status', extra: undefined },
      'not an entry',
    ];
    const expected = JSON.stringify({ kind: 'Pod', apiVersion: 'v1', metadata: { ...obj.metadata, resourceVersion: '5' }, spec: obj.spec, status: obj.status });
    assert.equal(text(encodeObject(obj).at(5)), expected);
    assert.equal(text(encodeObject(obj).at(5)), expected, 'the second encoding reuses the trees and writes the same');
  });

  it('shares the managedFields bytes of an earlier version whose entries it has, and writes them anew otherwise', () => {
    const tree = { 'f:spec': { 'f:replicas': {} } };
    const entry = { manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2026-11-29T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: tree };
    const withEntries = (name: string, entries: unknown[]): KubeObject => ({ ...pod(name), metadata: { ...pod(name).metadata, managedFields: entries } });
    const expected = (obj: KubeObject, rev: number) => JSON.stringify({ kind: 'Pod', apiVersion: 'v1', metadata: { ...obj.metadata, resourceVersion: String(rev) }, spec: obj.spec, status: obj.status });

    const first = encodeObject(withEntries('a', [{ ...entry }])).at(1);
    assert.ok(first instanceof Uint8Array, 'the first version is one buffer');
    const again = withEntries('a', [{ ...entry }]);
    const second = encodeObject(again).at(2);
    assert.ok(Array.isArray(second) && second.length === 3, 'the next one is kept in parts');
    const [, shared] = second as readonly Uint8Array[];
    const third = encodeObject(withEntries('a', [{ ...entry }])).at(3);
    assert.equal((third as readonly Uint8Array[])[1], shared, 'later versions share one copy of the bytes');
    assert.notEqual(shared.buffer, (first as Uint8Array).buffer, "a copy: it does not keep the first version's buffer alive");
    assert.equal(text(shared), JSON.stringify(again.metadata.managedFields));
    assert.equal(text(second), expected(again, 2));
    assert.deepEqual(parseObject(second), JSON.parse(expected(again, 2)));

    for (const [why, entries] of [
      ['a member changed', [{ ...entry, time: '2026-11-29T00:00:01Z' }]],
      ['a member added', [{ ...entry, subresource: 'status' }]],
      ['an entry added', [{ ...entry }, { ...entry, manager: 'other' }]],
      ['another tree', [{ ...entry, fieldsV1: { ...tree } }]],
    ] as const) {
      const obj = withEntries('a', [...entries]);
      const bytes = encodeObject(obj).at(3);
      assert.ok(bytes instanceof Uint8Array, `${why}: written anew`);
      assert.equal(text(bytes), expected(obj, 3), why);
    }
  });

  it('writes metadata in Go field order whatever order the object has it in, as kube-apiserver does', () => {
    const obj: KubeObject = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { labels: { a: 'b' }, managedFields: [], creationTimestamp: 'T', uid: 'u', namespace: 'ns', generateName: 'g-', name: 'g-1', finalizers: ['f'], annotations: { x: 'y' } },
    };
    const order = (json: JSONBytes) => Object.keys((JSON.parse(text(json)) as KubeObject).metadata);
    const goOrder = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'labels', 'annotations', 'finalizers', 'managedFields'];
    assert.deepEqual(order(encodeObject(obj).at(9)), goOrder);
    assert.deepEqual(Object.keys(decodeObject(encodeObject(obj).unrevisioned, 9).metadata), goOrder);
  });

  it('encodes objects without a type, metadata members or other fields', () => {
    const bare: KubeObject = { metadata: {} };
    const encoded = encodeObject(bare);
    assert.equal(text(encoded.unrevisioned), '{"metadata":{}}');
    assert.equal(text(encoded.at(3)), '{"metadata":{"resourceVersion":"3"}}');
    assert.deepEqual(parseObject(encoded.at(3)), { metadata: { resourceVersion: '3' } });
    assert.equal(itemOf(encoded.at(3), encoded.itemOffset), '{"metadata":{"resourceVersion":"3"}}');
  });
});

describe('cacher: objects kept as JSON', () => {
  it('decodes evicted versions again, equal to what was written, and knows labels without decoding', async () => {
    const cacher = await Cacher.start(new MemoryBackend(), { decodedObjects: 4 });
    try {
      const names = ['a', 'b', 'c', 'd', 'e', 'f'];
      const written = [];
      for (const name of names) written.push(await cacher.create(`/registry/pods/ns/${name}`, pod(name)));
      const { items } = cacher.versions('/registry/pods/ns/');
      assert.deepEqual(items.map((v) => v.labels), names.map((app) => ({ app })));
      const a = cacher.get('/registry/pods/ns/a');
      assert.notEqual(a, written[0], 'a was evicted and decoded again');
      assert.deepEqual(a, written[0]);
      assert.equal(cacher.get('/registry/pods/ns/f'), written[5], 'f is still decoded');
      assert.equal(cacher.get('/registry/pods/ns/f'), written[5], 'and stays decoded when read again');
      for (const v of items) assert.equal(text(v.json!), text(encodeObject(v.object).at(Number(v.object.metadata.resourceVersion))));
    } finally {
      await cacher.close();
    }
  });

  it('serves the very bytes the backend stored for objects it hands out, and decodes writes made by others', async () => {
    const backend = new MemoryBackend();
    const cacher = await Cacher.start(backend, { decodedObjects: 1 });
    try {
      const created = await cacher.create('/registry/pods/ns/a', pod('a'));
      const stored = (await backend.range('/registry/pods/ns/a')).kvs[0].value;
      assert.equal(cachedJSONOf(created), stored, 'one buffer, stored and served');
      assert.equal(text(stored), JSON.stringify({ kind: 'Pod', apiVersion: 'v1', ...created }));
      assert.equal(cachedJSONOf(pod('x')), undefined, 'objects the cache did not hand out have no cached JSON');
      const rev = await backend.txn('/registry/pods/ns/b', { put: encodeObject(pod('b', { foreign: 'yes' })).unrevisioned }, 0);
      const [a, b] = cacher.versions('/registry/pods/ns/').items;
      assert.equal(b.object.metadata.resourceVersion, String(rev));
      assert.deepEqual(b.labels, { foreign: 'yes' });
      assert.equal(text(b.json!), text(encodeObject(b.object).at(rev)));
      assert.equal(itemOf(a.json!, a.itemOffset), JSON.stringify({ ...created, kind: undefined, apiVersion: undefined }));
    } finally {
      await cacher.close();
    }
  });

  it('keeps an update that leaves managedFields as they were in parts, stored and served as the same bytes', async () => {
    const backend = new MemoryBackend();
    const cacher = await Cacher.start(backend, { decodedObjects: 1 });
    try {
      const tree = { 'f:metadata': { 'f:labels': { 'f:app': {} } } };
      const withFields = (labels: Record<string, string>): KubeObject => {
        const obj = pod('a', labels);
        obj.metadata.managedFields = [{ manager: 'm', operation: 'Update', apiVersion: 'v1', time: '2026-11-29T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: tree }];
        return obj;
      };
      const created = await cacher.create('/registry/pods/ns/a', withFields({ app: 'one' }));
      const updated = await cacher.update('/registry/pods/ns/a', withFields({ app: 'two' }), Number(created.metadata.resourceVersion));
      const json = cachedJSONOf(updated)!;
      assert.ok(Array.isArray(json), 'in parts');
      assert.equal((await backend.range('/registry/pods/ns/a')).kvs[0].value, json, 'the backend keeps the same parts');
      assert.equal(text(json), JSON.stringify({ kind: 'Pod', apiVersion: 'v1', ...updated }));
      const [version] = cacher.versions('/registry/pods/ns/').items;
      assert.equal(itemOf(version.json!, version.itemOffset), JSON.stringify({ ...updated, kind: undefined, apiVersion: undefined }));
      const decodedAgain = cacher.get('/registry/pods/ns/a');
      assert.deepEqual(decodedAgain, updated);
    } finally {
      await cacher.close();
    }
  });

  it('versionsAt rolls back through updates and deletes, with deleted versions at their delete revision', async () => {
    const cacher = await Cacher.start(new MemoryBackend(), { decodedObjects: 1 });
    try {
      const a1 = await cacher.create('/registry/pods/ns/a', pod('a'));
      const b1 = await cacher.create('/registry/pods/ns/b', pod('b'));
      const at = cacher.revision;
      await cacher.update('/registry/pods/ns/a', { ...a1, spec: { changed: true } }, Number(a1.metadata.resourceVersion));
      const seen: string[] = [];
      cacher.watch('/registry/pods/', cacher.revision, (e) => seen.push(`${e.type} ${e.current.object.metadata.resourceVersion} ${text(e.current.json!).length > 0}`));
      await cacher.delete('/registry/pods/ns/b', 'any');
      assert.deepEqual(seen, [`DELETED ${cacher.revision} true`]);
      const snapshot = cacher.versionsAt('/registry/pods/', at)!;
      assert.deepEqual(snapshot.items.map((v) => v.object), [a1, b1].map((o) => JSON.parse(JSON.stringify(o))));
    } finally {
      await cacher.close();
    }
  });
});
