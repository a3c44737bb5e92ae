// Small helpers for filling defaults into decoded JSON, with Go's notion of "unset": a string
// field is unset when absent or "", a pointer field when absent.
import { deepCopy, isPlainObject } from '../api/types.js';

export type Fields = Record<string, unknown>;

/** The object at `key`, if there is one. */
export function child(parent: Fields | undefined, key: string): Fields | undefined {
  const value = parent?.[key];
  return isPlainObject(value) ? value : undefined;
}

/** The object at `key`, made empty when absent (a Go struct that is not a pointer). */
export function ensureChild(parent: Fields, key: string): Fields {
  const existing = child(parent, key);
  if (existing) return existing;
  const created: Fields = {};
  parent[key] = created;
  return created;
}

/** The objects of the list at `key`. */
export function items(parent: Fields | undefined, key: string): Fields[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/**
 * Fills the fields of `defaults` that `target` lacks; strings also replace "". Object defaults
 * are copied, so no two objects share one; the rest are values.
 */
export function fill(target: Fields, defaults: Fields): void {
  for (const key in defaults) {
    const value = defaults[key];
    const current = target[key];
    if (current === undefined || (typeof value === 'string' && current === '')) {
      target[key] = deepCopy(value);
    }
  }
}
