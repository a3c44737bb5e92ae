// Field sets computed from objects, as structured-merge-diff's typed values do: the set an
// applied configuration names (ToFieldSet) and the paths changed (added or modified) and removed
// between two versions of an object (Compare), which is what an Update operation takes ownership
// of. Compare runs on every write: it skips equal subtrees and builds its sets as it walks.
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
    for (const key of keyFields(meta)) {
      const value = keyValue(key, item);
      if (value === undefined) continue;
      if (out.length > 3) out += ',';
      out += key.quoted + jsonText(value);
    }
    return `${out}}`;
  }
  return `i:${index}`;
}

interface KeyField {
  name: string;
  /** `"name":`, as the element writes it. */
  quoted: string;
  defaultValue: unknown;
  /** Whether Object.prototype has a member of that name, which an item without one reads. */
  inherited: boolean;
}

const keyFieldCache = new WeakMap<PatchMeta, readonly KeyField[]>();

/** The key fields of a map list's items, sorted by name as elements list them. */
function keyFields(meta: PatchMeta): readonly KeyField[] {
  let keys = keyFieldCache.get(meta);
  if (!keys) {
    keys = [...meta.listMapKeys].sort().map((name) => ({ name, quoted: `${JSON.stringify(name)}:`, defaultValue: meta.items.field(name).defaultValue, inherited: name in Object.prototype }));
    keyFieldCache.set(meta, keys);
  }
  return keys;
}

/**
 * A key field's value; one left out takes its schema default, as structured-merge-diff does. A
 * member read plainly is the item's own unless it reads undefined or has an inherited name: only
 * then is an own-property check needed.
 */
function keyValue(key: KeyField, item: Record<string, unknown>): unknown {
  const value = item[key.name];
  if (value !== undefined && !key.inherited) return value;
  return Object.hasOwn(item, key.name) ? item[key.name] : key.defaultValue;
}

/** Strings JSON.stringify writes between quotes as they are (key values mostly are). */
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function jsonText(value: unknown): string {
  return typeof value === 'string' && PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** The items of a list keyed by path element; later duplicates are ignored. */
export function keyedItems(meta: PatchMeta, list: unknown): Map<PathElement, unknown> {
  const out = new Map<PathElement, unknown>();
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const element = itemElement(meta, list[i], i);
    if (!out.has(element)) out.set(element, list[i]);
  }
  return out;
}

/**
 * Whether two lists of a map list type have the same item keys at every index, so that their
 * items pair up by index. Scalar key values only: others are left to the keyed comparison.
 */
export function keysAligned(meta: PatchMeta, lhs: unknown[], rhs: unknown[]): boolean {
  if (meta.listType !== 'map' || meta.listMapKeys.length === 0 || lhs.length !== rhs.length) return false;
  const keys = keyFields(meta);
  for (let i = 0; i < lhs.length; i++) {
    const l = lhs[i];
    const r = rhs[i];
    if (!isObj(l) || !isObj(r)) return false;
    for (const key of keys) {
      const value = keyValue(key, l);
      if (value !== keyValue(key, r) || (typeof value === 'object' && value !== null)) return false;
    }
  }
  return true;
}

/** Whether no two items of a map list (keys as keysAligned checked them) share their key. Pairwise: lists are short. */
export function keysUnique(meta: PatchMeta, list: readonly Record<string, unknown>[]): boolean {
  const keys = keyFields(meta);
  for (let i = 1; i < list.length; i++) {
    for (let j = 0; j < i; j++) if (keys.every((key) => keyValue(key, list[i]) === keyValue(key, list[j]))) return false;
  }
  return true;
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
  /** Paths added or modified. */
  changed: FieldSet;
  removed: FieldSet;
}

/**
 * The paths added or modified, and removed, from `lhs` to `rhs` (undefined = absent). Two
 * granular maps (objects, mostly) are walked at once: the walk skips their equal members, so
 * checking the whole first would only read them twice.
 */
export function compare(lhs: unknown, rhs: unknown, meta: PatchMeta): Comparison {
  const d = new Differ();
  const maps = isObj(lhs) && isObj(rhs) && !isEmpty(lhs) && !isAtomic(meta, kindAt(meta, rhs));
  if (lhs === undefined || rhs === undefined || maps) walk(d, lhs, rhs, meta, undefined);
  else {
    const hint = differenceOf(lhs, rhs);
    if (hint) walk(d, lhs, rhs, meta, hint);
  }
  return { changed: d.changed.root, removed: d.removed.root };
}

/**
 * Nodes of an output set along the walk's path, made on first use: recording a path costs one
 * node per element the path does not share with the last one recorded.
 */
class Trail {
  readonly root = new FieldSet();
  readonly #nodes: FieldSet[] = [this.root];
  /** #nodes[0..#valid] are the nodes of the first #valid elements of the current path. */
  #valid = 0;

  at(path: readonly PathElement[]): FieldSet {
    for (let i = this.#valid; i < path.length; i++) this.#nodes[i + 1] = this.#nodes[i].child(path[i]);
    this.#valid = path.length;
    return this.#nodes[path.length];
  }

  /** The path was cut back to `depth` elements. */
  cut(depth: number): void {
    if (this.#valid > depth) this.#valid = depth;
  }
}

class Differ {
  readonly path: PathElement[] = [];
  readonly changed = new Trail();
  readonly removed = new Trail();
}

/** Whether a value is absent, null or an empty list or map. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (!isObj(v)) return false;
  for (const _ in v) return false;
  return true;
}

/**
 * Walks two values that differ (one may be absent) at the differ's path. `hint` is where jsonEqual
 * found their first difference, if it was asked (differenceOf): the members before it are equal
 * and are passed over, so that a difference deep in a large object is not looked for again at
 * each level on the way down.
 */
function walk(d: Differ, lhs: unknown, rhs: unknown, meta: PatchMeta, hint: Difference | undefined): void {
  if (lhs === undefined) return mark(d.changed.at(d.path), rhs, meta);
  if (rhs === undefined) return mark(d.removed.at(d.path), lhs, meta);
  const kind = kindAt(meta, rhs);
  const lhsKind = lhs === null ? kind : kindAt(meta, lhs);
  if (kind === 'scalar' || lhsKind !== kind || isAtomic(meta, kind) || (isEmpty(lhs) && isEmpty(rhs))) {
    d.changed.at(d.path).member = true;
  } else if (kind === 'list') {
    if (Array.isArray(lhs) && Array.isArray(rhs) && keysAligned(meta, lhs, rhs)) walkAligned(d, lhs, rhs, meta, hint);
    else walkKeyed(d, lhs, rhs, meta);
  } else {
    walkMaps(d, isObj(lhs) ? lhs : {}, isObj(rhs) ? rhs : {}, meta, hint);
  }
}

/** Pairs the members of two maps by name. */
function walkMaps(d: Differ, left: Obj, right: Obj, meta: PatchMeta, hint: Difference | undefined): void {
  const first = hint?.pop();
  // Left's members before the first difference are equal; with EXTRA_MEMBERS, all of them are.
  let skipping = first !== undefined;
  if (first !== EXTRA_MEMBERS) {
    for (const key in left) {
      if (skipping && key !== first) continue;
      const l = left[key];
      const r = ownMember(right, key);
      if (!skipping) walkMember(d, key, l, r, meta);
      else {
        skipping = false;
        // Known to differ, unless both are undefined (jsonEqual tells an undefined member from none).
        if (l !== r) enter(d, `f:${key}`, l, r, meta.field(key), hint);
      }
    }
  }
  for (const key in right) if (!Object.hasOwn(left, key)) descend(d, `f:${key}`, undefined, right[key], meta.field(key));
}

/** descend for a member of two maps (`meta` theirs): its element and metadata are made only when its values differ. */
function walkMember(d: Differ, key: string, l: unknown, r: unknown, meta: PatchMeta): void {
  if (l === r) return;
  let hint: Difference | undefined;
  if (l !== undefined && r !== undefined && !(hint = differenceOf(l, r))) return;
  enter(d, `f:${key}`, l, r, meta.field(key), hint);
}

/** Pairs the items of two lists by path element. */
function walkKeyed(d: Differ, lhs: unknown, rhs: unknown, meta: PatchMeta): void {
  const left = keyedItems(meta, lhs);
  const right = keyedItems(meta, rhs);
  for (const [element, item] of left) descend(d, element, item, right.get(element), meta.items);
  for (const [element, item] of right) if (!left.has(element)) descend(d, element, undefined, item, meta.items);
}

/**
 * Pairs the items of two lists whose keys are aligned (keysAligned) by index, which is what
 * pairing by element gives: both lists have the same elements in the same order. Elements are
 * made only up to the last unequal item; an item whose element came earlier is a duplicate, which
 * the keyed comparison ignores too.
 */
function walkAligned(d: Differ, lhs: unknown[], rhs: unknown[], meta: PatchMeta, hint: Difference | undefined): void {
  const elements: PathElement[] = [];
  // Items before the first difference are equal.
  const first = hint?.pop();
  for (let i = typeof first === 'number' ? first : 0; i < lhs.length; i++) {
    let itemHint: Difference | undefined;
    if (i === first) itemHint = hint;
    else if (lhs[i] === rhs[i] || !(itemHint = differenceOf(lhs[i], rhs[i]))) continue;
    while (elements.length <= i) elements.push(itemElement(meta, lhs[elements.length], elements.length));
    if (elements.indexOf(elements[i]) === i) enter(d, elements[i], lhs[i], rhs[i], meta.items, itemHint);
  }
}

/** Walks below `element` unless the two values are equal: equal subtrees add, change and remove nothing. */
function descend(d: Differ, element: PathElement, lhs: unknown, rhs: unknown, meta: PatchMeta): void {
  if (lhs === rhs) return;
  if (lhs === undefined || rhs === undefined) return enter(d, element, lhs, rhs, meta, undefined);
  const hint = differenceOf(lhs, rhs);
  if (hint) enter(d, element, lhs, rhs, meta, hint);
}

/** Walks two values that differ below `element`. */
function enter(d: Differ, element: PathElement, lhs: unknown, rhs: unknown, meta: PatchMeta, hint: Difference | undefined): void {
  d.path.push(element);
  walk(d, lhs, rhs, meta, hint);
  d.path.pop();
  d.changed.cut(d.path.length);
  d.removed.cut(d.path.length);
}

/** Records a value only one side has: the node and, for granular lists and maps, every node below it. */
function mark(node: FieldSet, value: unknown, meta: PatchMeta): void {
  node.member = true;
  const kind = kindAt(meta, value);
  if (kind === 'scalar' || isAtomic(meta, kind) || isEmpty(value)) return;
  if (kind === 'list') {
    for (const [element, item] of keyedItems(meta, value)) mark(node.child(element), item, meta.items);
  } else if (isObj(value)) {
    for (const key in value) if (value[key] !== undefined) mark(node.child(`f:${key}`), value[key], meta.field(key));
  }
}

/**
 * Where jsonEqual(a, b) met the first difference of two values: for each level from the top, the
 * member name or item index of a where the values differ, innermost first (read from the end),
 * EXTRA_MEMBERS where all of a's members are equal but b has more; it ends early where a level
 * differs as a whole (other types or lengths).
 */
type Difference = (string | number | typeof EXTRA_MEMBERS)[];

const EXTRA_MEMBERS = Symbol('extra members');

/** The Difference jsonEqual fills as a false answer returns, while differenceOf asks. */
let trail: Difference | undefined;
/**
 * The array the next differenceOf has jsonEqual fill: an answer that the values are equal leaves
 * it empty, so it serves again (most members compared are equal; setting an array's length
 * costs a call into the runtime).
 */
let spare: Difference = [];

/** Where two values first differ; undefined when they are equal. */
function differenceOf(a: unknown, b: unknown): Difference | undefined {
  const noted = spare;
  trail = noted;
  const equal = jsonEqual(a, b);
  trail = undefined;
  if (equal) return undefined;
  spare = [];
  return noted;
}

/**
 * Deep equality of JSON values (object key order ignored). It runs on every write, over every
 * unchanged subtree, so it is written for speed: loops rather than callbacks, equal scalars
 * settled without a call, and a member looked up once (an absent one reads as undefined; only
 * `__proto__` needs an own-property check, as it reads the prototype when absent). On its way
 * out of a difference it notes where it was, when differenceOf asks.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      const y = b[i];
      if (x !== y && (typeof x !== 'object' || !jsonEqual(x, y))) return differsAt(i);
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Obj;
  const right = b as Obj;
  let count = 0;
  for (const key in left) {
    const x = left[key];
    const y = key === '__proto__' ? ownMember(right, key) : right[key];
    if (x !== y) {
      if (typeof x !== 'object' || !jsonEqual(x, y)) return differsAt(key);
    } else if (y === undefined && !Object.hasOwn(right, key)) return differsAt(key);
    count++;
  }
  for (const _ in right) count--;
  return count === 0 || differsAt(EXTRA_MEMBERS);
}

function differsAt(where: Difference[number]): false {
  trail?.push(where);
  return false;
}

function ownMember(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
