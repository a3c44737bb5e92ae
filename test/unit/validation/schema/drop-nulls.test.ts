// Dropping a body's null fields, as Go's decoder leaves them out: everywhere but inside a
// managedFields entry's fieldsV1, which Go keeps as raw bytes, and which stays the very value.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withoutNulls } from '../../../../src/validation/schema/drop-nulls.js';

describe('withoutNulls', () => {
  it('drops null members at every depth but keeps nulls in arrays', () => {
    assert.deepEqual(withoutNulls({ a: null, b: { c: null, d: [null, { e: null }] }, metadata: { name: 'x', labels: null } }), { b: { d: [null, {}] }, metadata: { name: 'x' } });
  });

  it('keeps each managedFields entry fieldsV1 as it came, nulls and all, and copies the rest', () => {
    const fieldsV1 = { 'f:data': { 'f:a': null } };
    const body = { metadata: { managedFields: [{ manager: 'm', time: null, fieldsV1 }, 'odd'] } };
    const out = withoutNulls(body) as { metadata: { managedFields: [Record<string, unknown>, unknown] } };
    assert.equal(out.metadata.managedFields[0].fieldsV1, fieldsV1);
    assert.deepEqual(out.metadata.managedFields, [{ manager: 'm', fieldsV1: { 'f:data': { 'f:a': null } } }, 'odd']);
    assert.notEqual(out.metadata, body.metadata);
  });
});
