// RFC 7386 JSON Merge Patch: the Appendix A examples, and what kubectl's merge patches do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyMergePatch } from '../../../src/patch/merge-patch.js';

describe('RFC 7386 Appendix A', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [original, patch, result] of cases) {
    it(`${JSON.stringify(original)} + ${JSON.stringify(patch)} = ${JSON.stringify(result)}`, () => {
      assert.deepEqual(applyMergePatch(original, patch), result);
    });
  }
});

describe('applyMergePatch', () => {
  it('applies kubectl label and scale patches', () => {
    const pod = { metadata: { name: 'x', labels: { run: 'x' } }, spec: { containers: [{ name: 'c' }] } };
    assert.deepEqual(applyMergePatch(pod, { metadata: { labels: { a: 'b' } } }), {
      metadata: { name: 'x', labels: { run: 'x', a: 'b' } },
      spec: { containers: [{ name: 'c' }] },
    });
    assert.deepEqual(applyMergePatch({ spec: { replicas: 1 }, status: { replicas: 1 } }, { spec: { replicas: 3 } }), {
      spec: { replicas: 3 },
      status: { replicas: 1 },
    });
  });

  it('removes a label with null and leaves missing keys alone', () => {
    assert.deepEqual(applyMergePatch({ metadata: { labels: { a: 'b' } } }, { metadata: { labels: { a: null, z: null } } }), {
      metadata: { labels: {} },
    });
  });

  it('replaces arrays verbatim, nulls inside them included', () => {
    assert.deepEqual(applyMergePatch({ a: [1, 2, 3] }, { a: [null, { b: null }] }), { a: [null, { b: null }] });
  });

  it('leaves the target and the patch untouched', () => {
    const target = { a: { b: 1, c: [1] } };
    const patch = { a: { b: null, d: { e: [2] } } };
    const out = applyMergePatch(target, patch) as { a: { d: { e: number[] } } };
    out.a.d.e.push(3);
    assert.deepEqual(target, { a: { b: 1, c: [1] } });
    assert.deepEqual(patch, { a: { b: null, d: { e: [2] } } });
  });
});
