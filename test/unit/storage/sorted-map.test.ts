import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SortedMap } from '../../../src/storage/sorted-map.js';

/** A deterministic pseudo-random sequence (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the map must answer: a plain Map, its keys sorted on every listing. */
function expectedEntries(reference: Map<string, number>, prefix: string): [string, number][] {
  return [...reference.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('SortedMap', () => {
  for (const blockSize of [2, 4, 16, 512]) {
    it(`answers prefix listings in key order through random inserts, updates and deletes (blocks of ${blockSize})`, () => {
      const next = random(blockSize);
      const map = new SortedMap<number>(blockSize);
      const reference = new Map<string, number>();
      const keyOf = (): string => `/registry/${['pods', 'pod', 'secrets'][Math.floor(next() * 3)]}/ns${Math.floor(next() * 4)}/p${Math.floor(next() * 300)}`;
      for (let step = 0; step < 6000; step++) {
        const key = keyOf();
        const op = next();
        if (op < 0.55) {
          map.set(key, step);
          reference.set(key, step);
        } else if (op < 0.9) {
          assert.equal(map.delete(key), reference.delete(key));
        } else {
          const prefix = ['/registry/pods/', '/registry/pod', '/registry/secrets/ns1/', '/registry/', '/z'][Math.floor(next() * 5)];
          assert.deepEqual(map.entriesWithPrefix(prefix), expectedEntries(reference, prefix), `step ${step}, prefix ${prefix}`);
          assert.deepEqual(map.valuesWithPrefix(prefix), expectedEntries(reference, prefix).map(([, v]) => v));
        }
        assert.equal(map.get(key), reference.get(key));
      }
      assert.deepEqual(map.entriesWithPrefix(''), expectedEntries(reference, ''));
    });
  }

  it('empties and fills again', () => {
    const map = new SortedMap<string>(4);
    const keys = Array.from({ length: 50 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    for (const k of [...keys].reverse()) map.set(k, k);
    assert.deepEqual(map.valuesWithPrefix('k'), keys);
    for (const k of keys) assert.equal(map.delete(k), true);
    assert.equal(map.delete('k00'), false);
    assert.deepEqual(map.entriesWithPrefix(''), []);
    map.set('b', 'b');
    map.set('a', 'a');
    assert.deepEqual(map.valuesWithPrefix(''), ['a', 'b']);
  });
});
