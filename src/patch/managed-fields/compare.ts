// Field sets computed from objects, as structured-merge-diff's typed values do: the set an
// applied configuration names (ToFieldSet) and the added/modified/removed paths between two
// versions of an object (Compare), which is what an Update operation takes ownership of.
import type { NodeKind, PatchMeta } from '../patch-meta.js';
import { FieldSet, type PathElement } from './field-set.js';

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kind a value is walked as: the schema's, or deduced from the value where it says nothing. */
export function kindAt(meta: PatchMeta, value: unknown): NodeKind {
  const fromValue: NodeKind = Array.isArray(value) ? 'list' : isObj(value) ? 'map' : 'scalar';
  if (meta.kind === 'untyped') return fromValue;
  if (value === null || value === undefined) return meta.kind;
  if (meta.kind === 'struct' || meta.kind === 'map') return fromValue === 'map' ? meta.kind : 'scalar';
  return meta.kind === fromValue ? meta.kind : 'scalar';
}

/** Whether a list or map of this kind is one field (atomic) rather than granular. */
export function isAtomic(meta: PatchMeta, kind: NodeKind): boolean {
  if (kind === 'list') return meta.kind === 'untyped' || meta.listType === 'atomic';
  return kind === 'scalar' || meta.atomic;
}

/** The path element of an item of the list `meta` describes: `k:{…}` for map lists, `v:…` for sets, else `i:<n>`. */
export function itemElement(meta: PatchMeta, item: unknown, index: number): PathElement {
  if (meta.listType === 'set') return `v:${JSON.stringify(item)}`;
  if (meta.listType === 'map' && meta.listMapKeys.length > 0 && isObj(item)) {
    let out = 'k:{';
    for (const name of sortedKeys(meta)) {
      // A key field left out takes its schema default, as structured-merge-diff does.
      const value = Object.hasOwn(item, name) ? item[name] : meta.items.field(name).defaultValue;
      if (value === undefined) continue;
      if (out.length > 3) out += ',';
      out += `${JSON.stringify(name)}:${JSON.stringify(value)}`;
    }
    return `${out}}`;
  }
  return `i:${index}`;
}

const sortedKeyCache = new WeakMap<PatchMeta, readonly string[]>();

function sortedKeys(meta: PatchMeta): readonly string[] {
  let keys = sortedKeyCache.get(meta);
  if (!keys) sortedKeyCache.set(meta, (keys = [...meta.listMapKeys].sort()));
  return keys;
}

/** The items of a list keyed by path element; later duplicates are ignored. */
export function keyedItems(meta: PatchMeta, list: unknown): Map<PathElement, unknown> {
  const out = new Map<PathElement, unknown>();
  if (!Array.isArray(list)) return out;
  list.forEach((item, i) => {
    const element = itemElement(meta, item, i);
    if (!out.has(element)) out.set(element, item);
  });
  return out;
}

/** The fields a value sets (ToFieldSet): leaves, list items, map entries, empty or null fields. */
export function fieldSetOf(value: unknown, meta: PatchMeta): FieldSet {
  const set = new FieldSet();
  collect(set, value, meta);
  return set;
}

function collect(node: FieldSet, value: unknown, meta: PatchMeta): void {
  const kind = kindAt(meta, value);
  if (kind === 'scalar' || isAtomic(meta, kind)) {
    node.member = true;
    return;
  }
  if (kind === 'list') {
    for (const [element, item] of keyedItems(meta, value)) {
      const child = node.child(element);
      collect(child, item, meta.items);
      child.member = true;
    }
    return;
  }
  if (!isObj(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const child = node.child(`f:${key}`);
    collect(child, v, meta.field(key));
    if (v === null || (isObj(v) && Object.keys(v).length === 0) || !meta.hasField(key)) child.member = true;
  }
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** The paths added, modified and removed from `lhs` to `rhs` (undefined = absent). */
export function compare(lhs: unknown, rhs: unknown, meta: PatchMeta): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walk(c, [], lhs, rhs, meta);
  return c;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (!isObj(v)) return false;
  for (const _ in v) return false;
  return true;
}

/** Walks both values; `path` is a shared stack, copied only when a path is recorded. */
function walk(c: Comparison, path: PathElement[], lhs: unknown, rhs: unknown, meta: PatchMeta): void {
  // Equal values add, change and remove nothing: skip the walk below them.
  if (lhs !== undefined && rhs !== undefined && jsonEqual(lhs, rhs)) return;
  const kind = kindAt(meta, rhs === undefined ? lhs : rhs);
  const lhsKind = lhs === undefined || lhs === null ? kind : kindAt(meta, lhs);
  if (kind === 'scalar' || lhsKind !== kind || isAtomic(meta, kind) || (isEmpty(lhs) && isEmpty(rhs))) {
    leaf(c, path, lhs, rhs);
    return;
  }
  if (kind === 'list') {
    const left = keyedItems(meta, lhs);
    const right = keyedItems(meta, rhs);
    for (const [element, item] of left) descend(c, path, element, item, right.get(element), meta.items);
    for (const [element, item] of right) if (!left.has(element)) descend(c, path, element, undefined, item, meta.items);
  } else {
    const left = isObj(lhs) ? lhs : {};
    const right = isObj(rhs) ? rhs : {};
    for (const key in left) descend(c, path, `f:${key}`, left[key], Object.hasOwn(right, key) ? right[key] : undefined, meta.field(key));
    for (const key in right) if (!Object.hasOwn(left, key)) descend(c, path, `f:${key}`, undefined, right[key], meta.field(key));
  }
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

function descend(c: Comparison, path: PathElement[], element: PathElement, lhs: unknown, rhs: unknown, meta: PatchMeta): void {
  path.push(element);
  walk(c, path, lhs, rhs, meta);
  path.pop();
}

function leaf(c: Comparison, path: PathElement[], lhs: unknown, rhs: unknown): void {
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
  else if (!jsonEqual(lhs, rhs)) c.modified.insert(path);
}

/** Deep equality of JSON values (object key order ignored). Loops rather than callbacks: it runs on every write. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Obj;
  const right = b as Obj;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(right, key) || !jsonEqual(left[key], right[key])) return false;
    count++;
  }
  for (const _ in right) count--;
  return count === 0;
}
