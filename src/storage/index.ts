// src/storage: where objects live. A Backend (interfaces.ts) is a revisioned key-value store
// shaped like etcd v3: memory-backend.ts for tests, level-backend.ts (LevelDB, group commit) for
// the embedded default; an etcd backend would implement the same interface. The Cacher in front
// (cacher.ts) keeps every object and a ring of recent events in memory and is the ObjectStorage
// the registry uses. openStorage() wires one up.
import type { Backend, ObjectStorage } from './interfaces.js';
import { Cacher } from './cacher.js';
import { LevelBackend } from './level-backend.js';
import { MemoryBackend } from './memory-backend.js';

export type { Backend, ObjectStorage, StoredEvent, StoredObject, Watcher, ListResult, VersionList } from './interfaces.js';
export { StorageError } from './interfaces.js';
export { Cacher } from './cacher.js';
export { LevelBackend } from './level-backend.js';
export { MemoryBackend } from './memory-backend.js';

export interface StorageOptions {
  kind: 'level' | 'memory';
  /** The LevelDB data directory (required for 'level'). */
  dir?: string;
  /** fsync every commit batch ('level' only). */
  sync?: boolean;
  /** Events the cache keeps for watch resumption (default 10,000). */
  eventRingSize?: number;
}

export async function openStorage(options: StorageOptions): Promise<ObjectStorage> {
  const backend = await openBackend(options);
  try {
    return await Cacher.start(backend, { eventRingSize: options.eventRingSize });
  } catch (err) {
    await backend.close();
    throw err;
  }
}

async function openBackend(options: StorageOptions): Promise<Backend> {
  if (options.kind === 'memory') return new MemoryBackend();
  if (!options.dir) throw new Error("storage kind 'level' needs a data dir");
  return LevelBackend.open(options.dir, { sync: options.sync });
}
