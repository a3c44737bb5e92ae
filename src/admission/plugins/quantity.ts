// resource.Quantity as the admission plugins need it: exact values with the format they were
// written in, added as Quantity.Add adds (a zero takes the other's format), and printed in
// canonical form (String()): `1500m`, `2`, `1k`, `128Mi`, `1536`.
import { parseQuantity } from '../../registry/core/quantity.js';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano-units. */
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

export function toQuantity(text: string): Quantity | undefined {
  const nanos = parseQuantity(String(text));
  if (nanos === undefined) return undefined;
  const trimmed = String(text).trim();
  const format: QuantityFormat = /[KMGTPE]i$/.test(trimmed) ? 'BinarySI' : /\d[eE][+-]?\d+$/.test(trimmed) ? 'DecimalExponent' : 'DecimalSI';
  return { nanos, format };
}

export function quantityOf(nanos: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos, format };
}

/** Quantity.Add: the sum keeps the first one's format, unless it was zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** A mantissa and a power of ten (a multiple of 3, at most 18) with no trailing thousands. */
function decimalParts(nanos: bigint): [bigint, number] {
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa % 1000n === 0n && exponent < 18) {
    mantissa /= 1000n;
    exponent += 3;
  }
  return [mantissa, exponent];
}

export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const whole = q.nanos % NANO === 0n;
  const magnitude = q.nanos < 0n ? -q.nanos : q.nanos;
  if (q.format === 'BinarySI' && whole && magnitude >= 1024n * NANO) {
    let value = q.nanos / NANO;
    let power = 0;
    while (value % 1024n === 0n && power < BINARY_SUFFIX.length - 1) {
      value /= 1024n;
      power++;
    }
    return `${value}${BINARY_SUFFIX[power]}`;
  }
  const [mantissa, exponent] = decimalParts(q.nanos);
  if (q.format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  return `${mantissa}${DECIMAL_SUFFIX[exponent]}`;
}

/** Go's %f of a ratio: six decimals. */
export function ratioText(numerator: bigint, denominator: bigint): string {
  return (Number(numerator) / Number(denominator)).toFixed(6);
}
