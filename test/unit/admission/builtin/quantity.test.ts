// Canonical Quantity strings and Quantity.Add's format rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addQuantity, formatQuantity, toQuantity } from '../../../../src/admission/plugins/quantity.js';

const canonical = (s: string): string => formatQuantity(toQuantity(s)!);

describe('formatQuantity', () => {
  const cases: Array<[string, string]> = [
    ['0', '0'], ['1', '1'], ['1000m', '1'], ['1500m', '1500m'], ['1.5', '1500m'], ['2000', '2k'], ['1500', '1500'],
    ['128Mi', '128Mi'], ['1Gi', '1Gi'], ['1536Mi', '1536Mi'], ['512Ki', '512Ki'], ['0.5Gi', '512Mi'], ['100m', '100m'], ['1e3', '1e3'],
  ];
  for (const [input, want] of cases) it(`${input} → ${want}`, () => assert.equal(canonical(input), want));
});

describe('addQuantity', () => {
  it('keeps the first format, unless it was zero', () => {
    assert.equal(formatQuantity(addQuantity(toQuantity('64Mi')!, toQuantity('64Mi')!)), '128Mi');
    assert.equal(formatQuantity(addQuantity(toQuantity('0')!, toQuantity('64Mi')!)), '64Mi');
    assert.equal(formatQuantity(addQuantity(toQuantity('200m')!, toQuantity('800m')!)), '1');
  });
});
