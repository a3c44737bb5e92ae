// The structural scan of JSON bodies: the duplicate keys strict decoding reports (paths as
// Kubernetes prints them, keys compared decoded, large objects), the managedFields fieldsV1 values
// it passes over as Go's raw decoding does, and text that is not JSON refused rather than looped on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ScanError, scanJSON } from '../../../src/server/json-scan.js';

const duplicateFields = (text: string): string[] => scanJSON(text).duplicates;

describe('scanJSON: duplicate keys', () => {
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

  it('agrees with JSON.parse about which key is repeated, over generated documents', () => {
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const keys = ['a', 'b', 'c', 'd\\"q', 'e}', '[f'];
    const value = (depth: number): string => {
      const pick = random(depth > 3 ? 3 : 6);
      if (pick === 0) return JSON.stringify(random(100) - 50);
      if (pick === 1) return JSON.stringify(['x', '"', '\\', '{[', ''][random(5)]);
      if (pick === 2) return ['true', 'false', 'null'][random(3)];
      if (pick === 3) return `[${Array.from({ length: random(3) }, () => value(depth + 1)).join(' , ')}]`;
      const members = Array.from({ length: random(4) }, () => `"${keys[random(keys.length)]}" : ${value(depth + 1)}`);
      return `{ ${members.join(',\n')} }`;
    };
    for (let n = 0; n < 500; n++) {
      const text = value(0);
      const parsed = JSON.parse(text) as unknown;
      const scan = scanJSON(text);
      // A document without repeats parses to as many keys as its text names.
      const named = (text.match(/" :/g) ?? []).length;
      const count = (v: unknown): number => (Array.isArray(v) ? v.reduce((s: number, x) => s + count(x), 0) : v && typeof v === 'object' ? Object.values(v).reduce((s: number, x) => s + 1 + count(x), 0) : 0);
      assert.equal(scan.duplicates.length === 0, count(parsed) === named, text);
    }
  });
});

describe('scanJSON: managedFields', () => {
  const body = '{"metadata":{"name":"x","managedFields":[{"manager":"m","fieldsV1":{"f:a":{},"f:a":{".":{}}}},{"fieldsV1":{"f:b":{"k:{\\"n\\":\\"}\\"}":{}}},"fieldsV1":{}}]},"spec":{"fieldsV1":{}}}';

  it('notes where each entry of the top-level metadata.managedFields has its fieldsV1', () => {
    const scan = scanJSON(body);
    assert.deepEqual(
      scan.fieldsV1.map((span) => [span.entry, body.slice(span.start, span.end)]),
      [
        [0, '{"f:a":{},"f:a":{".":{}}}'],
        [1, '{"f:b":{"k:{\\"n\\":\\"}\\"}":{}}}'],
        [1, '{}'],
      ],
    );
  });

  it('reports no repeat inside a fieldsV1, as Go decodes it raw, but does report a repeated fieldsV1', () => {
    assert.deepEqual(scanJSON(body).duplicates, ['metadata.managedFields[1].fieldsV1']);
  });
});

describe('scanJSON: text that is not JSON', () => {
  for (const text of ['', '   ', '{', '{"a"', '{"a":', '{"a":1', '{"a" 1}', '{a:1}', '["x"', '"open', '{"a":1,}', '[1 2]', '{"metadata":{"managedFields":[{"fieldsV1":{"f:a":{}']) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(() => scanJSON(text), ScanError);
    });
  }
});
