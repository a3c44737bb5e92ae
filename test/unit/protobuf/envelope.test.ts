import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvelope } from '../../../src/protobuf/envelope.js';
import { WireError } from '../../../src/protobuf/wire.js';
import { int, message, str } from './encoder.js';
import { SSAR_BASE64 } from './fixtures.js';


const MAGIC = Buffer.from('k8s\0', 'latin1');
const throwsWire = (fn: () => unknown, message: string): void => {
  assert.throws(fn, (err: unknown) => err instanceof WireError && err.message === message);
};

describe('parseEnvelope', () => {
  it('reads the TypeMeta and raw bytes kubectl sends', () => {
    const e = parseEnvelope(Buffer.from(SSAR_BASE64, 'base64'));
    assert.equal(e.apiVersion, 'authorization.k8s.io/v1');
    assert.equal(e.kind, 'SelfSubjectAccessReview');
    assert.equal(e.raw.length, 63);
    assert.equal(e.contentEncoding, '');
    assert.equal(e.contentType, '');
  });

  it('rejects a body without the magic, or with nothing after it, in apimachinery words', () => {
    throwsWire(() => parseEnvelope(Buffer.alloc(0)), 'empty data');
    throwsWire(() => parseEnvelope(Buffer.from('{"kind":"Namespace"}')), 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
    throwsWire(() => parseEnvelope(Buffer.from('k8s')), 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
    throwsWire(() => parseEnvelope(MAGIC), 'empty body');
  });

  it('merges a repeated TypeMeta and skips unknown fields', () => {
    const body = Buffer.concat([MAGIC, message(1, str(1, 'v1')), int(9, 5), message(1, str(2, 'Namespace')), str(2, 'raw')]);
    const e = parseEnvelope(body);
    assert.equal(e.apiVersion, 'v1');
    assert.equal(e.kind, 'Namespace');
    assert.equal(Buffer.from(e.raw).toString(), 'raw');
  });

  it('rejects wrong wire types', () => {
    throwsWire(() => parseEnvelope(Buffer.concat([MAGIC, int(2, 1)])), 'proto: wrong wireType = 0 for field Raw');
    throwsWire(() => parseEnvelope(Buffer.concat([MAGIC, message(1, int(2, 1))])), 'proto: wrong wireType = 0 for field Kind');
  });

  it('keeps contentEncoding and contentType', () => {
    const body = Buffer.concat([MAGIC, message(1, str(1, 'v1'), str(2, 'Namespace')), str(3, 'gzip'), str(4, 'application/x')]);
    const e = parseEnvelope(body);
    assert.equal(e.contentEncoding, 'gzip');
    assert.equal(e.contentType, 'application/x');
  });
});
