// The watch cache in front of a Backend: every object under its prefix in memory, as JSON bytes
// (cached-object.ts), plus a ring of recent events. Reads (get, list, watch) never touch the
// backend; writes go to the backend and return once the cache has applied them (read-your-writes).
//
// Sharing rule: objects handed out (get, list, events, write results) are shared by every caller
// and are never mutated by the cacher: a change replaces the object. Callers must copy before
// changing one, and must not change an object after handing it to create or update: the cache
// keeps it as the written version's decoded form instead of decoding what it just encoded.
// Nothing is frozen (freezing every object costs more than it protects).
//
// Revisions are the backend's (etcd v3 semantics: revision = resourceVersion, txn compares
// mod_revision, watch resumes from a revision), so any Backend fits, etcd included.
import type { KubeObject } from '../api/types.js';
import { newResourceExpired } from '../api/errors.js';
import type { Backend, KVEvent, KV, ListResult, ObjectStorage, RevisionedValue, StoredEvent, StoredObject, VersionList, Watcher } from './interfaces.js';
import { EventRing } from './event-ring.js';
import { SortedMap } from './sorted-map.js';
import { RevisionWaiters } from './revision-waiters.js';
import { encodeObject, withResourceVersion, type EncodedObject } from './object-codec.js';
import { CachedObject, DecodedObjects } from './cached-object.js';
import type { JSONBytes } from './json-bytes.js';

export interface CacherOptions {
  /** Events kept for watch resumption (default 10,000); older resourceVersions get 410 Expired. */
  eventRingSize?: number;
  /** The part of the key space cached (default '/registry/'). */
  prefix?: string;
  /** How many recently read objects are kept decoded (default 64); the rest are kept as JSON. */
  decodedObjects?: number;
}

/** A write of this process on its way through the backend: the object and its encoding. */
interface PendingWrite {
  obj: KubeObject;
  encoded: EncodedObject;
  /** The backend stored the bytes for the write's revision (else the unrevisioned ones). */
  revisioned: boolean;
}

const DEFAULT_EVENT_RING_SIZE = 10_000;
const DEFAULT_PREFIX = '/registry/';
const DEFAULT_DECODED_OBJECTS = 64;
/** How long a write waits for its own event before giving up (never, with in-process backends). */
const WRITE_VISIBILITY_TIMEOUT_MS = 10_000;

export class Cacher implements ObjectStorage {
  readonly #backend: Backend;
  readonly #prefix: string;
  readonly #objects = new SortedMap<CachedObject>();
  readonly #decoded: DecodedObjects;
  /** This process's writes by the bytes the backend stored, which its watch hands back. */
  readonly #pending = new WeakMap<JSONBytes, PendingWrite>();
  readonly #ring: EventRing<StoredEvent>;
  readonly #waiters = new RevisionWaiters(() => this.#revision);
  #revision: number;
  #stopBackendWatch: () => void = () => {};
  #failure: Error | undefined;
  #closed = false;

  private constructor(backend: Backend, prefix: string, ringSize: number, revision: number, decodedObjects: number) {
    this.#backend = backend;
    this.#prefix = prefix;
    this.#decoded = new DecodedObjects(decodedObjects);
    this.#revision = revision;
    this.#ring = new EventRing<StoredEvent>(ringSize, revision, { revisionOf: (e) => e.revision, keyOf: (e) => e.key });
  }

  /** Lists the backend once, then follows its watch from the listed revision. */
  static async start(backend: Backend, options: CacherOptions = {}): Promise<Cacher> {
    const prefix = options.prefix ?? DEFAULT_PREFIX;
    const { kvs, rev } = await backend.range(prefix);
    const cacher = new Cacher(backend, prefix, options.eventRingSize ?? DEFAULT_EVENT_RING_SIZE, rev, options.decodedObjects ?? DEFAULT_DECODED_OBJECTS);
    for (const kv of kvs) cacher.#objects.set(kv.key, CachedObject.stored(kv.key, kv.modRevision, cacher.#decoded, kv.value));
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
    return this.#objects.get(key)?.object;
  }

  list(prefix: string): ListResult {
    return { items: this.#objects.valuesWithPrefix(prefix).map((v) => v.object), revision: this.#revision };
  }

  versions(prefix: string): VersionList {
    return { items: this.#objects.valuesWithPrefix(prefix), revision: this.#revision };
  }

  versionsAt(prefix: string, revision: number): VersionList | undefined {
    if (revision >= this.#revision) return this.versions(prefix);
    if (revision < this.oldestWatchableRevision - 1) return undefined;
    // Roll the current state back through the newer events, newest first.
    const state = new Map<string, StoredObject>(this.#objects.entriesWithPrefix(prefix));
    const newer = this.#ring.since(prefix, revision);
    for (let i = newer.length - 1; i >= 0; i--) {
      const e = newer[i];
      if (e.type === 'ADDED' || !e.previous) state.delete(e.key);
      else state.set(e.key, e.previous);
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
    const deleted = this.#ring.find(rev)?.current.object ?? (last && withResourceVersion(last.object, rev));
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
    const rev = await this.#backend.txn(key, { put: new PendingValue(obj, this.#pending) }, expectedRevision);
    await this.waitForRevision(rev, WRITE_VISIBILITY_TIMEOUT_MS);
    // The ring holds the version unless more than a ring's worth of writes came in between.
    return this.#ring.find(rev)?.current.object ?? withResourceVersion(obj, rev);
  }

  #apply(e: KVEvent): void {
    const event = e.type === 'put' ? this.#applyPut(e.kv) : this.#applyDelete(e.key, e.modRevision);
    this.#revision = event.revision;
    this.#ring.push(event);
    this.#waiters.advanced();
  }

  #applyPut(kv: KV): StoredEvent {
    const current = this.#versionOf(kv);
    const previous = this.#objects.get(kv.key);
    this.#objects.set(kv.key, current);
    const base = { key: kv.key, current, revision: kv.modRevision };
    return previous ? { type: 'MODIFIED', ...base, previous } : { type: 'ADDED', ...base };
  }

  /** The cached version of a put: this process's own write is taken over, anything else decoded. */
  #versionOf(kv: KV): CachedObject {
    const own = this.#pending.get(kv.value);
    if (!own) return CachedObject.stored(kv.key, kv.modRevision, this.#decoded, kv.value);
    this.#pending.delete(kv.value);
    const obj = withResourceVersion(own.obj, kv.modRevision);
    const json = own.revisioned ? kv.value : own.encoded.at(kv.modRevision);
    return CachedObject.written(kv.key, kv.modRevision, this.#decoded, obj, json, own.encoded.itemOffset);
  }

  #applyDelete(key: string, revision: number): StoredEvent {
    const previous = this.#objects.get(key);
    if (!previous) throw new Error(`watch cache out of sync: ${key} deleted at revision ${revision} was never cached`);
    this.#objects.delete(key);
    return { type: 'DELETED', key, current: CachedObject.deleted(previous, revision, this.#decoded), previous, revision };
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

/**
 * A write's bytes for the backend, each form remembered as this write when the backend takes it
 * (a class: an object literal with a getter would cost a hidden class per write).
 */
class PendingValue implements RevisionedValue {
  readonly #obj: KubeObject;
  readonly #encoded: EncodedObject;
  readonly #pending: WeakMap<JSONBytes, PendingWrite>;

  constructor(obj: KubeObject, pending: WeakMap<JSONBytes, PendingWrite>) {
    this.#obj = obj;
    this.#encoded = encodeObject(obj);
    this.#pending = pending;
  }

  get unrevisioned(): Uint8Array {
    return this.#remembered(this.#encoded.unrevisioned, false);
  }

  at(revision: number): JSONBytes {
    return this.#remembered(this.#encoded.at(revision), true);
  }

  #remembered<T extends JSONBytes>(bytes: T, revisioned: boolean): T {
    this.#pending.set(bytes, { obj: this.#obj, encoded: this.#encoded, revisioned });
    return bytes;
  }
}
