// Field ownership for server-side apply and managedFields (structured-merge-diff's fieldpath):
// a set of paths kept as a trie whose edges are fieldsV1 path elements (`f:name`,
// `k:{"name":"c"}`, `v:"x"`, `i:0`); a node is a member when the path to it is in the set, which
// fieldsV1 writes as `".": {}` when the node also has children. The same folder holds the walks
// that compute sets from objects (compare.ts), the apply merge (merge.ts), the managedFields
// bookkeeping (managed-fields.ts) and server-side apply itself (apply.ts).

export type PathElement = string;
export type FieldPath = readonly PathElement[];

const TYPE_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** Path elements in structured-merge-diff's order: fields, keys, values, indexes. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const ta = TYPE_ORDER[a[0]] ?? 4;
  const tb = TYPE_ORDER[b[0]] ?? 4;
  if (ta !== tb) return ta - tb;
  if (a[0] === 'i') return Number(a.slice(2)) - Number(b.slice(2));
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Encoded {
  json: Record<string, unknown>;
  exact: boolean;
}

export class FieldSet {
  member = false;
  readonly children = new Map<PathElement, FieldSet>();
  /** The fieldsV1 this set encodes to, once asked for. */
  #encoded: Encoded | undefined;

  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet();
    if (typeof fields !== 'object' || fields === null) return set;
    for (const [key, value] of Object.entries(fields)) {
      if (key === '.') set.member = true;
      else {
        const child = FieldSet.fromFieldsV1(value);
        if (Object.keys(value as object).length === 0) child.member = true;
        set.children.set(key, child);
      }
    }
    return set;
  }

  /**
   * The fieldsV1 JSON: `.` first, then children in path element order. Sets are not changed once
   * built, so the JSON is made once per set and shared: treat it as immutable.
   */
  toFieldsV1(): Record<string, unknown> {
    return this.#encode().json;
  }

  /** Whether fromFieldsV1(toFieldsV1()) gives this set back: no empty node that is not a member. */
  roundTrips(): boolean {
    return this.#encode().exact;
  }

  #encode(): Encoded {
    if (this.#encoded) return this.#encoded;
    const json: Record<string, unknown> = {};
    let exact = this.member || this.children.size > 0;
    if (this.member && this.children.size > 0) json['.'] = {};
    const keys = [...this.children.keys()];
    if (keys.length > 1) keys.sort(comparePathElements);
    for (const key of keys) {
      const child = (this.children.get(key) as FieldSet).#encode();
      json[key] = child.json;
      exact &&= child.exact;
    }
    this.#encoded = { json, exact };
    return this.#encoded;
  }

  isEmpty(): boolean {
    return !this.member && this.children.size === 0;
  }

  child(element: PathElement): FieldSet {
    let c = this.children.get(element);
    if (!c) this.children.set(element, (c = new FieldSet()));
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

  /** The paths of both sets. Subtrees only one side has are shared with it: treat results as immutable. */
  union(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    const out = new FieldSet();
    out.member = this.member || other.member;
    for (const [key, child] of this.children) {
      const o = other.children.get(key);
      out.children.set(key, o ? child.union(o) : child);
    }
    for (const [key, child] of other.children) if (!this.children.has(key)) out.children.set(key, child);
    return out;
  }

  /** This set without the subtrees under the given top-level elements; the rest is shared. */
  withoutChildren(elements: readonly PathElement[]): FieldSet {
    if (!elements.some((e) => this.children.has(e))) return this;
    const out = new FieldSet();
    out.member = this.member;
    for (const [key, child] of this.children) if (!elements.includes(key)) out.children.set(key, child);
    return out;
  }

  /**
   * Paths of this set that are not in `other` (path-wise: a member prefix does not cover its
   * children). Untouched subtrees are shared with this set, and this set itself is returned when
   * nothing is removed: treat results as immutable.
   */
  difference(other: FieldSet): FieldSet {
    if (other.isEmpty()) return this;
    // Only children both sets have can change: look at those first, copy this node only if one did.
    let changed: Map<PathElement, FieldSet> | undefined;
    for (const [key, o] of other.children) {
      const child = this.children.get(key);
      if (!child) continue;
      const d = child.difference(o);
      if (d !== child) (changed ??= new Map()).set(key, d);
    }
    const member = this.member && !other.member;
    if (!changed && member === this.member) return this;
    const out = new FieldSet();
    out.member = member;
    for (const [key, child] of this.children) {
      const d = changed?.get(key) ?? child;
      if (!d.isEmpty()) out.children.set(key, d);
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
      if (!i.isEmpty()) out.children.set(key, i);
    }
    return out;
  }

  /** Every member path, parents before children, siblings in path element order. */
  paths(prefix: PathElement[] = []): PathElement[][] {
    const out: PathElement[][] = this.member ? [[...prefix]] : [];
    const keys = [...this.children.keys()];
    if (keys.length > 1) keys.sort(comparePathElements);
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
