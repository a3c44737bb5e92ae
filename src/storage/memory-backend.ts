// An in-memory Backend for tests and `--storage memory`: etcd v3 semantics (one global revision,
// compare on mod_revision, watch from a revision) without durability.
import { valueAt, type Backend, type KV, type KVEvent, type TxnOp } from './interfaces.js';
import type { EventRing } from './event-ring.js';
import { SortedMap } from './sorted-map.js';
import { INITIAL_REVISION, checkTxn } from './txn-check.js';
import { DEFAULT_HISTORY_SIZE, newKvHistory, watchKvHistory } from './kv-history.js';

export interface MemoryBackendOptions {
  /** KVEvents kept for watch replay (default 100,000); older fromRevs get onError. */
  historySize?: number;
}

/**
 * Ordering guarantee: a txn applies, then calls every matching watcher synchronously, then its
 * promise resolves. So a cache watching this backend has applied a write when the write returns.
 * Values are kept by reference: do not mutate a Uint8Array after handing it to txn.
 */
export class MemoryBackend implements Backend {
  readonly #kvs = new SortedMap<KV>();
  readonly #history: EventRing<KVEvent>;
  #revision = INITIAL_REVISION;
  #closed = false;

  constructor(options: MemoryBackendOptions = {}) {
    // Nothing happened before a fresh store's first revision, so all of history is replayable.
    this.#history = newKvHistory(options.historySize ?? DEFAULT_HISTORY_SIZE, 0);
  }

  async txn(key: string, op: TxnOp, expectedRev: number | 'any'): Promise<number> {
    this.#assertOpen();
    const prevKv = this.#kvs.get(key);
    checkTxn(key, op, expectedRev, prevKv?.modRevision ?? 0);
    const rev = ++this.#revision;
    if (op.put !== undefined) {
      const kv: KV = { key, value: valueAt(op.put, rev), modRevision: rev, createRevision: prevKv?.createRevision ?? rev };
      this.#kvs.set(key, kv);
      this.#history.push(prevKv ? { type: 'put', kv, prevKv } : { type: 'put', kv });
    } else {
      this.#kvs.delete(key);
      this.#history.push({ type: 'delete', key, modRevision: rev, prevKv });
    }
    return rev;
  }

  async range(prefix: string): Promise<{ kvs: KV[]; rev: number }> {
    this.#assertOpen();
    return { kvs: this.#kvs.valuesWithPrefix(prefix), rev: this.#revision };
  }

  watch(prefix: string, fromRev: number, onEvent: (e: KVEvent) => void, onError?: (err: Error) => void): () => void {
    this.#assertOpen();
    return watchKvHistory(this.#history, prefix, fromRev, onEvent, onError);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#history.clearSubscribers();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('storage backend is closed');
  }
}
