import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepEqual, specChanged } from '../../../../src/registry/compare.js';
import { defaultTable, formatTimestamp } from '../../../../src/registry/default-table.js';

test('deepEqual ignores key order and undefined members, not array order', () => {
  assert.equal(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }), true);
  assert.equal(deepEqual({ a: 1, x: undefined }, { a: 1 }), true);
  assert.equal(deepEqual([1, 2], [2, 1]), false);
  assert.equal(deepEqual({ a: [] }, { a: {} }), false);
  assert.equal(deepEqual(null, {}), false);
  assert.equal(deepEqual({ a: 1 }, { b: 1 }), false);
});

test('specChanged compares spec only', () => {
  const old = { metadata: { name: 'a' }, spec: { replicas: 1 } };
  assert.equal(specChanged({ metadata: { name: 'a', labels: { x: 'y' } }, spec: { replicas: 1 } }, old), false);
  assert.equal(specChanged({ metadata: { name: 'a' }, spec: { replicas: 2 } }, old), true);
});

test('default table: Name and Created At as RFC3339', () => {
  assert.deepEqual(
    defaultTable.columns.map((c) => [c.name, c.type, c.format]),
    [
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ],
  );
  const row = defaultTable.row({ metadata: { name: 'x', creationTimestamp: '2025-01-02T03:04:05Z' } }, new Date());
  assert.deepEqual(row, ['x', '2025-01-02T03:04:05Z']);
  assert.equal(formatTimestamp('2025-01-02T03:04:05.678Z'), '2025-01-02T03:04:05Z');
  assert.equal(formatTimestamp(undefined), '0001-01-01T00:00:00Z');
});
