import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchemas, type CompiledMessage } from '../../../src/protobuf/compile.js';
import { decodeMessage } from '../../../src/protobuf/decode-message.js';
import type { KindTable, SchemaTable } from '../../../src/protobuf/schema-types.js';
import { decodeProtobufBody } from '../../../src/protobuf/index.js';
import { WireError } from '../../../src/protobuf/wire.js';
import { bool, emptyObjectMeta, envelope, int, intOrString, message, quantity, quantityMap, str } from './encoder.js';

const table: SchemaTable = {
  'test.v1.Thing': {
    fields: {
      1: { name: 'port', type: 'intorstring', keepZero: true },
      2: { name: 'surge', type: 'intorstring', pointer: true },
      3: { name: 'size', type: 'quantity', pointer: true },
      4: { name: 'limits', type: 'map<string,quantity>' },
      5: { name: 'ref', type: 'message:test.v1.Ref', inline: true },
      6: { name: 'count', type: 'int32' },
    },
  },
  'test.v1.Ref': { fields: { 1: { name: 'name', type: 'string' }, 2: { name: 'kind', type: 'string', keepZero: true } } },
};
const thing = compileSchemas(table, { 'test/v1': { Thing: 'test.v1.Thing' } }).lookup('test/v1', 'Thing') as CompiledMessage;

describe('IntOrString, Quantity and inline embeddings', () => {
  it('writes an IntOrString as a number or a string, and a zero struct value as 0', () => {
    assert.deepEqual(decodeMessage(thing, Buffer.concat([intOrString(1, 8080), intOrString(2, '25%')])), { port: 8080, surge: '25%', kind: '' });
    assert.deepEqual(decodeMessage(thing, Buffer.concat([intOrString(2, 0)])), { port: 0, surge: 0, kind: '' });
  });

  it('writes a Quantity as its string, an empty one as "0"', () => {
    const raw = Buffer.concat([quantity(3, '1Gi'), quantityMap(4, { cpu: '100m', memory: '' })]);
    assert.deepEqual(decodeMessage(thing, raw), { port: 0, size: '1Gi', limits: { cpu: '100m', memory: '0' }, kind: '' });
    assert.deepEqual(decodeMessage(thing, message(3)), { port: 0, size: '0', kind: '' });
  });

  it('merges an inline message into the enclosing object, present or not', () => {
    assert.deepEqual(decodeMessage(thing, Buffer.concat([message(5, str(1, 'cfg'), str(2, 'ConfigMap')), int(6, 2)])), {
      port: 0,
      name: 'cfg',
      kind: 'ConfigMap',
      count: 2,
    });
  });

  it('rejects an IntOrString of an impossible type or wire type', () => {
    const bad = (raw: Buffer, text: RegExp) => assert.throws(() => decodeMessage(thing, raw), (e: unknown) => e instanceof WireError && text.test(e.message));
    bad(message(1, int(1, 2), int(2, 5)), /impossible IntOrString.Type/);
    bad(message(1, str(2, 'x')), /wrong wireType = 2 for field IntVal/);
    bad(message(3, int(1, 5)), /wrong wireType = 0 for field String_/);
  });

  it('rejects inline on anything but a plain message field', () => {
    const cases: SchemaTable[] = [
      { A: { fields: { 1: { name: 'b', type: 'string', inline: true } } } },
      { A: { fields: { 1: { name: 'b', type: 'message:A', inline: true, pointer: true } } } },
      { A: { fields: { 1: { name: 'b', type: 'message:A', inline: true, repeated: true } } } },
    ];
    const kinds: KindTable = {};
    for (const messages of cases) assert.throws(() => compileSchemas(messages, kinds), /inline applies to a singular, non-pointer message only/);
  });
});

describe('decodeProtobufBody: typed fields kubectl create does not send', () => {
  it('keeps a rolling update percentage and a zero maxUnavailable (both pointers)', () => {
    const strategy = message(4, str(1, 'RollingUpdate'), message(2, intOrString(1, 0), intOrString(2, '25%')));
    const raw = Buffer.concat([emptyObjectMeta(1, 'web'), message(2, int(1, 0), strategy, int(5, 0), bool(7, false))]);
    const json = decodeProtobufBody(envelope('apps/v1', 'Deployment', raw));
    assert.deepEqual(json.spec, {
      replicas: 0,
      template: { metadata: {}, spec: {} },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
    });
    assert.deepEqual(json.status, {});
  });

  it('writes a service port without targetPort as targetPort 0 (a Go struct value)', () => {
    const raw = Buffer.concat([emptyObjectMeta(1, 'svc'), message(2, message(1, str(1, ''), str(2, 'UDP'), int(3, 53), int(5, 0)))]);
    const json = decodeProtobufBody(envelope('v1', 'Service', raw));
    assert.deepEqual(json.spec, { ports: [{ protocol: 'UDP', port: 53, targetPort: 0 }] });
    assert.deepEqual(json.status, { loadBalancer: {} });
  });
});

