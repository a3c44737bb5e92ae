import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity } from '../../../../src/registry/core/quantity.js';

test('quantities in nano-units', () => {
  assert.equal(parseQuantity('1'), 1_000_000_000n);
  assert.equal(parseQuantity('100m'), 100_000_000n);
  assert.equal(parseQuantity('0.5'), 500_000_000n);
  assert.equal(parseQuantity('1Ki'), 1024n * 1_000_000_000n);
  assert.equal(parseQuantity('1Gi'), parseQuantity('1024Mi'));
  assert.equal(parseQuantity('1k'), parseQuantity('1e3'));
  assert.equal(parseQuantity('1.5Gi'), (3n << 29n) * 1_000_000_000n);
  assert.equal(parseQuantity('-2'), -2_000_000_000n);
  assert.equal(parseQuantity('1n'), 1n);
  assert.equal(parseQuantity('0.1n'), 1n);
  assert.equal(parseQuantity('abc'), undefined);
  assert.equal(parseQuantity('1Xi'), undefined);
  assert.equal(parseQuantity(''), undefined);
  assert.equal(parseQuantity('.'), undefined);
});
