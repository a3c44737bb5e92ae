// The slow, obvious computation of an Update operation's managedFields, for tests to hold the
// shortcuts of src/patch/managed-fields against: every entry decoded afresh, a compare that walks
// every node of both objects and records paths one by one, and fieldsV1 written from the paths.
import type { KubeObject } from '../../../src/api/types.js';
import { rfc3339 } from '../../../src/api/time.js';
import { isAtomic, isObj, keyedItems, kindAt } from '../../../src/patch/managed-fields/compare.js';
import { FieldSet, type PathElement } from '../../../src/patch/managed-fields/field-set.js';
import {
  capUpdateManagers,
  dropEmpty,
  managerKey,
  stripMeta,
  withoutManagedFields,
  withoutResetFields,
  zeroObject,
  type ManagedFieldsEntry,
  type Managers,
  type WriteOp,
} from '../../../src/patch/managed-fields/managed-fields.js';
import type { PatchMeta } from '../../../src/patch/patch-meta.js';

export interface ReferenceComparison {
  changed: FieldSet;
  removed: FieldSet;
}

/** Every path added or modified, and removed, walking all of both values. */
export function referenceCompare(lhs: unknown, rhs: unknown, meta: PatchMeta): ReferenceComparison {
  const c = { changed: new FieldSet(), removed: new FieldSet() };
  walk(c, [], lhs, rhs, meta);
  return c;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObj(v) && Object.keys(v).length === 0;
}

function walk(c: ReferenceComparison, path: PathElement[], lhs: unknown, rhs: unknown, meta: PatchMeta): void {
  if (lhs === undefined && rhs === undefined) return;
  const kind = kindAt(meta, rhs === undefined ? lhs : rhs);
  const lhsKind = lhs === undefined || lhs === null ? kind : kindAt(meta, lhs);
  if (kind === 'scalar' || lhsKind !== kind || isAtomic(meta, kind) || (isEmpty(lhs) && isEmpty(rhs))) {
    if (lhs === undefined) c.changed.insert(path);
    else if (rhs === undefined) c.removed.insert(path);
    else if (JSON.stringify(sortKeys(lhs)) !== JSON.stringify(sortKeys(rhs))) c.changed.insert(path);
    return;
  }
  if (kind === 'list') {
    const left = keyedItems(meta, lhs);
    const right = keyedItems(meta, rhs);
    for (const [element, item] of left) walk(c, [...path, element], item, right.get(element), meta.items);
    for (const [element, item] of right) if (!left.has(element)) walk(c, [...path, element], undefined, item, meta.items);
  } else {
    const left = isObj(lhs) ? lhs : {};
    const right = isObj(rhs) ? rhs : {};
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      // Own members only: `__proto__` read plainly would be the prototype.
      walk(c, [...path, `f:${key}`], Object.hasOwn(left, key) ? left[key] : undefined, Object.hasOwn(right, key) ? right[key] : undefined, meta.field(key));
    }
  }
  if (lhs === undefined) c.changed.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}

function decode(entries: unknown): Managers {
  const managers: Managers = new Map();
  if (!Array.isArray(entries)) return managers;
  for (const e of entries as ManagedFieldsEntry[]) {
    if (e.operation !== 'Apply' && e.operation !== 'Update') continue;
    const key = managerKey(e.manager, e.operation, e.apiVersion, e.subresource ?? '');
    const set = FieldSet.fromFieldsV1(e.fieldsV1);
    const prev = managers.get(key);
    managers.set(key, { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, subresource: e.subresource ?? '', time: e.time, set: prev ? prev.set.union(set) : set });
  }
  return managers;
}

/** fieldsV1 written from the member paths, not from any encoding a set keeps. */
export function fieldsV1Of(set: FieldSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of set.paths()) {
    let node = out;
    for (const element of path) node = (node[element] ??= {}) as Record<string, unknown>;
    if (path.length > 0 && set.at(path)?.children.size) node['.'] = {};
  }
  return sortFields(out);
}

function sortFields(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('.' in node) out['.'] = {};
  const keys = Object.keys(node).filter((k) => k !== '.');
  const order = (e: string): number => ({ f: 0, k: 1, v: 2, i: 3 })[e[0]] ?? 4;
  keys.sort((a, b) => order(a) - order(b) || (a[0] === 'i' ? Number(a.slice(2)) - Number(b.slice(2)) : a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) out[k] = sortFields(node[k] as Record<string, unknown>);
  return out;
}

function encode(managers: Managers): ManagedFieldsEntry[] {
  const seconds = (t: string | undefined): number => (t ? Math.floor(Date.parse(t) / 1000) : 0);
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
  const recs = [...managers.values()].filter((r) => !r.set.isEmpty());
  recs.sort((p, q) => cmp(p.operation, q.operation) || cmp(seconds(p.time), seconds(q.time)) || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource));
  return recs.map((r) => ({
    manager: r.manager,
    operation: r.operation,
    apiVersion: r.apiVersion,
    ...(r.time ? { time: r.time } : {}),
    fieldsType: 'FieldsV1',
    fieldsV1: fieldsV1Of(r.set),
    ...(r.subresource ? { subresource: r.subresource } : {}),
  }));
}

/** What recordUpdate records, computed the slow way; returns the entries instead of setting them. */
export function referenceRecordUpdate(old: KubeObject | undefined, next: KubeObject, op: WriteOp, meta: PatchMeta): ManagedFieldsEntry[] | undefined {
  const requested = next.metadata.managedFields;
  let managers: Managers;
  if (op.subresource) managers = decode(old?.metadata.managedFields);
  else if (Array.isArray(requested) && (requested.length === 0 || (requested.length === 1 && Object.keys(requested[0] as object).length === 0))) managers = new Map();
  else {
    managers = decode(requested);
    if (managers.size === 0) managers = decode(old?.metadata.managedFields);
  }
  const c = referenceCompare(withoutManagedFields(old ?? zeroObject(next, meta)), withoutManagedFields(next), meta);
  const taken = withoutResetFields(stripMeta(c.changed), op.resetFields);
  for (const rec of managers.values()) rec.set = stripMeta(rec.set.difference(taken).difference(c.removed));
  if (!taken.isEmpty()) {
    const subresource = op.subresource ?? '';
    const key = managerKey(op.manager, 'Update', op.apiVersion, subresource);
    const prev = managers.get(key);
    managers.set(key, { manager: op.manager, operation: 'Update', apiVersion: op.apiVersion, subresource, time: rfc3339(op.time), set: prev ? prev.set.union(taken) : taken });
  }
  dropEmpty(managers);
  capUpdateManagers(managers);
  const entries = encode(managers);
  return entries.length > 0 ? entries : undefined;
}
