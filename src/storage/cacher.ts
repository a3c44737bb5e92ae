// The watch cache in front of a Backend: every object under its prefix, decoded, in memory, plus
// a ring of recent events. Reads (get, list, watch) never touch the backend; writes go to the
// backend and return once the cache has applied them (read-your-writes).
//
// Sharing rule: objects handed out (get, list, events, write results) are shared by every caller
// and are never mutated by the cacher: a change replaces the object. Callers must copy before
// changing one. Nothing is frozen (freezing every object costs more than it protects).
//
// Revisions are the backend's (etcd v3 semantics: revision = resourceVersion, txn compares
// mod_revision, watch resumes from a revision), so any Backend fits, etcd included.
import type { KubeObject } from '../api/types.js';
import { newResourceExpired } from '../api/errors.js';
import type { Backend, KVEvent, KV, ListResult, ObjectStorage, StoredEvent, Watcher } from './interfaces.js';
import { EventRing } from './event-ring.js';
import { SortedMap } from './sorted-map.js';
import { RevisionWaiters } from './revision-waiters.js';
import { decodeObject, encodeObject, withResourceVersion } from './object-codec.js';

export interface CacherOptions {
  /** Events kept for watch resumption (default 10,000); older resourceVersions get 410 Expired. */
  eventRingSize?: number;
  /** The part of the key space cached (default '/registry/'). */
  prefix?: string;
}

const DEFAULT_EVENT_RING_SIZE = 10_000;
const DEFAULT_PREFIX = '/registry/';
/** How long a write waits for its own event before giving up (never, with in-process backends). */
const WRITE_VISIBILITY_TIMEOUT_MS = 10_000;

export class Cacher implements ObjectStorage {
  readonly #backend: Backend;
  readonly #prefix: string;
  readonly #objects = new SortedMap<KubeObject>();
  readonly #ring: EventRing<StoredEvent>;
  readonly #waiters = new RevisionWaiters(() => this.#revision);
  #revision: number;
  #stopBackendWatch: () => void = () => {};
  #failure: Error | undefined;
  #closed = false;

  private constructor(backend: Backend, prefix: string, ringSize: number, revision: number) {
    this.#backend = backend;
    this.#prefix = prefix;
    this.#revision = revision;
    this.#ring = new EventRing<StoredEvent>(ringSize, revision, { revisionOf: (e) => e.revision, keyOf: (e) => e.key });
  }

  /** Lists the backend once, then follows its watch from the listed revision. */
  static async start(backend: Backend, options: CacherOptions = {}): Promise<Cacher> {
    const prefix = options.prefix ?? DEFAULT_PREFIX;
    const { kvs, rev } = await backend.range(prefix);
    const cacher = new Cacher(backend, prefix, options.eventRingSize ?? DEFAULT_EVENT_RING_SIZE, rev);
    for (const kv of kvs) cacher.#objects.set(kv.key, decodeObject(kv.value, kv.modRevision));
    cacher.#stopBackendWatch = backend.watch(prefix, rev, (e) => cacher.#apply(e), (err) => cacher.#fail(err));
    return cacher;
  }

  get revision(): number {
    return this.#revision;
  }

  get oldestWatchableRevision(): number {
    return this.#ring.compactedRevision + 1;
  }

  get(key: string): KubeObject | undefined {
    return this.#objects.get(key);
  }

  list(prefix: string): ListResult {
    return { items: this.#objects.valuesWithPrefix(prefix), revision: this.#revision };
  }

  listAt(prefix: string, revision: number): ListResult | undefined {
    if (revision >= this.#revision) return this.list(prefix);
    if (revision < this.oldestWatchableRevision - 1) return undefined;
    // Roll the current state back through the newer events, newest first.
    const state = new Map<string, KubeObject>(this.#objects.entriesWithPrefix(prefix));
    const newer = this.#ring.since(prefix, revision);
    for (let i = newer.length - 1; i >= 0; i--) {
      const e = newer[i];
      if (e.type === 'ADDED' || !e.prevObject) state.delete(e.key);
      else state.set(e.key, e.prevObject);
    }
    const keys = [...state.keys()].sort();
    return { items: keys.map((k) => state.get(k)!), revision };
  }

  create(key: string, obj: KubeObject): Promise<KubeObject> {
    return this.#put(key, obj, 0);
  }

  update(key: string, obj: KubeObject, expectedRevision: number): Promise<KubeObject> {
    return this.#put(key, obj, expectedRevision);
  }

  /** Resolves to the object's last state with resourceVersion = the delete's revision. */
  async delete(key: string, expectedRevision: number | 'any'): Promise<KubeObject> {
    this.#assertWritable(key);
    const last = this.#objects.get(key);
    const rev = await this.#backend.txn(key, { delete: true }, expectedRevision);
    await this.waitForRevision(rev, WRITE_VISIBILITY_TIMEOUT_MS);
    const deleted = this.#ring.find(rev)?.object ?? (last && withResourceVersion(last, rev));
    if (!deleted) throw new Error(`deleted ${key} at revision ${rev}, but the cache never held it`);
    return deleted;
  }

  watch(prefix: string, fromRevision: number, onEvent: (e: StoredEvent) => void): Watcher {
    if (this.#closed) throw new Error('storage is closed');
    const oldest = this.oldestWatchableRevision;
    if (fromRevision < oldest - 1) throw newResourceExpired(`too old resource version: ${fromRevision} (${oldest - 1})`);
    const stop = this.#ring.subscribe(prefix, fromRevision, onEvent, (err) => {
      process.emitWarning(`watch on ${prefix} stopped: its event callback threw: ${err.message}`);
    });
    return { stop };
  }

  waitForRevision(revision: number, timeoutMs: number): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return this.#waiters.wait(revision, timeoutMs);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopBackendWatch();
    this.#ring.clearSubscribers();
    this.#waiters.failAll(new Error('storage is closed'));
    await this.#backend.close();
  }

  async #put(key: string, obj: KubeObject, expectedRevision: number): Promise<KubeObject> {
    this.#assertWritable(key);
    const value = encodeObject(obj);
    const rev = await this.#backend.txn(key, { put: value }, expectedRevision);
    await this.waitForRevision(rev, WRITE_VISIBILITY_TIMEOUT_MS);
    // The ring holds the cached object unless more than a ring's worth of writes came in between.
    return this.#ring.find(rev)?.object ?? decodeObject(value, rev);
  }

  #apply(e: KVEvent): void {
    const event = e.type === 'put' ? this.#applyPut(e.kv) : this.#applyDelete(e.key, e.modRevision);
    this.#revision = event.revision;
    this.#ring.push(event);
    this.#waiters.advanced();
  }

  #applyPut(kv: KV): StoredEvent {
    const object = decodeObject(kv.value, kv.modRevision);
    const prevObject = this.#objects.get(kv.key);
    this.#objects.set(kv.key, object);
    const base = { key: kv.key, object, revision: kv.modRevision };
    return prevObject ? { type: 'MODIFIED', ...base, prevObject } : { type: 'ADDED', ...base };
  }

  #applyDelete(key: string, revision: number): StoredEvent {
    const prevObject = this.#objects.get(key);
    if (!prevObject) throw new Error(`watch cache out of sync: ${key} deleted at revision ${revision} was never cached`);
    this.#objects.delete(key);
    return { type: 'DELETED', key, object: withResourceVersion(prevObject, revision), prevObject, revision };
  }

  #fail(err: Error): void {
    this.#failure = err;
    this.#waiters.failAll(err);
  }

  #assertWritable(key: string): void {
    if (this.#failure) throw this.#failure;
    if (this.#closed) throw new Error('storage is closed');
    if (!key.startsWith(this.#prefix)) throw new Error(`key ${key} is outside the cached prefix ${this.#prefix}`);
  }
}
