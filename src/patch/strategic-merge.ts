// Strategic merge patch (application/strategic-merge-patch+json), as the API server applies it
// (k8s.io/apimachinery/pkg/util/strategicpatch, StrategicMergeMapPatch): maps merge, lists merge
// by their patch merge key or are replaced, null deletes, and the directives `$patch`
// (replace|delete), `$retainKeys`, `$deleteFromPrimitiveList/<f>` and `$setElementOrder/<f>`.
// Errors carry Kubernetes' text and the HTTP code the API server answers with.
import type { PatchMeta } from './patch-meta.js';
import { setMember } from '../api/types.js';
import { goSprint, goTypeName } from '../api/go-format.js';

type Obj = Record<string, unknown>;

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_PREFIX = '$deleteFromPrimitiveList';
const ORDER_PREFIX = '$setElementOrder';

/** A patch that cannot be applied: 400 (bad format), 422 (unprocessable) or 500 (no reason). */
export class StrategicMergePatchError extends Error {
  readonly code: 400 | 422 | 500;
  constructor(message: string, code: 400 | 422 | 500) {
    super(message);
    this.code = code;
  }
}

const badPrimitiveList = (): StrategicMergePatchError => new StrategicMergePatchError('invalid patch format of primitive list', 400);
const badRetainKeys = (): StrategicMergePatchError => new StrategicMergePatchError('invalid patch format of retainKeys', 400);
const badSetElementOrder = (): StrategicMergePatchError => new StrategicMergePatchError('invalid patch format of setElementOrder list', 400);
const internal = (message: string): StrategicMergePatchError => new StrategicMergePatchError(message, 500);
const badArgType = (expected: string, actual: unknown): StrategicMergePatchError =>
  internal(`expected a ${expected}, but received a ${typeNameForS(actual)}`);
const noMergeKey = (m: Obj, key: string): StrategicMergePatchError => internal(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);
const badPatchType = (t: unknown, m: Obj): StrategicMergePatchError => internal(`unknown patch type: ${goSprint(t)} in map: ${goSprint(m)}`);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies a strategic merge patch to `original` (neither argument is modified). `meta` describes
 * the original's kind (see patch-meta.ts). Throws StrategicMergePatchError.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): unknown {
  if (patch !== null && !isObj(patch)) {
    const jsonType = Array.isArray(patch) ? 'array' : typeof patch === 'boolean' ? 'bool' : typeof patch;
    throw new StrategicMergePatchError(`json: cannot unmarshal ${jsonType} into Go value of type map[string]interface {}`, 400);
  }
  const base = isObj(original) ? structuredClone(original) : {};
  return mergeMap(base, patch ? structuredClone(patch) : {}, meta);
}

function mergeMap(original: Obj | undefined, patch: Obj, meta: PatchMeta): Obj {
  if (Object.hasOwn(patch, DIRECTIVE)) return mapDirective(patch[DIRECTIVE], patch);
  const target = original ?? {};
  applyRetainKeys(target, patch);
  mergeOrderedLists(target, patch, meta);
  for (const [rawKey, patchValue] of Object.entries(patch)) {
    const isDeleteList = rawKey.startsWith(DELETE_PREFIX);
    const key = isDeleteList ? extractKey(rawKey, DELETE_PREFIX) : rawKey;
    mergeField(target, key, patchValue, meta, isDeleteList);
  }
  return target;
}

function mergeField(target: Obj, key: string, patchValue: unknown, meta: PatchMeta, isDeleteList: boolean): void {
  if (patchValue === null) {
    delete target[key];
    return;
  }
  const current = target[key];
  const currentKind = Object.hasOwn(target, key) ? goValueKind(current) : undefined;
  if (currentKind === undefined || currentKind !== goValueKind(patchValue)) {
    if (!isDeleteList) setWithoutDirectives(target, key, discardNulls(patchValue));
    return;
  }
  const fieldMeta = meta.field(key);
  const strategy = extractStrategy(fieldMeta.patchStrategies);
  if (currentKind === 'map') {
    setMember(target, key, strategy === 'replace' ? patchValue : mergeMap(current as Obj, patchValue as Obj, fieldMeta));
  } else if (currentKind === 'slice') {
    setMember(target, key, mergeListField(current as unknown[], patchValue as unknown[], fieldMeta, strategy, isDeleteList));
  } else {
    setWithoutDirectives(target, key, patchValue);
  }
}

function setWithoutDirectives(target: Obj, key: string, value: unknown): void {
  const [cleaned, keep] = removeDirectives(value);
  if (keep) setMember(target, key, cleaned);
  else delete target[key];
}

function mapDirective(directive: unknown, patch: Obj): Obj {
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === 'delete') return {};
  throw badPatchType(directive, patch);
}

/** `replace`, `merge` or '' from a field's strategies, with `retainKeys` set apart. */
function extractStrategy(strategies: readonly string[]): string {
  const others = strategies.filter((s) => s !== 'retainKeys');
  if (strategies.length > 2 || (strategies.length === 2 && others.length !== 1)) {
    throw internal(`unexpected patch strategy: ${goSprint([...strategies])}`);
  }
  return others[0] ?? '';
}

function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === DELETE_PREFIX ? badPrimitiveList() : badSetElementOrder();
  }
  return key.slice(slash + 1);
}

/** `$retainKeys`: the patch may only name retained keys; original keys not retained go. */
function applyRetainKeys(original: Obj, patch: Obj): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw badRetainKeys();
  const retained = new Set<unknown>(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_PREFIX) || k.startsWith(ORDER_PREFIX)) continue;
    if (!retained.has(k)) throw badRetainKeys();
  }
  for (const k of Object.keys(original)) if (!retained.has(k)) delete original[k];
}

function discardNulls(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(discardNulls);
  else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete value[k];
      else discardNulls(v);
    }
  }
  return value;
}

/** Drops maps that carry `$patch` (they only make sense against an existing value). */
function removeDirectives(value: unknown): [unknown, boolean] {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const [cleaned, keep] = removeDirectives(item);
      if (keep) out.push(cleaned);
    }
    return [out, true];
  }
  if (isObj(value)) {
    if (Object.hasOwn(value, DIRECTIVE)) return [undefined, false];
    for (const [k, v] of Object.entries(value)) setWithoutDirectives(value, k, v);
  }
  return [value, true];
}

// ---- lists -------------------------------------------------------------------------------

function mergeListField(original: unknown[], patch: unknown[], meta: PatchMeta, strategy: string, isDeleteList: boolean): unknown[] {
  if (strategy !== 'merge') return patch;
  return mergeList(original, patch, meta, isDeleteList);
}

function mergeList(original: unknown[], patch: unknown[], meta: PatchMeta, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch);
  const mergeKey = meta.mergeKey;
  let merged: unknown[];
  let patchItems = patch;
  let base = original;
  if (kind !== 'map') {
    if (isDeleteList) return deleteFromList(original, patch);
    merged = dedupe([...original, ...patch]);
  } else {
    if (!mergeKey) throw internal('cannot merge lists without merge key for type map');
    [base, patchItems] = applyListDirectives(original, patch as Obj[], mergeKey);
    merged = mergeKeyedItems(base, patchItems as Obj[], mergeKey, meta.items);
  }
  const [fromPatch, serverOnly] = partition(merged, patchItems, mergeKey);
  return normalizeOrder(fromPatch, serverOnly, patchItems, base, mergeKey, kind);
}

/** The one Go kind of all elements; lists of lists and mixed lists are refused. */
function elementKind(...lists: unknown[][]): GoKind {
  let kind: GoKind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const k = goValueKind(item);
      if (kind === undefined) {
        if (k === 'slice') throw new StrategicMergePatchError('lists of lists are not supported', 422);
        kind = k;
      } else if (k !== kind) {
        throw internal(`list element types are not identical: ${goSprint(lists)}`);
      }
    }
  }
  if (kind === undefined) throw internal('no elements in any of the given slices');
  return kind;
}

function dedupe(items: unknown[]): unknown[] {
  return [...new Set(items)];
}

function deleteFromList(current: unknown[], toDelete: unknown[]): unknown[] {
  const gone = new Set(toDelete);
  return current.filter((v) => !gone.has(v));
}

/** `$patch: delete` items remove their match, `$patch: replace` makes the rest the whole list. */
function applyListDirectives(original: unknown[], patch: Obj[], mergeKey: string): [unknown[], Obj[]] {
  const plain: Obj[] = [];
  let replace = false;
  let base = original;
  for (const item of patch) {
    if (!Object.hasOwn(item, DIRECTIVE)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
      base = base.filter((o) => !(isObj(o) && Object.hasOwn(o, mergeKey) && o[mergeKey] === item[mergeKey]));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw internal('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive, item);
    }
  }
  return replace ? [plain, []] : [base, plain];
}

function mergeKeyedItems(original: unknown[], patch: Obj[], mergeKey: string, itemMeta: PatchMeta): unknown[] {
  const merged = [...original];
  for (const item of patch) {
    if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    const at = findByKey(merged, mergeKey, item[mergeKey]);
    if (at >= 0) merged[at] = mergeMap(merged[at] as Obj, item, itemMeta);
    else merged.push(item);
  }
  return merged;
}

function findByKey(list: unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObj(item)) throw internal(`value for key ${i} is not a map.`);
    if (Object.hasOwn(item, mergeKey) && item[mergeKey] === value) return i;
  }
  return -1;
}

const identity = (item: unknown, mergeKey: string): unknown => (mergeKey && isObj(item) ? item[mergeKey] : item);

/** Splits `items` into those present in `by` and the server-only rest. */
function partition(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const present = new Set(by.map((v) => identity(v, mergeKey)));
  const inBy: unknown[] = [];
  const rest: unknown[] = [];
  for (const item of items) {
    if (mergeKey && !isObj(item)) throw badArgType('map[string]interface {}', item);
    if (mergeKey && !Object.hasOwn(item as Obj, mergeKey)) throw noMergeKey(item as Obj, mergeKey);
    (present.has(identity(item, mergeKey)) ? inBy : rest).push(item);
  }
  return [inBy, rest];
}

/**
 * Orders patch items as the patch (or $setElementOrder) lists them and server-only items as
 * the live list did, then interleaves them: a server-only item goes before the next patch item
 * when it came before it in the live list.
 */
function normalizeOrder(fromPatch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: GoKind): unknown[] {
  const key = kind === 'map' ? mergeKey : '';
  const left = sortByOrder(serverOnly, serverOrder, key);
  const right = sortByOrder(fromPatch, patchOrder, key);
  const serverIndex = indexOf(serverOrder, key);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = serverIndex.get(identity(left[i], key));
      const ri = serverIndex.get(identity(right[j], key));
      if (li !== undefined && ri !== undefined && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function indexOf(order: unknown[], key: string): Map<unknown, number> {
  const index = new Map<unknown, number>();
  order.forEach((item, i) => {
    const id = identity(item, key);
    if (!index.has(id)) index.set(id, i);
  });
  return index;
}

/** Stable sort by position in `order`; with a merge key, `$patch: delete` items go last. */
function sortByOrder(items: unknown[], order: unknown[], key: string): unknown[] {
  let toSort = items;
  let deletions: unknown[] = [];
  if (key) {
    for (const list of [items, order]) {
      for (const item of list) {
        if (!isObj(item)) throw badArgType('map[string]interface {}', item);
        if (!Object.hasOwn(item, key)) throw noMergeKey(item, key);
      }
    }
    toSort = items.filter((v) => (v as Obj)[DIRECTIVE] !== 'delete');
    deletions = items.filter((v) => (v as Obj)[DIRECTIVE] === 'delete');
  }
  const index = indexOf(order, key);
  const rank = (v: unknown): number => index.get(identity(v, key)) ?? Number.MAX_SAFE_INTEGER;
  return [...toSort.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map((e) => e.v), ...deletions];
}

// ---- $setElementOrder --------------------------------------------------------------------

/** Merges every list that has a `$setElementOrder/<field>` and orders it by that list. */
function mergeOrderedLists(original: Obj, patch: Obj, meta: PatchMeta): void {
  for (const [directiveKey, order] of Object.entries(patch)) {
    if (!directiveKey.startsWith(ORDER_PREFIX)) continue;
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw badArgType('[]interface {}', order);
    const key = extractKey(directiveKey, ORDER_PREFIX);
    const hasOriginal = Object.hasOwn(original, key);
    const hasPatch = Object.hasOwn(patch, key);
    const originalList = hasOriginal ? asList(original[key]) : [];
    const patchList = hasPatch ? asList(patch[key]) : [];
    const fieldMeta = meta.field(key);
    const strategy = extractStrategy(fieldMeta.patchStrategies);
    const mergeKey = fieldMeta.mergeKey;
    validateOrder(patchList, order, mergeKey);
    if (!hasOriginal && !hasPatch) continue;
    let merged: unknown[];
    if (!hasPatch) merged = originalList;
    else if (!hasOriginal) merged = removeDirectives(patchList)[0] as unknown[];
    else merged = mergeListField(originalList, patchList, fieldMeta, strategy, false);
    const [fromPatch, serverOnly] = partition(merged, order, mergeKey);
    const kind = elementKind(originalList, patchList);
    setMember(original, key, normalizeOrder(fromPatch, serverOnly, order, originalList, mergeKey, kind));
    delete patch[key];
  }
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw badArgType('[]interface {}', value);
  return value;
}

/** The patch list's items (deletions aside) must appear in $setElementOrder, in its order. */
function validateOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? patchList.filter((v) => !(isObj(v) && v[DIRECTIVE] === 'delete')) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isObj(items[p]) && Object.hasOwn(items[p] as Obj, DIRECTIVE)) {
      p++;
      continue;
    }
    if (sameKey(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw internal(`the order in patch list:\n${goSprint(patchList)}\n doesn't match ${ORDER_PREFIX} list:\n${goSprint(order)}`);
  }
}

function sameKey(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isObj(left)) throw badArgType('map[string]interface {}', left);
  if (!isObj(right)) throw badArgType('map[string]interface {}', right);
  if (!Object.hasOwn(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

// ---- Go's view of JSON values, for error texts ------------------------------------------

type GoKind = 'nil' | 'string' | 'bool' | 'int64' | 'float64' | 'slice' | 'map';

/** The Go type a decoded JSON value has (the API server decodes integers as int64). */
function goValueKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** reflect.TypeOf(v) printed with %s (a nil interface has no type). */
function typeNameForS(v: unknown): string {
  return v === null || v === undefined ? '%!s(<nil>)' : goTypeName(v);
}
