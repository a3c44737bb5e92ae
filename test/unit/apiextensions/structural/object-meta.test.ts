import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import { coerceEmbeddedObjectMeta, coerceObjectMeta } from '../../../../src/apiextensions/structural/index.js';

const PREFIX = 'Widget in version "v1" cannot be handled as a Widget: ';

function decodeError(run: () => unknown): { code: number; reason: string; message: string } {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof StatusError);
    return { code: err.status.code ?? 0, reason: err.status.reason ?? '', message: err.status.message ?? '' };
  }
  assert.fail('expected a decode error');
}

const rootError = (metadata: unknown): string => {
  const err = decodeError(() => coerceObjectMeta({ apiVersion: 'example.com/v1', kind: 'Widget', metadata }, 'Widget', 'v1'));
  assert.equal(err.code, 400);
  assert.equal(err.reason, 'BadRequest');
  assert.ok(err.message.startsWith(PREFIX), err.message);
  return err.message.slice(PREFIX.length);
};

test('wrongly typed ObjectMeta fields are decode errors in Go json words', () => {
  assert.equal(rootError({ name: 'a', labels: 'notamap' }), 'json: cannot unmarshal string into Go struct field ObjectMeta.labels of type map[string]string');
  assert.equal(rootError({ labels: { a: 1 } }), 'json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string');
  assert.equal(rootError({ annotations: { a: 1 } }), 'json: cannot unmarshal number into Go struct field ObjectMeta.annotations of type string');
  assert.equal(rootError({ name: 5 }), 'json: cannot unmarshal number into Go struct field ObjectMeta.name of type string');
  assert.equal(rootError({ generateName: 5 }), 'json: cannot unmarshal number into Go struct field ObjectMeta.generateName of type string');
  assert.equal(rootError({ ownerReferences: {} }), 'json: cannot unmarshal object into Go struct field ObjectMeta.ownerReferences of type []v1.OwnerReference');
  assert.equal(rootError({ finalizers: 'str' }), 'json: cannot unmarshal string into Go struct field ObjectMeta.finalizers of type []string');
  assert.equal(rootError({ ownerReferences: [{ name: 5 }] }), 'json: cannot unmarshal number into Go struct field OwnerReference.ownerReferences.name of type string');
  assert.equal(rootError({ generation: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.generation of type int64');
  assert.equal(rootError({ uid: true }), 'json: cannot unmarshal bool into Go struct field ObjectMeta.uid of type types.UID');
  assert.equal(rootError('x'), 'json: cannot unmarshal string into Go value of type v1.ObjectMeta');
  assert.equal(rootError({ creationTimestamp: 'yesterday' }), 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
  assert.equal(rootError({ creationTimestamp: '2024-13-01T00:00:00Z' }), 'parsing time "2024-13-01T00:00:00Z": month out of range');
});

test('unknown metadata fields are dropped and named; nulls and known fields pass', () => {
  const obj = {
    metadata: { name: 'a', unknownMeta: 1, labels: { a: 'b' }, ownerReferences: [{ name: 'o', extra: true }], deletionTimestamp: null, managedFields: [{ fieldsV1: { 'f:a': {} } }] },
  };
  assert.deepEqual(coerceObjectMeta(obj, 'Widget', 'v1'), { unknown: ['metadata.unknownMeta', 'metadata.ownerReferences[0].extra'] });
  assert.deepEqual(obj.metadata, { name: 'a', labels: { a: 'b' }, ownerReferences: [{ name: 'o' }], deletionTimestamp: null, managedFields: [{ fieldsV1: { 'f:a': {} } }] });
  assert.deepEqual(coerceObjectMeta({ spec: {} }, 'Widget', 'v1'), { unknown: [] });
});

const EMBEDDING: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        items: { type: 'array', items: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } },
      },
    },
  },
} as Schema;

test('embedded resources: metadata decoded the same way, apiVersion and kind strings; errors are field errors', () => {
  const bad = (spec: unknown): string => decodeError(() => coerceEmbeddedObjectMeta({ spec }, EMBEDDING, 'Widget', 'v1')).message.slice(PREFIX.length);
  assert.equal(
    bad({ template: { metadata: { labels: 'x' } } }),
    'spec.template.metadata: Invalid value: map[string]interface {}{"labels":"x"}: json: cannot unmarshal string into Go struct field ObjectMeta.labels of type map[string]string',
  );
  assert.equal(bad({ items: [{ kind: 5 }] }), 'spec.items[0].kind: Invalid value: 5: must be a string');

  const obj = { spec: { template: { metadata: { name: 'x', zzz: 1, aaa: 2 } }, items: [{ metadata: { foo: 1 } }] } };
  assert.deepEqual(coerceEmbeddedObjectMeta(obj, EMBEDDING, 'Widget', 'v1'), {
    unknown: ['spec.items[0].metadata.foo', 'spec.template.metadata.aaa', 'spec.template.metadata.zzz'],
  });
  assert.deepEqual(obj.spec.template.metadata, { name: 'x' });
  // the root is not an embedded resource here: its metadata is coerceObjectMeta's
  assert.deepEqual(coerceEmbeddedObjectMeta({ metadata: { foo: 1 } }, EMBEDDING, 'Widget', 'v1'), { unknown: [] });
});

test('null label and annotation values and list items become the zero values Go decodes them to', () => {
  // Found by fuzzing: labels {a: null} reached label validation and was a 500.
  const metadata = { name: 'a', labels: { a: null }, annotations: { b: null }, finalizers: [null], ownerReferences: [null] };
  const obj: Record<string, unknown> = { apiVersion: 'example.com/v1', kind: 'Widget', metadata };
  assert.deepEqual(coerceObjectMeta(obj, 'Widget', 'v1').unknown, []);
  assert.deepEqual(obj.metadata, { name: 'a', labels: { a: '' }, annotations: { b: '' }, finalizers: [''], ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] });
});
