// The shortcuts that keep managedFields bookkeeping cheap must not change what it records: managers
// reused from the last encoding, field sets sharing subtrees, equal subtrees skipped by compare.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { KubeObject } from '../../../src/api/types.js';
import { SchemaCatalog } from '../../../src/openapi/schema-catalog.js';
import { compare, jsonEqual } from '../../../src/patch/managed-fields/compare.js';
import { FieldSet } from '../../../src/patch/managed-fields/field-set.js';
import { decodeManagedFields, encodeManagedFields, managerKey, recordUpdate, type ManagedFieldsEntry, type Managers } from '../../../src/patch/managed-fields/managed-fields.js';
import { patchMetaFor, type PatchMeta } from '../../../src/patch/patch-meta.js';
import { referenceRecordUpdate } from './managed-fields-reference.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const T0 = new Date('2025-01-02T03:04:05Z');

function managers(set: FieldSet, time = '2025-01-02T03:04:05Z'): Managers {
  return new Map([['m', { manager: 'm', operation: 'Update', apiVersion: 'v1', subresource: '', time, set }]]);
}

/** What a store hands back: the entries after a trip through JSON. */
const stored = (entries: ManagedFieldsEntry[]): unknown[] => JSON.parse(JSON.stringify(entries)) as unknown[];

describe('managers reused from the last encoding', () => {
  it('decode to the same sets as a fresh decode', () => {
    const set = FieldSet.fromFieldsV1({ 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"a"}': { '.': {}, 'f:image': {} } } } } } });
    const entries = encodeManagedFields(managers(set));
    const again = decodeManagedFields(stored(entries)).get(managerKey('m', 'Update', 'v1', ''));
    assert.deepEqual(again?.set.toFieldsV1(), entries[0].fieldsV1);
    assert.deepEqual(again?.set.paths(), set.paths());
  });

  it('are copied: changing a decoded record leaves the next decode alone', () => {
    const entries = stored(encodeManagedFields(managers(FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': {} } }))));
    const first = decodeManagedFields(entries);
    for (const rec of first.values()) rec.set = new FieldSet();
    const second = decodeManagedFields(entries);
    assert.deepEqual([...second.values()].map((r) => r.set.toFieldsV1()), [{ 'f:spec': { 'f:a': {} } }]);
  });

  it('are not used for entries of the same manager and time that own other fields', () => {
    const entries = stored(encodeManagedFields(managers(FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': {} } }))));
    (entries[0] as ManagedFieldsEntry).fieldsV1 = { 'f:spec': { 'f:b': {} } };
    assert.deepEqual([...decodeManagedFields(entries).values()].map((r) => r.set.paths()), [[['f:spec', 'f:b']]]);
  });

  it('encode as a fresh encoding does when unchanged, and when changed after the recall', () => {
    const set = FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': {} } });
    const entries = encodeManagedFields(new Map([...managers(set), ['n', { manager: 'n', operation: 'Apply', apiVersion: 'v1', subresource: '', time: '2025-01-02T03:04:06Z', set: FieldSet.fromFieldsV1({ 'f:spec': { 'f:b': {} } }) }]]));
    const fresh = (m: Managers): ManagedFieldsEntry[] => encodeManagedFields(new Map([...m].map(([k, r]) => [k, { ...r }])));
    const unchanged = decodeManagedFields(stored(entries));
    assert.deepEqual(encodeManagedFields(unchanged), entries);
    const retimed = decodeManagedFields(stored(entries));
    for (const rec of retimed.values()) if (rec.manager === 'm') rec.time = '2025-01-02T03:04:07Z';
    assert.deepEqual(encodeManagedFields(retimed), fresh(retimed));
    assert.deepEqual(encodeManagedFields(retimed).map((e) => e.manager), ['n', 'm']);
    const reowned = decodeManagedFields(stored(entries));
    for (const rec of reowned.values()) if (rec.manager === 'm') rec.set = FieldSet.fromFieldsV1({ 'f:spec': { 'f:c': {} } });
    assert.deepEqual(encodeManagedFields(reowned).find((e) => e.manager === 'm')?.fieldsV1, { 'f:spec': { 'f:c': {} } });
  });

  it('are not used when an empty node that owns nothing would decode as owned', () => {
    const set = new FieldSet();
    set.insert(['f:spec', 'f:a']);
    set.child('f:spec').child('f:b');
    const entries = stored(encodeManagedFields(managers(set)));
    assert.deepEqual([...decodeManagedFields(entries).values()].map((r) => r.set.paths()), [[['f:spec', 'f:a'], ['f:spec', 'f:b']]]);
  });
});

describe('field set algebra sharing subtrees', () => {
  it('union leaves both operands as they were', () => {
    const a = FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': {} }, 'f:x': {} });
    const b = FieldSet.fromFieldsV1({ 'f:spec': { 'f:b': {} }, 'f:y': {} });
    const u = a.union(b);
    assert.deepEqual(u.toFieldsV1(), { 'f:spec': { 'f:a': {}, 'f:b': {} }, 'f:x': {}, 'f:y': {} });
    assert.deepEqual(a.paths(), [['f:spec', 'f:a'], ['f:x']]);
    assert.deepEqual(b.paths(), [['f:spec', 'f:b'], ['f:y']]);
  });

  it('union with paths this set has already is this set', () => {
    const a = FieldSet.fromFieldsV1({ 'f:spec': { '.': {}, 'f:a': {}, 'f:b': { 'f:c': {} } } });
    assert.equal(a.union(FieldSet.fromFieldsV1({ 'f:spec': { 'f:b': { 'f:c': {} } } })), a);
    assert.equal(a.union(FieldSet.fromFieldsV1({ 'f:spec': {} })), a);
    const grown = a.union(FieldSet.fromFieldsV1({ 'f:spec': { 'f:b': { '.': {} } } }));
    assert.notEqual(grown, a);
    assert.deepEqual(grown.toFieldsV1(), { 'f:spec': { '.': {}, 'f:a': {}, 'f:b': { '.': {}, 'f:c': {} } } });
    assert.deepEqual(a.toFieldsV1(), { 'f:spec': { '.': {}, 'f:a': {}, 'f:b': { 'f:c': {} } } });
  });

  it('withoutChildren drops the named subtrees only', () => {
    const set = FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': {} }, 'f:status': { 'f:phase': {} } });
    assert.deepEqual(set.withoutChildren(['f:status']).toFieldsV1(), { 'f:spec': { 'f:a': {} } });
    assert.equal(set.withoutChildren(['f:other']), set);
    assert.deepEqual(set.paths(), [['f:spec', 'f:a'], ['f:status', 'f:phase']]);
  });
});

describe('compare over large mostly-equal objects', () => {
  let meta: PatchMeta;
  before(async () => {
    meta = patchMetaFor(await SchemaCatalog.load(join(repo, 'openapi')), { group: 'apps', version: 'v1', kind: 'Deployment' });
  });

  const deployment = (image: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'default' },
    spec: {
      replicas: 1,
      template: { spec: { containers: Array.from({ length: 20 }, (_, i) => ({ name: `c${i}`, image: i === 7 ? image : `img:${i}`, ports: [{ containerPort: 80 + i }] })) } },
    },
  });

  it('finds the one changed leaf among equal siblings', () => {
    const c = compare(deployment('a'), deployment('b'), meta);
    assert.deepEqual(c.changed.paths(), [['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"c7"}', 'f:image']]);
    assert.ok(c.removed.isEmpty());
  });

  it('passes over the members before the first difference, and takes undefined members for absent ones there too', () => {
    // The first difference jsonEqual meets in `spec` is the member undefined on one side only.
    const before = { ...deployment('a'), spec: { replicas: 1, paused: undefined, template: deployment('a').spec?.template } };
    const after = { ...deployment('b'), spec: { replicas: 1, template: deployment('b').spec?.template, minReadySeconds: 5 } };
    const c = compare(before, after, meta);
    assert.deepEqual(c.changed.paths(), [['f:spec', 'f:minReadySeconds'], ['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"c7"}', 'f:image']]);
    assert.ok(c.removed.isEmpty());
    const reversed = compare(after, before, meta);
    assert.deepEqual(reversed.changed.paths(), [['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"c7"}', 'f:image']]);
    assert.deepEqual(reversed.removed.paths(), [['f:spec', 'f:minReadySeconds']]);
  });

  it('leaves a writer that changes only fields it owns with the same fieldsV1 tree', () => {
    const live = deployment('v0');
    recordUpdate(undefined, live, { manager: 'create', apiVersion: 'apps/v1', time: T0 }, meta);
    const trees: unknown[] = [];
    let old = live;
    for (let i = 1; i <= 3; i++) {
      const next = structuredClone(old);
      (next.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[7].image = `v${i}`;
      next.metadata.managedFields = old.metadata.managedFields;
      recordUpdate(old, next, { manager: 'put', apiVersion: 'apps/v1', time: T0 }, meta);
      trees.push((next.metadata.managedFields as ManagedFieldsEntry[]).find((e) => e.manager === 'put')?.fieldsV1);
      old = next;
    }
    assert.equal(trees[1], trees[0]);
    assert.equal(trees[2], trees[0]);
  });

  it('keeps one manager per write across repeated updates through JSON', () => {
    let live = deployment('v0');
    recordUpdate(undefined, live, { manager: 'create', apiVersion: 'apps/v1', time: T0 }, meta);
    for (let i = 1; i <= 3; i++) {
      const next = JSON.parse(JSON.stringify(live)) as KubeObject;
      (next.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[7].image = `v${i}`;
      recordUpdate(JSON.parse(JSON.stringify(live)) as KubeObject, next, { manager: 'put', apiVersion: 'apps/v1', time: T0 }, meta);
      live = JSON.parse(JSON.stringify(next)) as KubeObject;
    }
    const byManager = new Map((live.metadata.managedFields as ManagedFieldsEntry[]).map((e) => [e.manager, FieldSet.fromFieldsV1(e.fieldsV1).paths()]));
    const image = ['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"c7"}', 'f:image'];
    assert.deepEqual(byManager.get('put'), [image]);
    assert.ok(byManager.get('create')?.some((p) => p.join() === ['f:spec', 'f:replicas'].join()));
    assert.ok(!byManager.get('create')?.some((p) => p.join() === image.join()));
  });
});

describe('jsonEqual', () => {
  it('ignores key order and nothing else', () => {
    assert.ok(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }));
    assert.ok(!jsonEqual([1, 2], [2, 1]));
    assert.ok(!jsonEqual({}, []));
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!jsonEqual({ a: undefined }, { b: undefined }));
    assert.ok(!jsonEqual(null, {}));
    assert.ok(jsonEqual('x', 'x') && !jsonEqual(1, '1'));
  });

  it('reads only own members: __proto__ and inherited names are not taken from the prototype', () => {
    const proto = JSON.parse('{"__proto__": {}}') as unknown;
    assert.ok(!jsonEqual(proto, {}) && !jsonEqual({}, proto));
    assert.ok(!jsonEqual(proto, JSON.parse('{"x": {}}')));
    assert.ok(jsonEqual(proto, JSON.parse('{"__proto__": {}}')));
    assert.ok(!jsonEqual({ constructor: {} }, { other: {} }) && !jsonEqual({ toString: 1 }, { x: 1 }));
    assert.ok(jsonEqual({ a: undefined }, { a: undefined }) && !jsonEqual({ a: undefined }, { b: 1 }));
  });
});

describe('an update repeated over the same entries', () => {
  let meta: PatchMeta;
  before(async () => {
    meta = patchMetaFor(await SchemaCatalog.load(join(repo, 'openapi')), { group: 'apps', version: 'v1', kind: 'Deployment' });
  });

  type Containers = { name: string; image: string; ports?: unknown[] }[];
  const containersOf = (obj: KubeObject): Containers => (obj.spec as { template: { spec: { containers: Containers } } }).template.spec.containers;

  it('records what the slow computation records, whether the write repeats the last one or differs in any input', () => {
    const live: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'default' },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'img:0', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'img:0' }] } } },
    };
    recordUpdate(undefined, live, { manager: 'create', apiVersion: 'apps/v1', time: T0 }, meta);
    // An update by a second manager: entries encoded from field sets, which the writes below start from.
    const labelled = structuredClone(live);
    labelled.metadata.labels = { app: 'd' };
    recordUpdate(structuredClone(live), labelled, { manager: 'label', apiVersion: 'apps/v1', time: T0 }, meta);
    live.metadata = labelled.metadata;
    const T1 = new Date(T0.getTime() + 1000);
    const writes: { manager: string; time: Date; change: (obj: KubeObject) => void }[] = [
      { manager: 'put', time: T0, change: (o) => (containersOf(o)[0].image = 'img:1') },
      { manager: 'put', time: T0, change: (o) => (containersOf(o)[0].image = 'img:2') },
      { manager: 'put', time: T1, change: (o) => (containersOf(o)[0].image = 'img:1') },
      { manager: 'other', time: T1, change: (o) => (containersOf(o)[0].image = 'img:1') },
      { manager: 'other', time: T1, change: (o) => (containersOf(o)[1].image = 'img:1') },
      { manager: 'other', time: T1, change: (o) => (o.spec = { ...(o.spec as object), replicas: 2 }) },
      { manager: 'other', time: T1, change: (o) => (o.spec = { ...(o.spec as object), replicas: 2 }) },
      {
        manager: 'other',
        time: T1,
        change: (o) => {
          o.spec = { ...(o.spec as object), replicas: 2 };
          delete containersOf(o)[0].ports;
        },
      },
      // Last: a write that takes nothing gives entries of the same writers and times as the live
      // ones, which then stand for them (the writes above all start from the live ones).
      { manager: 'other', time: T1, change: (o) => delete containersOf(o)[0].ports },
      { manager: 'other', time: T1, change: () => {} },
    ];
    for (const [i, write] of writes.entries()) {
      const next = structuredClone(live);
      write.change(next);
      next.metadata.managedFields = stored(live.metadata.managedFields as ManagedFieldsEntry[]);
      const op = { manager: write.manager, apiVersion: 'apps/v1', time: write.time };
      const expected = referenceRecordUpdate(structuredClone(live), structuredClone(next), op, meta);
      recordUpdate(structuredClone(live), next, op, meta);
      assert.deepEqual(next.metadata.managedFields, expected, `write ${i}`);
    }
  });
});

describe('a writer repeating its write, write after write', () => {
  let meta: PatchMeta;
  before(async () => {
    meta = patchMetaFor(await SchemaCatalog.load(join(repo, 'openapi')), { group: 'apps', version: 'v1', kind: 'Deployment' });
  });

  const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
  const image = (obj: KubeObject, value: string): void => {
    (obj.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image = value;
  };

  /** Writes `change` by `manager` over and over, each write from the entries the last gave, two writes a second. */
  function repeatWrites(live: KubeObject, manager: string, change: (obj: KubeObject, step: number) => void, from: number): KubeObject {
    for (let step = 0; step < 8; step++) {
      const next = structuredClone(live);
      change(next, step);
      next.metadata.managedFields = stored(live.metadata.managedFields as ManagedFieldsEntry[]);
      const op = { manager, apiVersion: 'apps/v1', time: at(from + Math.floor(step / 2)) };
      const expected = referenceRecordUpdate(structuredClone(live), structuredClone(next), op, meta);
      recordUpdate(structuredClone(live), next, op, meta);
      assert.deepEqual(next.metadata.managedFields, expected, `${manager}, step ${step}`);
      live = next;
    }
    return live;
  }

  function created(): KubeObject {
    const live: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'default', labels: {} },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'img:0' }] } } },
    };
    recordUpdate(undefined, live, { manager: 'create', apiVersion: 'apps/v1', time: T0 }, meta);
    return live;
  }

  /** Ten more managers, each owning a label, the first writing at `from`: eleven Update managers or more, past the cap. */
  function tenLabellers(live: KubeObject, from: number): KubeObject {
    for (let i = 0; i < 10; i++) {
      const next = structuredClone(live);
      next.metadata.labels = { ...next.metadata.labels, [`l${i}`]: 'x' };
      recordUpdate(structuredClone(live), next, { manager: `m${i}`, apiVersion: 'apps/v1', time: at(from + i) }, meta);
      live = next;
    }
    return live;
  }

  it('records what the slow computation records, within a second and across seconds, and past the cap of Update managers', () => {
    let live = repeatWrites(created(), 'put', (o, step) => image(o, `img:${step + 1}`), 1);
    live = repeatWrites(tenLabellers(live, 10), 'put', (o, step) => image(o, `img:${step + 20}`), 30);
    repeatWrites(live, 'late', (o, step) => image(o, `img:${step + 40}`), 40);
  });

  it('records what the slow computation records past the cap when other entries are dated later than the write', () => {
    // Entries a client sent with times ahead of the server's clock: the cap, which merges the
    // oldest, then merges the writer itself.
    repeatWrites(tenLabellers(created(), 100), 'put', (o, step) => image(o, `img:${step + 1}`), 1);
  });
});

describe('manager keys', () => {
  it('tell apart identities whose parts hold the separator', () => {
    const keys = [
      managerKey('a\0Update', 'Update', 'v1', ''),
      managerKey('a', 'Update', 'Update\0v1', ''),
      managerKey('a', 'Update', 'v1', '\0'),
      managerKey('a', 'Update', 'v1\0', ''),
      managerKey('a', 'Update', 'v1', ''),
      managerKey('a', 'Apply', 'v1', ''),
    ];
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(managerKey('a', 'Apply', 'v1', ''), managerKey('a', 'Apply', 'v2', ''));
  });
});
