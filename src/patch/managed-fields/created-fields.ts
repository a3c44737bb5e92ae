// The fieldsV1 a create records when no manager owned anything before it: what compare() of the
// kind's zero object with the new object finds changed, less the metadata paths the field manager
// strips and the reset fields, encoded as FieldSet.toFieldsV1 would. It is written in one walk of
// the object, without field sets: a create is most writes, and the set would be encoded once and
// dropped. The walk mirrors compare.ts's (walk, descend, mark); tests hold the two together.
import type { PatchMeta } from '../patch-meta.js';
import { isAtomic, isEmpty, isObj, itemElement, jsonEqual, keyedItems, kindAt } from './compare.js';
import { LEAF, comparePathElements, type PathElement } from './field-set.js';

type Json = Record<string, unknown>;

/** Field names of a map whose nodes lose their own membership (stripMeta), and the rules below them. */
interface Strip {
  fields: ReadonlySet<string>;
  nested?: ReadonlyMap<string, Strip>;
  /** Fields left out with everything below them (withoutResetFields). */
  drop?: readonly string[];
}

/** The fields whose own paths the field manager never records (stripMeta): top-level ones and metadata's. */
export const STRIPPED_TOP = ['apiVersion', 'kind', 'metadata'] as const;
export const STRIPPED_METADATA = ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'] as const;

const ROOT_STRIP: Strip = { fields: new Set(STRIPPED_TOP), nested: new Map([['metadata', { fields: new Set<string>(STRIPPED_METADATA) }]]) };

/**
 * Children recorded so far, as a stack shared by the whole walk: a node's children are the
 * entries pushed since it started, sorted and written into its JSON when it ends. No array per node.
 */
const elements: PathElement[] = [];
const nodes: (Json | null)[] = [];
let top = 0;

function push(element: PathElement, node: Json | undefined): void {
  if (node === undefined) return;
  elements[top] = element;
  nodes[top] = node;
  top++;
}

/** The JSON of a node whose children are the entries from `start`, which it pops. */
function build(start: number, member: boolean): Json | undefined {
  if (top === start) return member ? LEAF : undefined;
  sortEntries(start);
  const json: Json = {};
  if (member) json['.'] = LEAF;
  for (let i = start; i < top; i++) {
    json[elements[i]] = nodes[i];
    nodes[i] = null;
  }
  top = start;
  return json;
}

/** Sorts the entries from `start` by element: by insertion when few (no allocation), else through pairs. */
function sortEntries(start: number): void {
  if (top - start > 32) {
    const pairs = elements.slice(start, top).map((element, i) => ({ element, node: nodes[start + i] }));
    pairs.sort((a, b) => comparePathElements(a.element, b.element));
    pairs.forEach((p, i) => ((elements[start + i] = p.element), (nodes[start + i] = p.node)));
    return;
  }
  for (let i = start + 1; i < top; i++) {
    const element = elements[i];
    const node = nodes[i];
    let j = i - 1;
    for (; j >= start && comparePathElements(elements[j], element) > 0; j--) {
      elements[j + 1] = elements[j];
      nodes[j + 1] = nodes[j];
    }
    elements[j + 1] = element;
    nodes[j + 1] = node;
  }
}

/**
 * The fieldsV1 of the paths from `zero` to `next` (both without managedFields), stripped and
 * without the subtrees of the reset top-level fields; undefined when nothing is left.
 */
export function createdFieldsV1(zero: Json, next: Json, meta: PatchMeta, resetFields: readonly string[] | undefined): Json | undefined {
  top = 0;
  if (jsonEqual(zero, next)) return undefined;
  const strip = resetFields?.length ? { ...ROOT_STRIP, drop: resetFields } : ROOT_STRIP;
  const last = lastRecorded.get(meta);
  if (last && walkGives(zero, next, meta, false, strip, last)) return last;
  const fields = walk(zero, next, meta, false, strip);
  if (fields) lastRecorded.set(meta, frozen(fields));
  return fields;
}

/** The tree, frozen through (it may become many objects' fieldsV1). */
function frozen(tree: Json): Json {
  for (const key in tree) if (tree[key] !== LEAF) frozen(tree[key] as Json);
  return Object.freeze(tree);
}

/**
 * The fieldsV1 the last create of each kind recorded. Creates of a kind mostly come in one shape
 * (a client's pods, a controller's), whose fieldsV1 is the same whatever the values: such a create
 * gets the very same tree, found by a walk that checks instead of building, and the storage then
 * has its JSON already and shares the managedFields bytes between the objects. Recorded trees are
 * frozen: writing into one throws rather than changing every object that shares it.
 */
const lastRecorded = new WeakMap<PatchMeta, Json>();

/** The child of a map at `key`: whether it keeps its membership and the rules below it. */
const stripped = (strip: Strip | undefined, key: string): boolean => strip?.fields.has(key) ?? false;
const below = (strip: Strip | undefined, key: string): Strip | undefined => strip?.nested?.get(key);
const dropped = (strip: Strip | undefined, key: string): boolean => strip?.drop?.includes(key) ?? false;

/** compare's walk of two differing values, giving the changed node's JSON. */
function walk(lhs: unknown, rhs: unknown, meta: PatchMeta, noMember: boolean, strip: Strip | undefined): Json | undefined {
  if (lhs === undefined) return mark(rhs, meta, noMember, strip);
  if (rhs === undefined) return undefined;
  const kind = kindAt(meta, rhs);
  const lhsKind = lhs === null ? kind : kindAt(meta, lhs);
  if (kind === 'scalar' || lhsKind !== kind || isAtomic(meta, kind) || (isEmpty(lhs) && isEmpty(rhs))) return noMember ? undefined : LEAF;
  const start = top;
  if (kind === 'list') {
    if (Array.isArray(lhs) && lhs.length > 0) walkKeyed(lhs, rhs, meta);
    else markItems(rhs, meta, true);
  } else {
    eachChangedMember(isObj(lhs) ? lhs : {}, isObj(rhs) ? rhs : {}, strip, (key, l, r) => {
      push(`f:${key}`, walk(l, r, meta.field(key), stripped(strip, key), below(strip, key)));
      return true;
    });
  }
  return build(start, false);
}

/**
 * The members compare records between two maps, each given to `visit` (which returns false to
 * stop): the keys of `left` whose values differ from `right`'s, then those only `right` has (`l`
 * undefined); absent on the right, undefined, and dropped members are skipped. False when `visit`
 * stopped it.
 */
function eachChangedMember(left: Json, right: Json, strip: Strip | undefined, visit: (key: string, l: unknown, r: unknown) => boolean): boolean {
  for (const key in left) {
    const r = Object.hasOwn(right, key) ? right[key] : undefined;
    if (left[key] === r || r === undefined || dropped(strip, key) || jsonEqual(left[key], r)) continue;
    if (!visit(key, left[key], r)) return false;
  }
  for (const key in right) {
    if (Object.hasOwn(left, key) || right[key] === undefined || dropped(strip, key)) continue;
    if (!visit(key, undefined, right[key])) return false;
  }
  return true;
}

/** Items of two lists paired by element; items only the left has are removed, which a create does not record. */
function walkKeyed(lhs: unknown[], rhs: unknown, meta: PatchMeta): void {
  const left = keyedItems(meta, lhs);
  for (const [element, item] of keyedItems(meta, rhs)) {
    if (!left.has(element)) {
      if (item !== undefined) push(element, mark(item, meta.items, false, undefined));
    } else {
      const l = left.get(element);
      if (l !== item && !jsonEqual(l, item)) push(element, walk(l, item, meta.items, false, undefined));
    }
  }
}

/** compare's mark: a value only the new object has, every node below it a member. */
function mark(value: unknown, meta: PatchMeta, noMember: boolean, strip: Strip | undefined): Json | undefined {
  const kind = kindAt(meta, value);
  if (kind === 'scalar' || isAtomic(meta, kind) || isEmpty(value)) return noMember ? undefined : LEAF;
  const start = top;
  if (kind === 'list') markItems(value, meta, false);
  else if (isObj(value)) {
    for (const key in value) {
      if (value[key] !== undefined) push(`f:${key}`, mark(value[key], meta.field(key), stripped(strip, key), below(strip, key)));
    }
  }
  return build(start, !noMember);
}

/**
 * Marks every item of a list, the first of each element only, as keyedItems keeps them. compare's
 * walk skips undefined items (equal to an absent one), its mark does not.
 */
function markItems(list: unknown, meta: PatchMeta, skipUndefined: boolean): void {
  if (!Array.isArray(list)) return;
  const start = top;
  let seen = list.length > 32 ? new Set<PathElement>() : undefined;
  for (let i = 0; i < list.length; i++) {
    const element = itemElement(meta, list[i], i);
    if (seen ? seen.has(element) : pushedSince(start, element)) continue;
    if (skipUndefined && list[i] === undefined) {
      // Not pushed, yet its element is taken: later duplicates are ignored.
      (seen ??= new Set(elements.slice(start, top))).add(element);
      continue;
    }
    seen?.add(element);
    push(element, mark(list[i], meta.items, false, undefined));
  }
}

function pushedSince(start: number, element: PathElement): boolean {
  for (let i = start; i < top; i++) if (elements[i] === element) return true;
  return false;
}

// The same walks as walk, walkKeyed, mark and markItems, checking their result against an
// expected tree instead of building it: `expected` undefined means the walk gives nothing. A
// child is counted when the tree has it; a node is right when all its children were and it has
// no others (nor a '.' it should not have).

/** Whether a node with `children` matched children and its own membership is `expected`. */
function nodeIs(expected: Json | undefined, member: boolean, children: number): boolean {
  if (children === 0) return expected === (member ? LEAF : undefined);
  if (expected === undefined || (member && expected['.'] !== LEAF)) return false;
  let keys = 0;
  for (const _ in expected) keys++;
  return keys === children + (member ? 1 : 0);
}

/** The expected child at `element` (none below a leaf or an absent node). */
const childOf = (expected: Json | undefined, element: PathElement): Json | undefined => expected?.[element] as Json | undefined;

function walkGives(lhs: unknown, rhs: unknown, meta: PatchMeta, noMember: boolean, strip: Strip | undefined, expected: Json | undefined): boolean {
  if (lhs === undefined) return markGives(rhs, meta, noMember, strip, expected);
  if (rhs === undefined) return expected === undefined;
  const kind = kindAt(meta, rhs);
  const lhsKind = lhs === null ? kind : kindAt(meta, lhs);
  if (kind === 'scalar' || lhsKind !== kind || isAtomic(meta, kind) || (isEmpty(lhs) && isEmpty(rhs))) return expected === (noMember ? undefined : LEAF);
  let children = 0;
  if (kind === 'list') {
    const counted = Array.isArray(lhs) && lhs.length > 0 ? walkKeyedGives(lhs, rhs, meta, expected) : markItemsGives(rhs, meta, true, expected);
    if (counted < 0) return false;
    children = counted;
  } else {
    const matched = eachChangedMember(isObj(lhs) ? lhs : {}, isObj(rhs) ? rhs : {}, strip, (key, l, r) => {
      const child = childOf(expected, `f:${key}`);
      if (!walkGives(l, r, meta.field(key), stripped(strip, key), below(strip, key), child)) return false;
      if (child !== undefined) children++;
      return true;
    });
    if (!matched) return false;
  }
  return nodeIs(expected, false, children);
}

/** walkKeyed's children that `expected` has, or -1 when one differs. */
function walkKeyedGives(lhs: unknown[], rhs: unknown, meta: PatchMeta, expected: Json | undefined): number {
  const left = keyedItems(meta, lhs);
  let children = 0;
  for (const [element, item] of keyedItems(meta, rhs)) {
    const child = childOf(expected, element);
    if (!left.has(element)) {
      if (item === undefined) continue;
      if (!markGives(item, meta.items, false, undefined, child)) return -1;
    } else {
      const l = left.get(element);
      if (l === item || jsonEqual(l, item)) continue;
      if (!walkGives(l, item, meta.items, false, undefined, child)) return -1;
    }
    if (child !== undefined) children++;
  }
  return children;
}

function markGives(value: unknown, meta: PatchMeta, noMember: boolean, strip: Strip | undefined, expected: Json | undefined): boolean {
  const kind = kindAt(meta, value);
  if (kind === 'scalar' || isAtomic(meta, kind) || isEmpty(value)) return expected === (noMember ? undefined : LEAF);
  let children = 0;
  if (kind === 'list') {
    const counted = markItemsGives(value, meta, false, expected);
    if (counted < 0) return false;
    children = counted;
  } else if (isObj(value)) {
    for (const key in value) {
      if (value[key] === undefined) continue;
      const child = childOf(expected, `f:${key}`);
      if (!markGives(value[key], meta.field(key), stripped(strip, key), below(strip, key), child)) return false;
      if (child !== undefined) children++;
    }
  }
  return nodeIs(expected, !noMember, children);
}

/** markItems' children that `expected` has, or -1 when one differs. */
function markItemsGives(list: unknown, meta: PatchMeta, skipUndefined: boolean, expected: Json | undefined): number {
  if (!Array.isArray(list)) return 0;
  const seen = new Set<PathElement>();
  let children = 0;
  for (let i = 0; i < list.length; i++) {
    const element = itemElement(meta, list[i], i);
    if (seen.has(element)) continue;
    seen.add(element);
    if (skipUndefined && list[i] === undefined) continue;
    const child = childOf(expected, element);
    if (!markGives(list[i], meta.items, false, undefined, child)) return -1;
    if (child !== undefined) children++;
  }
  return children;
}
