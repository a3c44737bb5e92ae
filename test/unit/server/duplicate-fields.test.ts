// The duplicate-key scan behind strict decoding: paths as Kubernetes prints them, keys compared
// decoded, objects large enough to switch to a Set, and nothing reported for ordinary JSON.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateFields } from '../../../src/server/duplicate-fields.js';

describe('duplicateFields', () => {
  it('reports nested repeats with their paths, in the order they appear', () => {
    assert.deepEqual(duplicateFields('{"a":1,"b":{"c":[{"n":1,"n":"}"}],"c":3},"a":"x\\"y"}'), ['b.c[0].n', 'b.c', 'a']);
  });

  it('finds nothing in ordinary JSON, with strings full of brackets, quotes and backslashes', () => {
    assert.deepEqual(duplicateFields(' { "s" : "}" , "t":[1, 2 ,{} ], "u": null, "v": "a\\\\", "w": "\\"]" } '), []);
  });

  it('compares keys decoded: an escaped key repeats its plain spelling', () => {
    assert.deepEqual(duplicateFields('{"metadata":{"name":"a","n\\u0061me":"b"}}'), ['metadata.name']);
  });

  it('starts paths with an index for a top-level array', () => {
    assert.deepEqual(duplicateFields('[{"a":1},{"a":1,"a":2}]'), ['[1].a']);
  });

  it('still finds repeats in objects with many keys', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`);
    assert.deepEqual(duplicateFields(`{"data":{${keys.join(',')},"k3":0,"k39":1}}`), ['data.k3', 'data.k39']);
  });
});
