// The embedded, durable Backend on LevelDB (classic-level). Layout in level-record.ts.
//
// Commit queue: a txn is checked against the in-memory index (key → revisions, values stay on
// disk), gets the next revision and joins the queue. One batch is written at a time; every txn
// queued meanwhile goes into the next batch (group commit), together with the revision counter.
// With `sync`, each batch is fsynced. Once a batch is durable its events are emitted in revision
// order, synchronously, and only then do its txn promises resolve: a watching cache has applied
// a write when the write returns. A failed batch write is fatal: the backend rejects from then on.
import { ClassicLevel, type BatchOperation } from 'classic-level';
import { valueAt, type Backend, type KV, type KVEvent, type TxnOp } from './interfaces.js';
import type { JSONBytes } from './json-bytes.js';
import type { EventRing } from './event-ring.js';
import { INITIAL_REVISION, checkTxn } from './txn-check.js';
import { DEFAULT_HISTORY_SIZE, newKvHistory, watchKvHistory } from './kv-history.js';
import {
  META_REVISION_KEY, decodeHeader, decodeKv, decodeRevision, encodeRecord, encodeRevision, keyOfObjectKey, objectKey, objectRange,
  type RevisionHeader,
} from './level-record.js';
import { makeDirectory } from '../files/make-directory.js';

type Db = ClassicLevel<string, Uint8Array>;
type Snapshot = ReturnType<Db['snapshot']>;
type BatchOp = BatchOperation<Db, string, Uint8Array>;

export interface LevelBackendOptions {
  /** fsync every batch (default false: durable against process crashes, not power loss). */
  sync?: boolean;
  /** KVEvents kept for watch replay (default 100,000). History does not survive a restart. */
  historySize?: number;
}

interface QueuedTxn {
  key: string;
  value?: JSONBytes;
  header: RevisionHeader;
  resolve: (rev: number) => void;
  reject: (err: Error) => void;
}

export class LevelBackend implements Backend {
  readonly #db: Db;
  readonly #sync: boolean;
  /** Every key's revisions, including txns queued but not yet written. */
  readonly #index: Map<string, RevisionHeader>;
  readonly #history: EventRing<KVEvent>;
  /** The last revision handed out. */
  #revision: number;
  /** The last revision that is durable (and emitted). */
  #committed: number;
  #queue: QueuedTxn[] = [];
  #draining: Promise<void> | undefined;
  #writing = false;
  #snapshotWaiters: Array<() => void> = [];
  #failure: Error | undefined;
  #closed = false;

  private constructor(db: Db, index: Map<string, RevisionHeader>, revision: number, options: LevelBackendOptions) {
    this.#db = db;
    this.#sync = options.sync ?? false;
    this.#index = index;
    this.#revision = revision;
    this.#committed = revision;
    // Events before this start are gone; a fresh store (INITIAL_REVISION) has lost nothing.
    this.#history = newKvHistory(options.historySize ?? DEFAULT_HISTORY_SIZE, revision === INITIAL_REVISION ? 0 : revision);
  }

  /** Opens (creating if needed) the store in dir. Fails if another process has it open. */
  static async open(dir: string, options: LevelBackendOptions = {}): Promise<LevelBackend> {
    await makeDirectory(dir);
    const db: Db = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
    try {
      await db.open();
    } catch (err) {
      throw openError(dir, err);
    }
    try {
      const { index, revision } = await loadIndex(db);
      return new LevelBackend(db, index, revision, options);
    } catch (err) {
      await db.close();
      throw err;
    }
  }

  async txn(key: string, op: TxnOp, expectedRev: number | 'any'): Promise<number> {
    this.#assertUsable();
    const prev = this.#index.get(key);
    checkTxn(key, op, expectedRev, prev?.modRevision ?? 0);
    const rev = ++this.#revision;
    const header = { modRevision: rev, createRevision: prev?.createRevision ?? rev };
    if (op.put !== undefined) this.#index.set(key, header);
    else this.#index.delete(key);
    return new Promise<number>((resolve, reject) => {
      this.#queue.push({ key, value: op.put && valueAt(op.put, rev), header, resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  async range(prefix: string): Promise<{ kvs: KV[]; rev: number }> {
    this.#assertUsable();
    const { snapshot, rev } = await this.#committedSnapshot();
    try {
      const kvs: KV[] = [];
      for await (const [dbKey, record] of this.#db.iterator({ ...objectRange(prefix), ...FULL_SCAN, snapshot })) kvs.push(decodeKv(dbKey, record));
      return { kvs, rev };
    } finally {
      await snapshot.close();
    }
  }

  watch(prefix: string, fromRev: number, onEvent: (e: KVEvent) => void, onError?: (err: Error) => void): () => void {
    this.#assertUsable();
    return watchKvHistory(this.#history, prefix, fromRev, onEvent, onError);
  }

  /** Lets queued txns commit, then closes the database. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    while (this.#draining) await this.#draining;
    this.#history.clearSubscribers();
    await this.#db.close();
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      // Every write handled in this turn of the event loop joins the batch: a batch costs the
      // main thread ~25 µs of native call however few writes it carries.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.#queue;
      this.#queue = [];
      this.#writing = true;
      try {
        await this.#db.batch(batchOps(batch), { sync: this.#sync });
      } catch (err) {
        this.#fail(err, batch);
      } finally {
        this.#writing = false;
      }
      if (!this.#failure) this.#publish(batch);
      this.#serveSnapshots();
    }
    this.#draining = undefined;
  }

  #publish(batch: QueuedTxn[]): void {
    this.#committed = batch[batch.length - 1].header.modRevision;
    for (const t of batch) {
      const rev = t.header.modRevision;
      this.#history.push(t.value ? { type: 'put', kv: { key: t.key, value: t.value, ...t.header } } : { type: 'delete', key: t.key, modRevision: rev });
    }
    for (const t of batch) t.resolve(t.header.modRevision);
  }

  #fail(err: unknown, batch: QueuedTxn[]): void {
    this.#failure = new Error(`storage write failed, the backend is unusable until restarted: ${String(err)}`, { cause: err });
    for (const t of [...batch, ...this.#queue]) t.reject(this.#failure);
    this.#queue = [];
  }

  /** A snapshot holding exactly the revisions up to #committed: never taken mid-batch. */
  #committedSnapshot(): Promise<{ snapshot: Snapshot; rev: number }> {
    return new Promise((resolve) => {
      const take = () => resolve({ snapshot: this.#db.snapshot(), rev: this.#committed });
      if (this.#writing) this.#snapshotWaiters.push(take);
      else take();
    });
  }

  #serveSnapshots(): void {
    const waiters = this.#snapshotWaiters;
    this.#snapshotWaiters = [];
    for (const take of waiters) take();
  }

  #assertUsable(): void {
    if (this.#failure) throw this.#failure;
    if (this.#closed) throw new Error('storage backend is closed');
  }
}

/**
 * Iterator options for reading a whole range once (the index at open, the cache's list at
 * start): entries come from the thread pool up to 1,000 at a time instead of ~16 KiB at a time,
 * and the blocks read do not push the hot ones out of LevelDB's cache.
 */
const FULL_SCAN = { highWaterMarkBytes: 4 * 1024 * 1024, fillCache: false };

function batchOps(batch: QueuedTxn[]): BatchOp[] {
  const ops = batch.map((t): BatchOp =>
    t.value ? { type: 'put', key: objectKey(t.key), value: encodeRecord(t.header, t.value) } : { type: 'del', key: objectKey(t.key) },
  );
  ops.push({ type: 'put', key: META_REVISION_KEY, value: encodeRevision(batch[batch.length - 1].header.modRevision) });
  return ops;
}

async function loadIndex(db: Db): Promise<{ index: Map<string, RevisionHeader>; revision: number }> {
  const stored = await db.get(META_REVISION_KEY);
  const index = new Map<string, RevisionHeader>();
  for await (const [dbKey, record] of db.iterator({ ...objectRange(''), ...FULL_SCAN })) index.set(keyOfObjectKey(dbKey), decodeHeader(record));
  return { index, revision: stored ? decodeRevision(stored) : INITIAL_REVISION };
}

function openError(dir: string, err: unknown): Error {
  const cause = (err as { cause?: { code?: string } }).cause;
  if (cause?.code === 'LEVEL_LOCKED') {
    return new Error(`data dir ${dir} is in use by another kubefake process (its LevelDB lock is held)`, { cause: err });
  }
  return new Error(`cannot open data dir ${dir}: ${String(err)}`, { cause: err });
}
