// A live, prepared view of one stored kind (webhook configurations, policies, bindings): listed
// once, then kept current by a storage watch, so admission never lists on the request path. Each
// object is turned into what the dispatcher needs (parsed selectors, compiled CEL) once per change.
import type { KubeObject } from '../../api/types.js';
import type { ObjectStorage, Watcher } from '../../storage/interfaces.js';

export class WatchedObjects<T> {
  readonly #storage: ObjectStorage;
  readonly #prefix: string;
  readonly #prepare: (obj: KubeObject) => T;
  readonly #byKey = new Map<string, T>();
  #sorted: T[] | undefined;
  #watcher: Watcher | undefined;

  constructor(storage: ObjectStorage, prefix: string, prepare: (obj: KubeObject) => T) {
    this.#storage = storage;
    this.#prefix = prefix;
    this.#prepare = prepare;
  }

  /** The prepared objects in key (name) order; starts the watch on first use. */
  items(): readonly T[] {
    if (!this.#watcher) this.#start();
    this.#sorted ??= [...this.#byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    return this.#sorted;
  }

  #start(): void {
    const { items, revision } = this.#storage.list(this.#prefix);
    for (const obj of items) this.#set(obj);
    this.#watcher = this.#storage.watch(this.#prefix, revision, (event) => {
      if (event.type === 'DELETED') this.#byKey.delete(event.key);
      else this.#set(event.current.object, event.key);
      this.#sorted = undefined;
    });
  }

  #set(obj: KubeObject, key = `${this.#prefix}${obj.metadata.name ?? ''}`): void {
    this.#byKey.set(key, this.#prepare(obj));
  }
}
