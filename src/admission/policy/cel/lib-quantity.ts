// Kubernetes' quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go): quantity("1Gi"),
// isQuantity, comparisons, sign, integer and float views, add and sub.
import type { Environment } from '@marcbachmann/cel-js';
import { parseQuantity } from '../../../registry/core/quantity.js';

const NANO = 1_000_000_000n;

/** A resource.Quantity as an exact count of nano-units. */
export class Quantity {
  readonly nanos: bigint;
  constructor(nanos: bigint) {
    this.nanos = nanos;
  }
}

function quantity(text: string): Quantity {
  const nanos = parseQuantity(text);
  if (nanos === undefined) throw new Error('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  return new Quantity(nanos);
}

function asInteger(q: Quantity): bigint {
  if (q.nanos % NANO !== 0n) throw new Error('cannot convert value to integer');
  return q.nanos / NANO;
}

const compare = (a: Quantity, b: Quantity): bigint => (a.nanos < b.nanos ? -1n : a.nanos > b.nanos ? 1n : 0n);

export function registerQuantity(env: Environment): void {
  env
    .registerType('Quantity', Quantity)
    .registerFunction('quantity(string): Quantity', quantity)
    .registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined)
    .registerFunction('Quantity.isLessThan(Quantity): bool', (a: Quantity, b: Quantity) => a.nanos < b.nanos)
    .registerFunction('Quantity.isGreaterThan(Quantity): bool', (a: Quantity, b: Quantity) => a.nanos > b.nanos)
    .registerFunction('Quantity.compareTo(Quantity): int', compare)
    .registerFunction('Quantity.sign(): int', (q: Quantity) => (q.nanos < 0n ? -1n : q.nanos > 0n ? 1n : 0n))
    .registerFunction('Quantity.isInteger(): bool', (q: Quantity) => q.nanos % NANO === 0n)
    .registerFunction('Quantity.asInteger(): int', asInteger)
    .registerFunction('Quantity.asApproximateFloat(): double', (q: Quantity) => Number(q.nanos) / 1e9)
    .registerFunction('Quantity.add(Quantity): Quantity', (a: Quantity, b: Quantity) => new Quantity(a.nanos + b.nanos))
    .registerFunction('Quantity.add(int): Quantity', (a: Quantity, b: bigint) => new Quantity(a.nanos + b * NANO))
    .registerFunction('Quantity.sub(Quantity): Quantity', (a: Quantity, b: Quantity) => new Quantity(a.nanos - b.nanos))
    .registerFunction('Quantity.sub(int): Quantity', (a: Quantity, b: bigint) => new Quantity(a.nanos - b * NANO));
}
