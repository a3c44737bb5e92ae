// Backend.watch on top of an EventRing of KVEvents: what the in-process backends (memory, level)
// share. Live events reach watchers synchronously from push(), i.e. before the writing txn resolves.
import type { KVEvent } from './interfaces.js';
import { EventRing } from './event-ring.js';

/**
 * How many KVEvents a backend keeps for watch replay unless told otherwise. Each holds its value's
 * bytes, and the one steady watcher (the cacher) starts from the revision it listed at and keeps
 * its own event ring for clients: a short history is enough, and a long one costs the size of
 * every recent write again in memory.
 */
export const DEFAULT_HISTORY_SIZE = 1_000;

export function kvEventRevision(e: KVEvent): number {
  return e.type === 'put' ? e.kv.modRevision : e.modRevision;
}

export function kvEventKey(e: KVEvent): string {
  return e.type === 'put' ? e.kv.key : e.key;
}

export function newKvHistory(capacity: number, compactedRevision: number): EventRing<KVEvent> {
  return new EventRing<KVEvent>(capacity, compactedRevision, { revisionOf: kvEventRevision, keyOf: kvEventKey });
}

/** Backend.watch semantics: replay then stream, or onError when fromRev predates the history. */
export function watchKvHistory(
  history: EventRing<KVEvent>,
  prefix: string,
  fromRev: number,
  onEvent: (e: KVEvent) => void,
  onError?: (err: Error) => void,
): () => void {
  if (fromRev < history.compactedRevision) {
    onError?.(new Error(`cannot watch ${prefix} from revision ${fromRev}: history starts after revision ${history.compactedRevision}`));
    return () => {};
  }
  return history.subscribe(prefix, fromRev, onEvent, onError);
}
