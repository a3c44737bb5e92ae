// The storage contract (DESIGN.md "Storage contract"). A Backend is a revisioned key-value store
// shaped like etcd v3; the Cacher in front of it keeps every object (as JSON) and recent events in memory
// and is what the registry talks to (the ObjectStorage interface).
import type { KubeObject } from '../api/types.js';
import type { JSONBytes } from './json-bytes.js';

export interface KV {
  key: string;
  /** The bytes stored: one buffer, or (in-process backends, from a RevisionedValue) parts of it. */
  value: JSONBytes;
  /** Revision of the last write to this key: the object's resourceVersion. */
  modRevision: number;
  /** Revision of the write that created the key. */
  createRevision: number;
}

export type KVEvent =
  | { type: 'put'; kv: KV; prevKv?: KV }
  | { type: 'delete'; key: string; modRevision: number; prevKv?: KV };

export interface TxnOp {
  put?: Uint8Array | RevisionedValue;
  delete?: true;
}

/**
 * A value that can carry the revision it is written at (an object's resourceVersion inside its
 * JSON). A backend that assigns a write's revision before committing it (the in-process ones)
 * stores `at(revision)`, so the bytes it stores, emits and the cache serves are the same; one
 * that learns the revision only from the commit (etcd) stores `unrevisioned`. at() may give the
 * bytes in parts (a version sharing an earlier version's managedFields bytes): a backend keeps
 * them as they are in memory and writes their concatenation to disk.
 */
export interface RevisionedValue {
  readonly unrevisioned: Uint8Array;
  at(revision: number): JSONBytes;
}

/** The bytes a backend that knows the revision stores for a put. */
export function valueAt(put: Uint8Array | RevisionedValue, revision: number): JSONBytes {
  return put instanceof Uint8Array ? put : put.at(revision);
}

export interface Backend {
  /**
   * Atomic compare-and-swap on one key. expectedRev: the key's current modRevision, 0 = must not
   * exist, 'any' = no check (delete then needs the key to exist). Resolves to the new revision.
   * Rejects with StorageError on a failed comparison.
   */
  txn(key: string, op: TxnOp, expectedRev: number | 'any'): Promise<number>;
  /** Every key under prefix, in key order, and the revision the answer is consistent with. */
  range(prefix: string): Promise<{ kvs: KV[]; rev: number }>;
  /**
   * Calls onEvent for every change under prefix with modRevision > fromRev, in revision order.
   * Returns a cancel function. A backend that cannot replay from fromRev calls onError instead.
   */
  watch(prefix: string, fromRev: number, onEvent: (e: KVEvent) => void, onError?: (err: Error) => void): () => void;
  close(): Promise<void>;
}

export type StorageErrorCode = 'KeyNotFound' | 'KeyExists' | 'Conflict';

/** Storage errors are not API errors (pkg/storage/errors.go): the registry translates them. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly key: string;
  /** The key's current revision when the comparison failed (0 when absent). */
  readonly currentRev: number;
  constructor(code: StorageErrorCode, key: string, currentRev = 0) {
    super(`${code}: ${key}`);
    this.code = code;
    this.key = key;
    this.currentRev = currentRev;
  }
}

export type StoredEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * One version of an object as reads see it. The cache keeps versions as their JSON and decodes
 * them on demand: read `labels` and `json` without decoding; `object` decodes (or finds the
 * decoded object in a bounded cache). The object is shared with every other reader: never mutate
 * it, copy first.
 */
export interface StoredObject {
  readonly key: string;
  /** metadata.labels, read without decoding when the cache already knows them. */
  readonly labels: Readonly<Record<string, string>> | undefined;
  readonly object: KubeObject;
  /** The object for a one-off read (a long list's rows): decoded without being kept. */
  scan(): KubeObject;
  /** The whole object's JSON (apiVersion and kind first); undefined when not kept encoded. */
  readonly json: JSONBytes | undefined;
  /**
   * Where the members after apiVersion and kind start in `json` (in its first part): the object
   * as a list item (as kube-apiserver's typed lists encode items, without apiVersion and kind) is
   * `{` followed by json from here.
   */
  readonly itemOffset: number;
}

export interface StoredEvent {
  type: StoredEventType;
  key: string;
  /** The object after the change; for DELETED its last state, resourceVersion = the delete's revision. */
  current: StoredObject;
  /** The object before the change (MODIFIED, DELETED). */
  previous?: StoredObject;
  revision: number;
}

export interface ListResult {
  items: KubeObject[];
  revision: number;
}

export interface VersionList {
  items: StoredObject[];
  revision: number;
}

/**
 * What the registry sees. Objects handed out are shared with the cache: never mutate them, copy
 * first. Objects handed in come back with resourceVersion set to the revision of their write.
 */
export interface ObjectStorage {
  /** The newest revision the cache has applied. */
  readonly revision: number;
  /** The oldest revision a watch can start from without 410 Expired. */
  readonly oldestWatchableRevision: number;
  get(key: string): KubeObject | undefined;
  /** Objects whose key starts with prefix, sorted by key, decoded. */
  list(prefix: string): ListResult;
  /** The same objects as list(), each decoded only when read: what serving a list reads. */
  versions(prefix: string): VersionList;
  /**
   * Objects under prefix as they were at `revision` (a consistent snapshot for Exact lists and
   * continue tokens), sorted by key; undefined when the revision is older than the event ring.
   */
  versionsAt(prefix: string, revision: number): VersionList | undefined;
  /** The storage takes `obj` over: the caller must not change it afterwards. */
  create(key: string, obj: KubeObject): Promise<KubeObject>;
  /** Replaces the object if its current resourceVersion is expectedRevision; takes `obj` over, as create. */
  update(key: string, obj: KubeObject, expectedRevision: number): Promise<KubeObject>;
  delete(key: string, expectedRevision: number | 'any'): Promise<KubeObject>;
  /**
   * Events under prefix with revision > fromRevision, first the buffered ones, then live ones.
   * Throws a 410 Expired StatusError when fromRevision is older than the event ring.
   */
  watch(prefix: string, fromRevision: number, onEvent: (e: StoredEvent) => void): Watcher;
  /** Resolves once the cache has applied `revision`, or rejects after timeoutMs. */
  waitForRevision(revision: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface Watcher {
  stop(): void;
}
