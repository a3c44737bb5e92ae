// JSON object bodies: managedFields whose fieldsV1 texts are trees this server wrote come back as
// those very trees (not parsed again), anything else as JSON.parse reads it; the keys a body
// repeats come with it; text that is not JSON gets the decoder's 400.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { decodeObjectBody } from '../../../src/server/body.js';
import { rememberFieldsV1Text } from '../../../src/api/fields-v1-texts.js';
import { StatusError } from '../../../src/api/errors.js';

const JSON_REQUEST = { headers: { 'content-type': 'application/json' } } as unknown as IncomingMessage;
const EXPECTED = { apiVersion: 'v1', kind: 'ConfigMap' };

/** A fieldsV1 tree long enough to be kept (64 characters or more), distinct per `tag`. */
function tree(tag: string): Record<string, unknown> {
  return { 'f:data': { '.': {}, [`f:${tag}`]: {}, 'f:some-long-key-name-to-pass-the-prefix': {} }, 'f:metadata': { 'f:labels': { [`f:${tag}`]: {} } } };
}

function body(trees: unknown[], extra = ''): string {
  const entries = trees.map((t, i) => ({ manager: `m${i}`, operation: 'Update', apiVersion: 'v1', time: '2026-11-30T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: t }));
  return `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","managedFields":${JSON.stringify(entries)}}${extra},"data":{"a":"1"}}`;
}

const decode = async (text: string) => decodeObjectBody(JSON_REQUEST, Buffer.from(text), EXPECTED);
type Decoded = { metadata: { managedFields: { fieldsV1: unknown }[] } };

describe('decodeObjectBody: JSON', () => {
  it('gives back the trees written lately for their texts, and parses the others', async () => {
    const known = tree('known');
    rememberFieldsV1Text(known, JSON.stringify(known));
    const unknown = tree('unknown');
    const text = body([known, unknown]);
    const { value, duplicates } = await decode(text);
    assert.deepEqual(duplicates, []);
    const entries = (value as Decoded).metadata.managedFields;
    assert.equal(entries[0].fieldsV1, known);
    assert.notEqual(entries[1].fieldsV1, unknown);
    assert.deepEqual(value, JSON.parse(text));
  });

  it('parses every fieldsV1 of a body that repeats a key, and reports the key', async () => {
    const known = tree('repeated');
    rememberFieldsV1Text(known, JSON.stringify(known));
    const text = body([known], ',"data":{}');
    const { value, duplicates } = await decode(text);
    assert.deepEqual(duplicates, ['data']);
    assert.notEqual((value as Decoded).metadata.managedFields[0].fieldsV1, known);
    assert.deepEqual(value, JSON.parse(text));
  });

  it('answers text that is not JSON with the decoder 400, a known fieldsV1 in it or not', async () => {
    const known = tree('broken');
    rememberFieldsV1Text(known, JSON.stringify(known));
    for (const text of [body([known]).slice(0, -1), `${body([known])}x`, body([known]).replace('"data":{"a":"1"}', '"data":{"a":}')]) {
      await assert.rejects(decode(text), (err: unknown) => {
        assert.ok(err instanceof StatusError);
        assert.equal(err.code, 400);
        assert.match(err.status.message, /^the object provided is unrecognized \(must be of type ConfigMap\): couldn't get version\/kind; json parse error: /);
        return true;
      });
    }
  });
});
