import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WireError, WireReader } from '../../../src/protobuf/wire.js';
import { fixed32, fixed64, int, str, tag, varint } from './encoder.js';

const reader = (...bytes: number[]): WireReader => new WireReader(Uint8Array.from(bytes));
const throwsWire = (fn: () => unknown, message: string): void => {
  assert.throws(fn, (err: unknown) => err instanceof WireError && err.message === message);
};

describe('WireReader varints', () => {
  it('reads one- and multi-byte values', () => {
    assert.equal(reader(0).readVarint(), 0n);
    assert.equal(reader(0x7f).readVarint(), 127n);
    assert.equal(reader(0xac, 0x02).readVarint(), 300n);
  });

  it('reads the full 64 bits (10 bytes) without losing precision', () => {
    const max = new WireReader(varint(2n ** 64n - 1n));
    assert.equal(max.readVarint(), 2n ** 64n - 1n);
    assert.ok(max.done);
    assert.equal(new WireReader(varint(-1)).readVarint(), 2n ** 64n - 1n);
  });

  it('rejects a 10th byte above 1 and varints longer than 10 bytes', () => {
    throwsWire(() => reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02).readVarint(), 'proto: integer overflow');
    throwsWire(() => new WireReader(Buffer.alloc(64, 0x80)).readVarint(), 'proto: integer overflow');
  });

  it('rejects a truncated varint', () => {
    throwsWire(() => reader(0x80).readVarint(), 'unexpected EOF');
    throwsWire(() => reader().readVarint(), 'unexpected EOF');
  });
});

describe('WireReader tags and payloads', () => {
  it('splits a key into field number and wire type', () => {
    assert.deepEqual(new WireReader(tag(11, 2)).readTag('X'), { field: 11, wireType: 2 });
    assert.deepEqual(new WireReader(tag(2 ** 29 - 1, 0)).readTag('X'), { field: 2 ** 29 - 1, wireType: 0 });
  });

  it('rejects field 0, too-large field numbers and end-group keys', () => {
    throwsWire(() => reader(0x00).readTag('ObjectMeta'), 'proto: ObjectMeta: illegal tag 0 (wire type 0)');
    throwsWire(() => reader(0x02).readTag('ObjectMeta'), 'proto: ObjectMeta: illegal tag 0 (wire type 2)');
    throwsWire(() => new WireReader(tag(2 ** 29, 0)).readTag('X'), `proto: X: illegal tag ${2 ** 29} (wire type 0)`);
    throwsWire(() => new WireReader(tag(1, 4)).readTag('Unknown'), 'proto: Unknown: wiretype end group for non-group');
  });

  it('returns length-delimited payloads and checks their length against the input', () => {
    const r = new WireReader(Buffer.concat([str(1, 'abc'), str(2, '')]));
    r.readTag('X');
    assert.equal(Buffer.from(r.readBytes()).toString(), 'abc');
    r.readTag('X');
    assert.equal(r.readBytes().length, 0);
    assert.ok(r.done);
    throwsWire(() => reader(0x05, 0x61).readBytes(), 'unexpected EOF');
    throwsWire(() => new WireReader(varint(2n ** 63n)).readBytes(), 'unexpected EOF');
  });

  it('skips every wire type Kubernetes can send, and nothing else', () => {
    const r = new WireReader(Buffer.concat([fixed32(1), fixed64(2), int(3, 300), str(4, 'x'), int(5, 7)]));
    for (let i = 0; i < 4; i++) r.skip(r.readTag('X').wireType);
    assert.deepEqual(r.readTag('X'), { field: 5, wireType: 0 });
    assert.equal(r.readVarint(), 7n);
    throwsWire(() => reader(1, 2, 3).skip(1), 'unexpected EOF');
    throwsWire(() => reader(1, 2, 3).skip(5), 'unexpected EOF');
    for (const wt of [3, 6, 7]) throwsWire(() => reader(0).skip(wt), `proto: illegal wireType ${wt}`);
  });
});
