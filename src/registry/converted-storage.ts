// ObjectStorage seen through a version conversion: what a kind served over another kind's
// storage (events.k8s.io Event over core Event), or a custom resource read through its served
// version's schema, reads and writes. Converted objects are cached per stored object, so list and
// watch encoding caches keep working.
import type { KubeObject } from '../api/types.js';
import type { ListResult, ObjectStorage, StoredEvent, StoredObject, VersionList, Watcher } from '../storage/interfaces.js';
import type { StoredAs } from './resource.js';

export class ConvertedStorage implements ObjectStorage {
  readonly #inner: ObjectStorage;
  readonly #conversion: StoredAs;
  readonly #converted = new WeakMap<KubeObject, KubeObject>();

  constructor(inner: ObjectStorage, conversion: StoredAs) {
    this.#inner = inner;
    this.#conversion = conversion;
  }

  get revision(): number {
    return this.#inner.revision;
  }

  get oldestWatchableRevision(): number {
    return this.#inner.oldestWatchableRevision;
  }

  #from(obj: KubeObject): KubeObject {
    let out = this.#converted.get(obj);
    if (!out) {
      out = this.#conversion.fromStorage(obj);
      this.#converted.set(obj, out);
    }
    return out;
  }

  #fromVersion(version: StoredObject): StoredObject {
    return new ConvertedVersion(version, (obj) => this.#from(obj));
  }

  #fromVersions(list: VersionList): VersionList {
    return { items: list.items.map((v) => this.#fromVersion(v)), revision: list.revision };
  }

  get(key: string): KubeObject | undefined {
    const obj = this.#inner.get(key);
    return obj && this.#from(obj);
  }

  list(prefix: string): ListResult {
    const { items, revision } = this.#inner.list(prefix);
    return { items: items.map((o) => this.#from(o)), revision };
  }

  versions(prefix: string): VersionList {
    return this.#fromVersions(this.#inner.versions(prefix));
  }

  versionsAt(prefix: string, revision: number): VersionList | undefined {
    const list = this.#inner.versionsAt(prefix, revision);
    return list && this.#fromVersions(list);
  }

  async create(key: string, obj: KubeObject): Promise<KubeObject> {
    return this.#from(await this.#inner.create(key, this.#conversion.toStorage(obj)));
  }

  async update(key: string, obj: KubeObject, expectedRevision: number): Promise<KubeObject> {
    return this.#from(await this.#inner.update(key, this.#conversion.toStorage(obj), expectedRevision));
  }

  async delete(key: string, expectedRevision: number | 'any'): Promise<KubeObject> {
    return this.#from(await this.#inner.delete(key, expectedRevision));
  }

  watch(prefix: string, fromRevision: number, onEvent: (e: StoredEvent) => void): Watcher {
    return this.#inner.watch(prefix, fromRevision, (e) =>
      onEvent({ ...e, current: this.#fromVersion(e.current), previous: e.previous && this.#fromVersion(e.previous) }),
    );
  }

  waitForRevision(revision: number, timeoutMs: number): Promise<void> {
    return this.#inner.waitForRevision(revision, timeoutMs);
  }

  /** The underlying storage belongs to the server, which closes it. */
  async close(): Promise<void> {}
}

/**
 * A stored version in the served version: converted when read, never kept encoded (a class: an
 * object literal with getters would cost a hidden class per version read).
 */
class ConvertedVersion implements StoredObject {
  readonly key: string;
  readonly json = undefined;
  readonly itemOffset = 0;
  readonly #version: StoredObject;
  readonly #from: (obj: KubeObject) => KubeObject;

  constructor(version: StoredObject, from: (obj: KubeObject) => KubeObject) {
    this.key = version.key;
    this.#version = version;
    this.#from = from;
  }

  get labels(): Readonly<Record<string, string>> | undefined {
    return this.object.metadata.labels;
  }

  get object(): KubeObject {
    return this.#from(this.#version.object);
  }



  scan(): KubeObject {
    return this.#from(this.#version.scan());
  }
}
