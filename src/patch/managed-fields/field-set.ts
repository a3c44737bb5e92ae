// Field ownership for server-side apply and managedFields (structured-merge-diff's fieldpath):
// a set of paths kept as a trie whose edges are fieldsV1 path elements (`f:name`,
// `k:{"name":"c"}`, `v:"x"`, `i:0`); a node is a member when the path to it is in the set, which
// fieldsV1 writes as `".": {}` when the node also has children. The same folder holds the walks
// that compute sets from objects (compare.ts), the apply merge (merge.ts), the managedFields
// bookkeeping (managed-fields.ts) and server-side apply itself (apply.ts).

export type PathElement = string;
export type FieldPath = readonly PathElement[];

/** Rank of a path element's type in structured-merge-diff's order: f, k, v, i, anything else. */
function typeRank(element: PathElement): number {
  switch (element.charCodeAt(0)) {
    case 102: // f
      return 0;
    case 107: // k
      return 1;
    case 118: // v
      return 2;
    case 105: // i
      return 3;
    default:
      return 4;
  }
}

/** The index of an `i:<n>` element, read without making a substring. */
function indexOf(element: PathElement): number {
  let n = 0;
  for (let i = 2; i < element.length; i++) n = n * 10 + element.charCodeAt(i) - 48;
  return n;
}

/** Path elements in structured-merge-diff's order: fields, keys, values, indexes. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta - tb;
  if (ta === 3) return indexOf(a) - indexOf(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts in place, stably; small arrays (most) by insertion, which allocates nothing. */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): void {
  if (items.length > 32) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    for (; j >= 0 && compare(items[j], item) > 0; j--) items[j + 1] = items[j];
    items[j + 1] = item;
  }
}

/** The fieldsV1 of a leaf and of `.`: one shared, frozen empty object. */
export const LEAF: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

const NO_CHILDREN: ReadonlyMap<PathElement, FieldSet> = new Map();

export class FieldSet {
  member = false;
  /** Made on the first child: most nodes are leaves. */
  #children: Map<PathElement, FieldSet> | undefined;
  /** The fieldsV1 this set encodes to, once asked for, and whether it round-trips. */
  #json: Record<string, unknown> | undefined;
  #exact = false;

  get children(): ReadonlyMap<PathElement, FieldSet> {
    return this.#children ?? NO_CHILDREN;
  }

  #set(element: PathElement, child: FieldSet): void {
    (this.#children ??= new Map()).set(element, child);
  }

  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet();
    if (typeof fields !== 'object' || fields === null) return set;
    for (const key in fields) {
      const value = (fields as Record<string, unknown>)[key];
      if (key === '.') set.member = true;
      else {
        const child = FieldSet.fromFieldsV1(value);
        // null reads as an empty object, as structured-merge-diff's reader takes it.
        if (value === null || (typeof value === 'object' ? !hasKeys(value) : Object.keys(value as object).length === 0)) child.member = true;
        set.#set(key, child);
      }
    }
    return set;
  }

  /**
   * The fieldsV1 JSON: `.` first, then children in path element order. Sets are not changed once
   * built, so the JSON is made once per set and shared (leaves share one frozen object): treat it
   * as immutable.
   */
  toFieldsV1(): Record<string, unknown> {
    return this.#encode();
  }

  /** Whether fromFieldsV1(toFieldsV1()) gives this set back: no empty node that is not a member. */
  roundTrips(): boolean {
    this.#encode();
    return this.#exact;
  }

  #encode(): Record<string, unknown> {
    if (this.#json) return this.#json;
    const children = this.#children;
    if (!children || children.size === 0) {
      this.#exact = this.member;
      return (this.#json = LEAF);
    }
    const json: Record<string, unknown> = {};
    let exact = true;
    if (this.member) json['.'] = LEAF;
    const keys = Array.from(children.keys());
    sortInPlace(keys, comparePathElements);
    for (const key of keys) {
      const child = children.get(key) as FieldSet;
      json[key] = child.#encode();
      exact &&= child.#exact;
    }
    this.#exact = exact;
    return (this.#json = json);
  }

  /** Whether both sets hold the same paths and the same empty nodes (encode the same fieldsV1). */
  equals(other: FieldSet): boolean {
    if (this === other) return true;
    const mine = this.#children;
    const theirs = other.#children;
    const size = mine?.size ?? 0;
    if (this.member !== other.member || size !== (theirs?.size ?? 0)) return false;
    if (!mine || !theirs) return true;
    for (const [key, child] of mine) {
      const o = theirs.get(key);
      if (o === undefined || !child.equals(o)) return false;
    }
    return true;
  }

  isEmpty(): boolean {
    return !this.member && (this.#children === undefined || this.#children.size === 0);
  }

  child(element: PathElement): FieldSet {
    let c = this.#children?.get(element);
    if (!c) this.#set(element, (c = new FieldSet()));
    return c;
  }

  insert(path: FieldPath): void {
    let node: FieldSet = this;
    for (const element of path) node = node.child(element);
    node.member = true;
  }

  has(path: FieldPath): boolean {
    const node = this.at(path);
    return node?.member ?? false;
  }

  /** The subtree at `path`, if any. */
  at(path: FieldPath): FieldSet | undefined {
    let node: FieldSet | undefined = this;
    for (const element of path) node = node?.children.get(element);
    return node;
  }

  /**
   * The paths of both sets. Subtrees only one side has are shared with it, and this set itself is
   * returned when `other` adds nothing (a writer taking fields it owns already): treat results as
   * immutable.
   */
  union(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    let merged: Map<PathElement, FieldSet> | undefined;
    for (const [key, o] of other.children) {
      const child = this.#children?.get(key);
      const u = child ? child.union(o) : o;
      if (u !== child) (merged ??= new Map()).set(key, u);
    }
    const member = this.member || other.member;
    if (merged === undefined && member === this.member) return this;
    const out = new FieldSet();
    out.member = member;
    for (const [key, child] of this.children) out.#set(key, merged?.get(key) ?? child);
    if (merged) for (const [key, u] of merged) if (!this.children.has(key)) out.#set(key, u);
    return out;
  }

  /** This set without the subtrees under the given top-level elements; the rest is shared. */
  withoutChildren(elements: readonly PathElement[]): FieldSet {
    if (!elements.some((e) => this.children.has(e))) return this;
    const out = new FieldSet();
    out.member = this.member;
    for (const [key, child] of this.children) if (!elements.includes(key)) out.#set(key, child);
    return out;
  }

  /**
   * Paths of this set that are not in `other` (path-wise: a member prefix does not cover its
   * children). Untouched subtrees are shared with this set, and this set itself is returned when
   * nothing is removed: treat results as immutable.
   */
  difference(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    // Only children both sets have can change (found by walking the smaller child map): look at
    // those first, copy this node only if one did. Most writes change one child: the first is
    // kept in locals, a Map only from the second.
    let firstKey: PathElement | undefined;
    let first: FieldSet | undefined;
    let more: Map<PathElement, FieldSet> | undefined;
    const mine = this.#children;
    const theirs = other.#children;
    if (mine && theirs) {
      for (const key of (mine.size <= theirs.size ? mine : theirs).keys()) {
        const child = mine.get(key);
        const o = theirs.get(key);
        if (!child || !o) continue;
        const d = child.difference(o);
        if (d === child) continue;
        if (first !== undefined) (more ??= new Map()).set(key, d);
        else {
          firstKey = key;
          first = d;
        }
      }
    }
    const member = this.member && !other.member;
    if (first === undefined && member === this.member) return this;
    const out = new FieldSet();
    out.member = member;
    for (const [key, child] of this.children) {
      const d = key === firstKey ? (first as FieldSet) : (more?.get(key) ?? child);
      if (!d.isEmpty()) out.#set(key, d);
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && other.member;
    for (const [key, child] of this.children) {
      const o = other.children.get(key);
      if (!o) continue;
      const i = child.intersection(o);
      if (!i.isEmpty()) out.#set(key, i);
    }
    return out;
  }

  /** Every member path, parents before children, siblings in path element order. */
  paths(prefix: PathElement[] = []): PathElement[][] {
    const out: PathElement[][] = this.member ? [[...prefix]] : [];
    const keys = [...this.children.keys()];
    sortInPlace(keys, comparePathElements);
    for (const key of keys) {
      out.push(...(this.children.get(key)?.paths([...prefix, key]) ?? []));
    }
    return out;
  }
}

/** A path as conflict messages print it: `.spec.containers[name="nginx"].image`. */
export function pathString(path: FieldPath): string {
  return path.map(elementString).join('');
}

function elementString(element: PathElement): string {
  const body = element.slice(2);
  switch (element[0]) {
    case 'f':
      return `.${body}`;
    case 'k': {
      const key = JSON.parse(body) as Record<string, unknown>;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    }
    case 'v':
      return `[=${body}]`;
    default:
      return `[${body}]`;
  }
}
