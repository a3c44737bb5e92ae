// The structural scan of JSON bodies: the duplicate keys strict decoding reports (paths as
// Kubernetes prints them, keys compared decoded, large objects), the managedFields fieldsV1 values
// read raw as Go's typed decoding does (those recognised passed over), and text that is not JSON
// refused rather than looped on.
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
  const body = '{"metadata":{"name":"x","managedFields":[{"manager":"m","fieldsV1":{"f:a":{},"f:a":{".":{}}}},{"fieldsV1":{"f:b":{"k:{\\"n\\":\\"}\\"}":{}}},"fieldsV1":{}}]},"spec":{"fieldsV1":{"f:c":{},"f:c":{}}}}';
  const asked: [number, string][] = [];
  const known = { tree: true };
  /** Recognises the value of entry 1 that starts with `{"f:b"`, and notes what it was asked. */
  const rawFieldsV1 = {
    recognise(entry: number, start: number) {
      asked.push([entry, body.slice(start, start + 6)]);
      return entry === 1 && body.startsWith('{"f:b"', start) ? { value: known, end: body.indexOf('}}}', start) + 3 } : undefined;
    },
  };

  it('asks about each fieldsV1 of the top-level metadata.managedFields, and passes over the ones recognised', () => {
    asked.length = 0;
    const scan = scanJSON(body, { rawFieldsV1 });
    assert.deepEqual(asked, [
      [0, '{"f:a"'],
      [1, '{"f:b"'],
      [1, '{}}]},'],
    ]);
    assert.deepEqual(
      scan.recognised.map((r) => [r.entry, r.value, body.slice(r.start, r.end)]),
      [[1, known, '{"f:b":{"k:{\\"n\\":\\"}\\"}":{}}}']],
    );
  });

  it('reads fieldsV1 raw, as Go decodes it for built-in kinds: no repeat inside reported, a repeated fieldsV1 is', () => {
    assert.deepEqual(scanJSON(body, { rawFieldsV1 }).duplicates, ['metadata.managedFields[1].fieldsV1', 'spec.fieldsV1.f:c']);
  });

  it('reads fieldsV1 as any value when not told to read it raw, as for custom resources', () => {
    assert.deepEqual(scanJSON(body).duplicates, ['metadata.managedFields[0].fieldsV1.f:a', 'metadata.managedFields[1].fieldsV1', 'spec.fieldsV1.f:c']);
  });
});

describe('scanJSON: text that is not JSON', () => {
  for (const text of ['', '   ', '{', '{"a"', '{"a":', '{"a":1', '{"a" 1}', '{a:1}', '["x"', '"open', '{"a":1,}', '[1 2]', '{"metadata":{"managedFields":[{"fieldsV1":{"f:a":{}']) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(() => scanJSON(text), ScanError);
    });
  }
});
