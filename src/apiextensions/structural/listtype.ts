// The invariants of x-kubernetes-list-type (apiextensions-apiserver schema/listtype): a set's
// items are unique, a map list's items are objects with unique key fields. Each repeated item is
// reported once, at its second appearance, as Duplicate with the item (sets) or its keys (maps).
import type { FieldError } from '../../api/field-errors.js';
import { duplicate, invalid } from '../../api/field-errors.js';
import { goSyntax } from '../../api/go-format.js';
import { isPlainObject } from '../../api/types.js';
import type { CRDSchema } from './schema.js';
import { additionalSchema, canonicalJSON, child, index, key, memberSchemas } from './schema.js';

/** Duplicate, its value printed as Go prints the unstructured item. */
function duplicateOf(path: string, value: unknown): FieldError {
  return typeof value === 'object' && value !== null ? { ...duplicate(path, value), rendered: goSyntax(value) } : duplicate(path, value);
}

/** Indices of the second appearance of each repeated identity. */
function repeats(ids: string[]): number[] {
  const seen = new Map<string, number>();
  const found: number[] = [];
  ids.forEach((id, i) => {
    const times = seen.get(id) ?? 0;
    if (times === 1) found.push(i);
    seen.set(id, times + 1);
  });
  return found;
}

/** The keys of a map-list item; a missing key field is left out, a null item has none. */
function itemKeys(item: unknown, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(item)) return out;
  for (const k of keys) if (Object.hasOwn(item, k)) out[k] = item[k];
  return out;
}

function mapListErrors(s: CRDSchema, list: unknown[], path: string): FieldError[] {
  const bad = list.findIndex((x) => x !== null && !isPlainObject(x));
  if (bad >= 0) {
    const item = list[bad];
    const err = invalid(index(path, bad), item, 'must be an object for an array of list-type map');
    return [Array.isArray(item) ? { ...err, rendered: goSyntax(item) } : err];
  }
  const keyed = list.map((x) => itemKeys(x, s['x-kubernetes-list-map-keys'] ?? []));
  return repeats(keyed.map(canonicalJSON)).map((i) => duplicateOf(index(path, i), keyed[i]));
}

function listErrors(s: CRDSchema, list: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (list.length > 1 && s['x-kubernetes-list-type'] === 'set') {
    for (const i of repeats(list.map(canonicalJSON))) errs.push(duplicateOf(index(path, i), list[i]));
  }
  if (s['x-kubernetes-list-type'] === 'map') errs.push(...mapListErrors(s, list, path));
  if (s.items) list.forEach((x, i) => errs.push(...listTypeErrors(s.items as CRDSchema, x, index(path, i))));
  return errs;
}

const withKeyedLists = new WeakMap<CRDSchema, boolean>();

/** Whether a schema node or anything below it is a set or map list: else no value there can break these invariants. */
function hasKeyedLists(s: CRDSchema): boolean {
  let has = withKeyedLists.get(s);
  if (has === undefined) {
    const listType = s['x-kubernetes-list-type'];
    has = listType === 'set' || listType === 'map' || memberSchemas(s).some(hasKeyedLists);
    withKeyedLists.set(s, has);
  }
  return has;
}

/** The list-type errors of a value and everything below it. */
export function listTypeErrors(s: CRDSchema | undefined, v: unknown, path: string): FieldError[] {
  if (!s || !hasKeyedLists(s)) return [];
  if (Array.isArray(v)) return listErrors(s, v, path);
  if (!isPlainObject(v)) return [];
  const errs: FieldError[] = [];
  const additional = additionalSchema(s);
  for (const [k, value] of Object.entries(v)) {
    const prop = s.properties?.[k];
    if (prop && Object.hasOwn(s.properties ?? {}, k)) errs.push(...listTypeErrors(prop, value, child(path, k)));
    else if (additional) errs.push(...listTypeErrors(additional, value, key(path, k)));
  }
  return errs;
}
