// The texts of fieldsV1 trees written lately: found where a body has one, by text and not by
// shape; short texts are not kept; the oldest go when the budget is spent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsV1TextOf, knownFieldsV1At, rememberFieldsV1Text } from '../../../src/api/fields-v1-texts.js';

const longTree = (tag: string, size = 1): Record<string, unknown> => ({ 'f:spec': { [`f:${tag}`]: {}, 'f:padding': { [`f:${'p'.repeat(size)}`]: {} } }, 'f:metadata': { 'f:name': {} } });

describe('fieldsV1 texts', () => {
  it('finds a kept tree where its text starts, and tells where it ends', () => {
    const tree = longTree('found');
    const text = JSON.stringify(tree);
    rememberFieldsV1Text(tree, text);
    const body = `{"fieldsV1":${text},"x":1}`;
    assert.deepEqual(knownFieldsV1At(body, 12), { tree, end: 12 + text.length });
    assert.equal(fieldsV1TextOf(tree), text);
  });

  it('finds nothing for a text that differs after the prefix, or starts elsewhere', () => {
    const tree = longTree('differs', 80);
    const text = JSON.stringify(tree);
    rememberFieldsV1Text(tree, text);
    assert.equal(knownFieldsV1At(`${text.slice(0, -3)}x}}`, 0), undefined);
    assert.equal(knownFieldsV1At(` ${text}`, 0), undefined);
  });

  it('keeps no text shorter than the prefix it is found by', () => {
    const tree = { 'f:a': {} };
    rememberFieldsV1Text(tree, JSON.stringify(tree));
    assert.equal(fieldsV1TextOf(tree), undefined);
    assert.equal(knownFieldsV1At(JSON.stringify(tree), 0), undefined);
  });

  it('finds trees of one prefix by their whole text, and knows the text of each', () => {
    const trees = ['a', 'b', 'c'].map((tag) => longTree(`same-prefix-${tag}`, 100));
    for (const tree of trees) rememberFieldsV1Text(tree, JSON.stringify(tree));
    for (const tree of trees) assert.equal(knownFieldsV1At(JSON.stringify(tree), 0)?.tree, tree);
    const twin = longTree('same-prefix-a', 100);
    rememberFieldsV1Text(twin, JSON.stringify(twin));
    assert.equal(fieldsV1TextOf(trees[0]), fieldsV1TextOf(twin));
  });

  it('forgets the oldest texts once 4 MB of them are kept', () => {
    const first = longTree('oldest', 100_000);
    rememberFieldsV1Text(first, JSON.stringify(first));
    for (let i = 0; i < 45; i++) {
      const tree = longTree(`filler-${i}`, 100_000);
      rememberFieldsV1Text(tree, JSON.stringify(tree));
    }
    assert.equal(fieldsV1TextOf(first), undefined);
    assert.equal(knownFieldsV1At(JSON.stringify(first), 0), undefined);
  });
});
