// resource.Quantity values as exact integers of nano-units, enough to add and compare the
// quantities of a pod's containers (QoS class) without floating-point error.

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** A quantity string in nano-units (rounded up, as Kubernetes rounds sub-nano values), or undefined if it does not parse. */
export function parseQuantity(value: string): bigint | undefined {
  const m = QUANTITY.exec(value.trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const [, sign, whole, fraction = '', exponent, suffix = ''] = m;
  const digits = BigInt((whole || '0') + fraction);
  const scale = 9 - fraction.length + (exponent ? Number(exponent.slice(1)) : (DECIMAL_SUFFIXES[suffix] ?? 0));
  let nanos = digits * (BINARY_SUFFIXES[suffix] ?? 1n);
  if (scale >= 0) {
    nanos *= 10n ** BigInt(scale);
  } else {
    const divisor = 10n ** BigInt(-scale);
    nanos = (nanos + divisor - 1n) / divisor;
  }
  return sign === '-' ? -nanos : nanos;
}
