// The compare half of a Backend txn, shared by every backend that checks in process (memory,
// level): one table of outcomes, as etcd3's store.go builds them from mod_revision comparisons.
import { StorageError, type TxnOp } from './interfaces.js';

/** The revision a store starts at; the first write gets INITIAL_REVISION + 1 (as etcd). */
export const INITIAL_REVISION = 1;

/**
 * Throws unless `op` may apply to a key whose modRevision is currentRev (0 = absent).
 * - absent key: a put with expectedRev 0 or 'any' creates it; anything else is KeyNotFound.
 * - present key: 'any' always applies; 0 is KeyExists; another revision than the key's is Conflict.
 */
export function checkTxn(key: string, op: TxnOp, expectedRev: number | 'any', currentRev: number): void {
  if ((op.put === undefined) === (op.delete === undefined)) {
    throw new TypeError(`txn on ${key}: exactly one of put and delete is required`);
  }
  if (currentRev === 0) {
    if (op.put !== undefined && (expectedRev === 0 || expectedRev === 'any')) return;
    throw new StorageError('KeyNotFound', key, 0);
  }
  if (expectedRev === 'any') return;
  if (expectedRev === 0) throw new StorageError('KeyExists', key, currentRev);
  if (expectedRev !== currentRev) throw new StorageError('Conflict', key, currentRev);
}

