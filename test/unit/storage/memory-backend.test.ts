import { it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../../../src/storage/memory-backend.js';
import { runBackendConformance } from './conformance.js';

runBackendConformance('memory', async () => new MemoryBackend());

it('memory backend: a watch older than the retained history gets onError', async () => {
  const b = new MemoryBackend({ historySize: 2 });
  const first = await b.txn('/k/a', { put: new Uint8Array([1]) }, 0);
  await b.txn('/k/b', { put: new Uint8Array([2]) }, 0);
  await b.txn('/k/c', { put: new Uint8Array([3]) }, 0);
  const errors: Error[] = [];
  const events: unknown[] = [];
  b.watch('/k/', first - 1, (e) => events.push(e), (err) => errors.push(err));
  assert.equal(errors.length, 1);
  assert.equal(events.length, 0);
  b.watch('/k/', first, (e) => events.push(e), (err) => errors.push(err));
  assert.equal(events.length, 2);
  await b.close();
});
