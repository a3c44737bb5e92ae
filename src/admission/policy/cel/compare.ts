// Ordering and equality of CEL values for the library functions (ints, doubles, strings, bools).

export function compareCel(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  throw new Error(`no such overload: comparing ${typeof a} and ${typeof b}`);
}

const isNumber = (v: unknown): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
const isPlain = (v: object): boolean => Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/** CEL equality: numbers across int and double, lists and maps element by element. */
export function celEquals(a: unknown, b: unknown): boolean {
  // loose equality compares a bigint and a number by value: 1 == 1.0, as in CEL
  if (isNumber(a) && isNumber(b)) return a == b;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => celEquals(v, b[i]));
  }
  if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(a);
    const other = b as Record<string, unknown>;
    return keys.length === Object.keys(b).length && keys.every((k) => k in other && celEquals((a as Record<string, unknown>)[k], other[k]));
  }
  return JSON.stringify(a, bigintReplacer) === JSON.stringify(b, bigintReplacer);
}

const bigintReplacer = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);
