// A Map that also keeps its keys sorted (UTF-16 code unit order, as `<` compares strings), so a
// prefix listing is a binary search plus a walk instead of a sort. The sorted keys are kept in
// blocks of a bounded size, so inserting or removing a key moves the keys of one block: one
// splice of a single sorted array moved half of all keys on every create (~10 µs per pod with
// 10,000 pods, growing with the store). kube-apiserver's watch cache keeps a B-tree for this.

const DEFAULT_BLOCK_SIZE = 512;

export class SortedMap<V> {
  readonly #values = new Map<string, V>();
  /** The keys, sorted, in non-empty blocks of at most #blockSize keys. */
  readonly #blocks: string[][] = [];
  readonly #blockSize: number;

  constructor(blockSize = DEFAULT_BLOCK_SIZE) {
    this.#blockSize = Math.max(2, blockSize);
  }

  get(key: string): V | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: V): void {
    if (!this.#values.has(key)) this.#insert(key);
    this.#values.set(key, value);
  }

  delete(key: string): boolean {
    if (!this.#values.delete(key)) return false;
    const b = this.#blockOf(key);
    const block = this.#blocks[b];
    block.splice(lowerBound(block, key), 1);
    if (block.length === 0) this.#blocks.splice(b, 1);
    else if (block.length < this.#blockSize / 4) this.#mergeWithNeighbor(b);
    return true;
  }

  /** Values whose key starts with prefix, in key order. */
  valuesWithPrefix(prefix: string): V[] {
    const out: V[] = [];
    this.#walkPrefix(prefix, (key) => out.push(this.#values.get(key) as V));
    return out;
  }

  /** [key, value] pairs whose key starts with prefix, in key order. */
  entriesWithPrefix(prefix: string): [string, V][] {
    const out: [string, V][] = [];
    this.#walkPrefix(prefix, (key) => out.push([key, this.#values.get(key) as V]));
    return out;
  }

  #insert(key: string): void {
    if (this.#blocks.length === 0) {
      this.#blocks.push([key]);
      return;
    }
    const b = this.#blockOf(key);
    const block = this.#blocks[b];
    block.splice(lowerBound(block, key), 0, key);
    if (block.length > this.#blockSize) this.#blocks.splice(b + 1, 0, block.splice(block.length >>> 1));
  }

  /** A block left small by deletes joins its smaller neighbor when both fit in one block. */
  #mergeWithNeighbor(b: number): void {
    const left = b > 0 ? this.#blocks[b - 1].length : Infinity;
    const right = b + 1 < this.#blocks.length ? this.#blocks[b + 1].length : Infinity;
    const into = left <= right ? b - 1 : b;
    if (Math.min(left, right) + this.#blocks[b].length > this.#blockSize) return;
    this.#blocks[into].push(...this.#blocks[into + 1]);
    this.#blocks.splice(into + 1, 1);
  }

  /** The block where `key` is or belongs: the first whose last key is >= key, else the last one. */
  #blockOf(key: string): number {
    let lo = 0;
    let hi = this.#blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.#blocks[mid];
      if (block[block.length - 1] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visits the keys that start with prefix, in order. */
  #walkPrefix(prefix: string, visit: (key: string) => void): void {
    if (this.#blocks.length === 0) return;
    const first = this.#blockOf(prefix);
    for (let b = first, i = lowerBound(this.#blocks[first], prefix); b < this.#blocks.length; b++, i = 0) {
      const block = this.#blocks[b];
      for (; i < block.length; i++) {
        if (!block[i].startsWith(prefix)) return;
        visit(block[i]);
      }
    }
  }
}

/** Index of the first key >= key in a sorted array. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
