import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchemas, type CompiledMessage } from '../../../src/protobuf/compile.js';
import { decodeMessage } from '../../../src/protobuf/decode-message.js';
import type { KindTable, SchemaTable } from '../../../src/protobuf/schema-types.js';
import { KINDS, MESSAGES } from '../../../src/protobuf/schemas.js';
import { WireError } from '../../../src/protobuf/wire.js';
import { bool, bytes, int, message, str } from './encoder.js';

function compileOne(table: SchemaTable, name: string): CompiledMessage {
  const message = compileSchemas(table, { 'test/v1': { Thing: name } }).lookup('test/v1', 'Thing');
  assert.ok(message);
  return message;
}

describe('compileSchemas', () => {
  it('accepts the shipped tables and resolves every kind', () => {
    const schemas = compileSchemas(MESSAGES, KINDS);
    for (const [apiVersion, byKind] of Object.entries(KINDS)) {
      for (const kind of Object.keys(byKind)) assert.ok(schemas.lookup(apiVersion, kind), `${apiVersion}/${kind}`);
    }
    assert.equal(schemas.lookup('v1', 'Node'), undefined);
  });

  it('rejects broken tables at start-up', () => {
    const cases: Array<[SchemaTable, KindTable, RegExp]> = [
      [{ A: { fields: { 1: { name: 'b', type: 'message:Missing' } } } }, {}, /A\.b: unknown message Missing/],
      [{ A: { fields: { 1: { name: 'b', type: 'float' as 'string' } } } }, {}, /A\.b: unknown type float/],
      [{ A: { fields: { 1: { name: 'b', type: 'string' }, 2: { name: 'b', type: 'bool' } } } }, {}, /JSON name b used twice/],
      [{ A: { fields: { 0: { name: 'b', type: 'string' } } } }, {}, /invalid field number 0/],
      [{ A: { wraps: 3, fields: { 1: { name: 'b', type: 'string' } } } }, {}, /wraps must name a repeated field, not 3/],
      [{ A: { wraps: 1, fields: { 1: { name: 'b', type: 'string' } } } }, {}, /wraps must name a repeated field, not 1/],
      [{ A: { fields: { 1: { name: 'b', type: 'string', repeated: true, keepZero: true } } } }, {}, /singular fields only/],
      [{ A: { fields: { 1: { name: 'b', type: 'map<string,string>', repeated: true } } } }, {}, /not also repeated/],
      [{}, { v1: { Thing: 'Nope' } }, /kind v1\/Thing: unknown message Nope/],
    ];
    for (const [messages, kinds, error] of cases) assert.throws(() => compileSchemas(messages, kinds), error);
  });
});

describe('decodeMessage with a custom table', () => {
  const table: SchemaTable = {
    'test.v1.Thing': {
      fields: {
        1: { name: 'data', type: 'bytes' },
        2: { name: 'delta', type: 'int32' },
        3: { name: 'counts', type: 'map<string,int32>' },
        4: { name: 'when', type: 'time', repeated: true },
        5: { name: 'child', type: 'message:test.v1.Thing', pointer: true },
        6: { name: 'flag', type: 'bool', keepZero: true },
        7: { name: 'empty', type: 'bytes', keepZero: true },
      },
    },
  };
  const thing = compileOne(table, 'test.v1.Thing');

  it('writes bytes as base64, int32 with sign, maps of scalars and lists of times', () => {
    const raw = Buffer.concat([
      bytes(1, Buffer.from('hi')),
      int(2, -5),
      message(3, str(1, 'a'), int(2, 7)),
      message(3, str(1, 'b')),
      message(4, int(1, 0)),
      message(4),
    ]);
    assert.deepEqual(decodeMessage(thing, raw), {
      data: 'aGk=',
      delta: -5,
      counts: { a: 7, b: 0 },
      when: ['1970-01-01T00:00:00Z', null],
      flag: false,
      empty: '',
    });
  });

  it('keeps the last occurrence of a repeated scalar', () => {
    assert.deepEqual(decodeMessage(thing, Buffer.concat([bool(6, true), bool(6, false), int(2, 1), int(2, 2)])), { delta: 2, flag: false, empty: '' });
  });

  it('stops hostile nesting with an error instead of a stack overflow', () => {
    let nested: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 200; i++) nested = message(5, nested);
    assert.throws(() => decodeMessage(thing, nested), (err: unknown) => err instanceof WireError && /nesting deeper than 64/.test(err.message));
    let shallow: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 10; i++) shallow = message(5, shallow);
    assert.doesNotThrow(() => decodeMessage(thing, shallow));
  });
});
