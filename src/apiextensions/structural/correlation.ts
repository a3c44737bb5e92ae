// Old values matched to new ones on update (apiserver's common.CorrelatedObject): object fields by
// name, items of list-type map lists by their keys, items of set lists by value. Items of atomic
// lists have no old counterpart. Used for transition rules and for ratcheting, which forgives
// errors in values an update left as they were.
import { isPlainObject } from '../../api/types.js';
import type { CRDSchema } from './schema.js';
import { deepEqual } from '../../registry/compare.js';
import { canonicalJSON } from './schema.js';

/** An old value matched to a new one; undefined when there is none. */
export interface Correlated {
  old: unknown;
}

export function fieldCorrelation(c: Correlated | undefined, name: string): Correlated | undefined {
  if (!c || !isPlainObject(c.old) || !Object.hasOwn(c.old, name)) return undefined;
  return { old: c.old[name] };
}

/** A string identifying an item: its key fields for map lists, the whole value for sets. */
function identity(item: unknown, keys: string[] | undefined): string {
  if (!keys) return canonicalJSON(item);
  return canonicalJSON(keys.map((k) => (isPlainObject(item) ? item[k] : undefined)));
}

/** The old item matching each new item of a list, found through an index of the old list. */
export function itemCorrelations(schema: CRDSchema, items: unknown[], c: Correlated | undefined): (Correlated | undefined)[] {
  const listType = schema['x-kubernetes-list-type'];
  if (!c || !Array.isArray(c.old) || (listType !== 'map' && listType !== 'set')) return items.map(() => undefined);
  const keys = listType === 'map' ? (schema['x-kubernetes-list-map-keys'] ?? []) : undefined;
  const byIdentity = new Map<string, unknown>();
  for (const old of c.old) {
    const id = identity(old, keys);
    if (!byIdentity.has(id)) byIdentity.set(id, old);
  }
  return items.map((item) => {
    const id = identity(item, keys);
    return byIdentity.has(id) ? { old: byIdentity.get(id) } : undefined;
  });
}

/** Whether a value is unchanged from its correlated old value (ratcheting's test). */
export function unchanged(value: unknown, c: Correlated | undefined): boolean {
  return c !== undefined && deepEqual(value, c.old);
}
