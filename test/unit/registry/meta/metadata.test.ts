// What the generic store does to ObjectMeta, against k8s.io/apiserver registry/rest
// (BeforeCreate, BeforeUpdate), storage/names (SimpleNameGenerator) and metav1.Time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { generateName, prepareMetaForCreate, prepareMetaForUpdate } from '../../../../src/registry/metadata.js';
import { rfc3339 } from '../../../../src/api/time.js';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function obj(metadata: KubeObject['metadata']): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata };
}

describe('rfc3339', () => {
  it('writes UTC at second precision, dropping (not rounding) the milliseconds', () => {
    assert.equal(rfc3339(new Date('2025-01-02T03:04:05.999Z')), '2025-01-02T03:04:05Z');
    assert.equal(rfc3339(new Date('2025-01-02T03:04:05.000Z')), '2025-01-02T03:04:05Z');
    assert.equal(rfc3339(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 1))), '2024-02-29T23:59:59Z');
  });
});

describe('generateName (storage/names SimpleNameGenerator)', () => {
  it('appends 5 characters from the vowel-free alphabet', () => {
    const name = generateName('web-');
    assert.equal(name.length, 'web-'.length + 5);
    assert.match(name, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('cuts the prefix to 58 characters so the name fits in 63', () => {
    const name = generateName('a'.repeat(70));
    assert.equal(name.length, 63);
    assert.equal(name.slice(0, 58), 'a'.repeat(58));
    assert.equal(generateName('b'.repeat(58)).length, 63);
    assert.equal(generateName('c'.repeat(57)).length, 62);
  });

  it('draws every character of the alphabet and nothing else', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const c of generateName('').split('')) seen.add(c);
    assert.deepEqual([...seen].sort().join(''), [...ALPHABET].sort().join(''));
  });

  it('gives different names on each call', () => {
    const names = new Set(Array.from({ length: 200 }, () => generateName('x-')));
    assert.ok(names.size > 195, `only ${names.size} distinct names in 200`);
  });
});

describe('prepareMetaForCreate (rest.BeforeCreate)', () => {
  const now = new Date('2025-06-01T12:00:00.500Z');

  it('sets a lower-case v4 uid and the creation time', () => {
    const o = obj({ name: 'a', uid: 'client-chosen' });
    prepareMetaForCreate(o, now, false);
    assert.match(o.metadata.uid ?? '', UUID_V4);
    assert.notEqual(o.metadata.uid, 'client-chosen');
    assert.equal(o.metadata.creationTimestamp, '2025-06-01T12:00:00Z');
  });

  it('clears deletion fields and selfLink', () => {
    const o = obj({ name: 'a', deletionTimestamp: '2025-01-01T00:00:00Z', deletionGracePeriodSeconds: 30, selfLink: '/api/v1/x' });
    prepareMetaForCreate(o, now, false);
    assert.equal(o.metadata.deletionTimestamp, undefined);
    assert.equal(o.metadata.deletionGracePeriodSeconds, undefined);
    assert.equal(o.metadata.selfLink, undefined);
  });

  it('sets generation 1 for kinds that keep one and leaves a sent value alone otherwise', () => {
    const kept = obj({ name: 'a', generation: 7 });
    prepareMetaForCreate(kept, now, true);
    assert.equal(kept.metadata.generation, 1);
    const other = obj({ name: 'b', generation: 7 });
    prepareMetaForCreate(other, now, false);
    assert.equal(other.metadata.generation, 7);
    const none = obj({ name: 'c' });
    prepareMetaForCreate(none, now, false);
    assert.equal(Object.hasOwn(none.metadata, 'generation'), false);
  });

  it('generates a name from generateName only when there is no name', () => {
    const generated = obj({ generateName: 'job-' });
    prepareMetaForCreate(generated, now, false);
    assert.match(generated.metadata.name ?? '', /^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(generated.metadata.generateName, 'job-');
    const named = obj({ name: 'fixed', generateName: 'job-' });
    prepareMetaForCreate(named, now, false);
    assert.equal(named.metadata.name, 'fixed');
  });

  it('gives two objects different uids', () => {
    const a = obj({ name: 'a' });
    const b = obj({ name: 'b' });
    prepareMetaForCreate(a, now, false);
    prepareMetaForCreate(b, now, false);
    assert.notEqual(a.metadata.uid, b.metadata.uid);
  });
});

describe('prepareMetaForUpdate (rest.BeforeUpdate)', () => {
  const old = obj({
    name: 'a',
    uid: 'u-1',
    creationTimestamp: '2025-01-01T00:00:00Z',
    generation: 3,
    deletionTimestamp: '2025-02-01T00:00:00Z',
    deletionGracePeriodSeconds: 30,
  });

  it('fills an empty uid from the stored object and keeps a sent one for validation to judge', () => {
    const empty = obj({ name: 'a' });
    prepareMetaForUpdate(empty, old);
    assert.equal(empty.metadata.uid, 'u-1');
    const sent = obj({ name: 'a', uid: 'u-2' });
    prepareMetaForUpdate(sent, old);
    assert.equal(sent.metadata.uid, 'u-2');
  });

  it('keeps creationTimestamp, generation and the deletion fields of the stored object', () => {
    const o = obj({ name: 'a', creationTimestamp: '2030-01-01T00:00:00Z', generation: 99, selfLink: '/x' });
    prepareMetaForUpdate(o, old);
    assert.equal(o.metadata.creationTimestamp, '2025-01-01T00:00:00Z');
    assert.equal(o.metadata.generation, 3);
    assert.equal(o.metadata.deletionTimestamp, '2025-02-01T00:00:00Z');
    assert.equal(o.metadata.deletionGracePeriodSeconds, 30);
    assert.equal(o.metadata.selfLink, undefined);
  });

  it('cannot give a generation to an object that has none', () => {
    const o = obj({ name: 'a', generation: 5 });
    prepareMetaForUpdate(o, obj({ name: 'a', uid: 'u-1', creationTimestamp: '2025-01-01T00:00:00Z' }));
    assert.equal(Object.hasOwn(o.metadata, 'generation'), false);
  });
});
