import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/api/types.js';
import type { StoredObject } from '../../../src/storage/interfaces.js';
import type { ServedList } from '../../../src/registry/store.js';
import { encodeList } from '../../../src/server/list-encoding.js';

function version(obj: KubeObject, cached: boolean): StoredObject {
  const { apiVersion, kind, ...item } = obj;
  const head = `{"kind":${JSON.stringify(kind)},"apiVersion":${JSON.stringify(apiVersion)},`;
  return {
    key: `/registry/configmaps/ns/${obj.metadata.name}`,
    labels: obj.metadata.labels,
    object: obj,
    scan: () => obj,
    json: cached ? Buffer.from(head + JSON.stringify(item).slice(1)) : undefined,
    itemOffset: Buffer.byteLength(head),
  };
}

const configMap = (name: string, size: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'ns', resourceVersion: '3' },
  data: { text: 'ü'.repeat(size) },
});

function list(items: StoredObject[]): ServedList {
  return { kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '9', continue: 'x' }, items };
}

const whole = (l: ServedList) => {
  const { length, chunks } = encodeList(l);
  // Each chunk is lent until the next is asked for: keep copies.
  const parts = Array.from(chunks, (c) => Buffer.from(c));
  return { length, parts, text: Buffer.concat(parts).toString('utf8') };
};

describe('list encoding', () => {
  it('writes what JSON.stringify writes for the list, items without apiVersion and kind', () => {
    const objects = [configMap('a', 3), configMap('b', 0), configMap('c', 10)];
    const l = list(objects.map((o, i) => version(o, i !== 1)));
    const { length, text, parts } = whole(l);
    const expected = JSON.stringify({ ...l, items: objects.map(({ apiVersion: _a, kind: _k, ...rest }) => rest) });
    assert.equal(text, expected);
    assert.equal(length, Buffer.byteLength(expected));
    assert.equal(parts.length, 1);
  });

  it('writes a version kept in parts as the concatenation of its parts', () => {
    const obj = configMap('parts', 4);
    const single = version(obj, true);
    const bytes = single.json as Uint8Array;
    const cuts = [single.itemOffset + 3, bytes.length - 5];
    const inParts: StoredObject = { ...single, json: [bytes.subarray(0, cuts[0]), bytes.subarray(cuts[0], cuts[1]), bytes.subarray(cuts[1])] };
    const l = list([version(configMap('a', 1), true), inParts, version(configMap('b', 2), true)]);
    const expected = JSON.stringify({ ...l, items: [configMap('a', 1), obj, configMap('b', 2)].map(({ apiVersion: _a, kind: _k, ...rest }) => rest) });
    assert.equal(whole(l).text, expected);
  });

  it('cuts a long list into chunks of at most 512 KiB whose concatenation is the list', () => {
    const objects = [configMap('big', 700_000), ...Array.from({ length: 3000 }, (_, i) => configMap(`m${i}`, 200)), configMap('last', 5)];
    const l = list(objects.map((o) => version(o, true)));
    const { length, text, parts } = whole(l);
    assert.equal(text, JSON.stringify({ ...l, items: objects.map(({ apiVersion: _a, kind: _k, ...rest }) => rest) }));
    assert.equal(parts.reduce((n, p) => n + p.length, 0), length);
    assert.ok(parts.length > 3);
    for (const p of parts.slice(0, -1)) assert.equal(p.length, 512 * 1024);
  });

  it('writes two long lists at once, each through a buffer of its own', () => {
    const lists = ['x', 'y'].map((name) => list(Array.from({ length: 2500 }, (_, i) => version(configMap(`${name}${i}`, 300), true))));
    const iterators = lists.map((l) => encodeList(l).chunks[Symbol.iterator]());
    const parts: Buffer[][] = [[], []];
    for (let done = [false, false]; !done[0] || !done[1]; ) {
      iterators.forEach((it, i) => {
        if (done[i]) return;
        const next = it.next();
        if (next.done) done[i] = true;
        else parts[i].push(Buffer.from(next.value));
      });
    }
    lists.forEach((l, i) => {
      assert.ok(parts[i].length > 1);
      assert.equal(Buffer.concat(parts[i]).toString('utf8'), JSON.stringify({ ...l, items: l.items.map((v) => JSON.parse(JSON.stringify({ ...v.object, apiVersion: undefined, kind: undefined }))) }));
    });
  });

  it('writes an empty list', () => {
    const { text, length } = whole(list([]));
    assert.equal(text, '{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"x"},"items":[]}');
    assert.equal(length, text.length);
  });
});
