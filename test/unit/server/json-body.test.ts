// JSON object bodies: a built-in kind's managedFields whose fieldsV1 texts are the live object's
// come back as those very trees (not parsed again), anything else as JSON.parse reads it; the keys
// a body repeats come with it, inside fieldsV1 only for custom resources; text that is not JSON
// gets the decoder's 400.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { decodeObjectBody, type ObjectBodyOptions } from '../../../src/server/body.js';
import { StatusError } from '../../../src/api/errors.js';

const JSON_REQUEST = { headers: { 'content-type': 'application/json' } } as unknown as IncomingMessage;
const EXPECTED = { apiVersion: 'v1', kind: 'ConfigMap' };

const tree = (tag: string): Record<string, unknown> => ({ 'f:data': { '.': {}, [`f:${tag}`]: {} }, 'f:metadata': { 'f:labels': { [`f:${tag}`]: {} } } });
const entry = (manager: string, fieldsV1: unknown) => ({ manager, operation: 'Update', apiVersion: 'v1', time: '2026-11-30T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1 });

function body(entries: unknown[], extra = ''): string {
  return `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","managedFields":${JSON.stringify(entries)}}${extra},"data":{"a":"1"}}`;
}

const decode = (text: string, options: ObjectBodyOptions) => decodeObjectBody(JSON_REQUEST, Buffer.from(text), EXPECTED, options);
type Decoded = { metadata: { managedFields: { fieldsV1: unknown }[] } };
const treesOf = (value: unknown): unknown[] => (value as Decoded).metadata.managedFields.map((e) => e.fieldsV1);

describe('decodeObjectBody: JSON', () => {
  const live = [entry('a', tree('a')), entry('b', tree('b'))];

  it('gives back the live trees for their texts, in any entry, and parses the others', async () => {
    const text = body([entry('b', tree('b')), entry('other', tree('other')), entry('a', tree('a'))]);
    const { value, duplicates } = await decode(text, { builtin: true, liveManagedFields: () => live });
    assert.deepEqual(duplicates, []);
    const [b, other, a] = treesOf(value);
    assert.equal(b, live[1].fieldsV1);
    assert.equal(a, live[0].fieldsV1);
    assert.ok(other !== live[0].fieldsV1 && other !== live[1].fieldsV1);
    assert.deepEqual(value, JSON.parse(text));
  });

  it('parses every fieldsV1 of a custom resource, of a body that repeats a key, and of one not all ASCII', async () => {
    const text = body(live);
    for (const [options, raw] of [
      [{ builtin: false, liveManagedFields: () => live }, text],
      [{ builtin: true, liveManagedFields: () => live }, body(live, ',"data":{}')],
      [{ builtin: true, liveManagedFields: () => live }, text.replace('"name":"x"', '"name":"é"')],
    ] as const) {
      const { value } = await decode(raw, options);
      assert.ok(treesOf(value).every((t, i) => t !== live[i].fieldsV1));
      assert.deepEqual(value, JSON.parse(raw));
    }
  });

  it('reports a key repeated inside a fieldsV1 for custom resources only, as Go decodes them into maps', async () => {
    const text = body([entry('m', { 'f:data': {} })]).replace('"f:data":{}', '"f:data":{},"f:data":{}');
    assert.deepEqual((await decode(text, { builtin: true })).duplicates, []);
    assert.deepEqual((await decode(text, { builtin: false })).duplicates, ['metadata.managedFields[0].fieldsV1.f:data']);
  });

  it('answers text that is not JSON with the decoder 400, a live fieldsV1 in it or not', async () => {
    for (const text of [body(live).slice(0, -1), `${body(live)}x`, body(live).replace('"data":{"a":"1"}', '"data":{"a":}')]) {
      await assert.rejects(decode(text, { builtin: true, liveManagedFields: () => live }), (err: unknown) => {
        assert.ok(err instanceof StatusError);
        assert.equal(err.code, 400);
        assert.match(err.status.message, /^the object provided is unrecognized \(must be of type ConfigMap\): couldn't get version\/kind; json parse error: /);
        return true;
      });
    }
  });
});
