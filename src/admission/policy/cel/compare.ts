// Ordering and equality of CEL values for the library functions (ints, doubles, strings, bools).

export function compareCel(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  throw new Error(`no such overload: comparing ${typeof a} and ${typeof b}`);
}

export function celEquals(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  return JSON.stringify(a, bigintReplacer) === JSON.stringify(b, bigintReplacer);
}

const bigintReplacer = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);
