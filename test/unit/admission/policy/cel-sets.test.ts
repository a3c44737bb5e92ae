// cel-go's sets library as Kubernetes enables it: contains, equivalent, intersects with CEL's
// equality, element types checked alike.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCel } from '../../../../src/admission/policy/cel/environment.js';
import { toCel } from '../../../../src/admission/policy/cel/values.js';

const run = (source: string, object: unknown = null): unknown => compileCel(source).evaluate({ object: toCel(object) });

describe('the sets library', () => {
  it('sets.contains: every element of the second list is in the first', () => {
    assert.equal(run('sets.contains([], [])'), true);
    assert.equal(run('sets.contains([], [1])'), false);
    assert.equal(run('sets.contains([1, 2, 3, 4], [2, 3])'), true);
    assert.equal(run('sets.contains([[1], [2, 3]], [[2, 3]])'), true);
    assert.equal(run("sets.contains(object.tags, ['a', 'a'])", { tags: ['b', 'a'] }), true);
  });

  it('sets.equivalent: the same elements, duplicates and order aside', () => {
    assert.equal(run('sets.equivalent([], [])'), true);
    assert.equal(run('sets.equivalent([1], [1, 1])'), true);
    assert.equal(run('sets.equivalent([1, 2, 3], [3, 2, 1])'), true);
    assert.equal(run('sets.equivalent([1, 2], [2, 2, 2, 3])'), false);
  });

  it('sets.intersects: one element in common', () => {
    assert.equal(run('sets.intersects([], [])'), false);
    assert.equal(run('sets.intersects([1], [])'), false);
    assert.equal(run('sets.intersects([1], [1, 2])'), true);
    assert.equal(run("sets.intersects([{'a': 1}], [{'a': 1}])"), true);
    assert.equal(run('sets.intersects([1, 2], [3])'), false);
  });

  it('refuses lists of different element types when compiling', () => {
    assert.throws(() => compileCel("sets.contains([1], ['a'])"), /compilation failed: ERROR: <input>: found no matching overload/);
    assert.throws(() => compileCel('sets.equivalent([1], 1)'), /compilation failed/);
  });
});
