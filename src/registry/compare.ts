// JSON-semantic comparison of objects, as strategies need it for "did the spec change" checks
// (apimachinery's equality.Semantic.DeepEqual on decoded JSON): key order does not matter.
import type { KubeObject } from '../api/types.js';

/** Deep equality of two JSON values; object key order is irrelevant, array order is not. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && deepEqual(left[k], right[k]));
}

/** Whether `spec` differs between an update and the stored object. */
export function specChanged(obj: KubeObject, old: KubeObject): boolean {
  return !deepEqual(obj.spec, old.spec);
}
