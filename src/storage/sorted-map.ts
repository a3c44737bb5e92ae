// A Map that also keeps its keys sorted (UTF-16 code unit order, as `<` compares strings), so a
// prefix listing is a binary search plus a walk instead of a sort. Inserting or removing a key
// costs one splice (a memmove); replacing the value of an existing key costs nothing extra.

export class SortedMap<V> {
  readonly #values = new Map<string, V>();
  #keys: string[] = [];

  get(key: string): V | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: V): void {
    if (!this.#values.has(key)) this.#keys.splice(this.#lowerBound(key), 0, key);
    this.#values.set(key, value);
  }

  delete(key: string): boolean {
    if (!this.#values.delete(key)) return false;
    this.#keys.splice(this.#lowerBound(key), 1);
    return true;
  }

  /** Values whose key starts with prefix, in key order. */
  valuesWithPrefix(prefix: string): V[] {
    const out: V[] = [];
    for (let i = this.#lowerBound(prefix); i < this.#keys.length && this.#keys[i].startsWith(prefix); i++) out.push(this.#values.get(this.#keys[i]) as V);
    return out;
  }

  /** [key, value] pairs whose key starts with prefix, in key order. */
  entriesWithPrefix(prefix: string): [string, V][] {
    const out: [string, V][] = [];
    for (let i = this.#lowerBound(prefix); i < this.#keys.length; i++) {
      const key = this.#keys[i];
      if (!key.startsWith(prefix)) break;
      out.push([key, this.#values.get(key) as V]);
    }
    return out;
  }

  /** Index of the first key >= key. */
  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
