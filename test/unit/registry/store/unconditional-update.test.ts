// Writes race each other on LevelDB, whose writes complete asynchronously: the loser of a race
// must read the object again and retry, as kube-apiserver's GuaranteedUpdate does, never answer
// 409 for a precondition the client did not set: updates without metadata.resourceVersion, and
// patches, which are applied again to the winner's version.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../../../src/api/types.js';
import { openStorage } from '../../../../src/storage/index.js';
import { Registry } from '../../../../src/registry/registry.js';
import { builtinResources } from '../../../../src/registry/builtin.js';

/** More than any fixed count of retries would let through: each loser retries once per winner. */
const WRITERS = 40;

const configMap = (value: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'racing', namespace: 'default' }, data: { k: value } });

async function withLevelStore(run: (store: ReturnType<Registry['store']>) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kubefake-race-'));
  const storage = await openStorage({ kind: 'level', dir });
  try {
    const store = new Registry(builtinResources, { storage, now: () => new Date() }).store('', 'configmaps');
    await store.create('default', configMap('v'), { dryRun: false });
    await run(store);
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const rejections = (results: PromiseSettledResult<unknown>[]): string[] => results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));

describe('racing writes', () => {
  it('updates without resourceVersion all succeed all succeed, each as a write of its own, and leave the request bodies as they were', async () => {
    await withLevelStore(async (store) => {
      const bodies = Array.from({ length: WRITERS }, (_, i) => configMap(`v${i}`));
      const results = await Promise.allSettled(bodies.map((body) => store.update('default', 'racing', body, { dryRun: false })));
      assert.deepEqual(rejections(results), []);
      const versions = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.object.metadata.resourceVersion : undefined)));
      assert.equal(versions.size, bodies.length);
      assert.deepEqual(bodies.map((b) => b.metadata.resourceVersion), bodies.map(() => undefined));
    });
  });

  it('patches (tryUpdate over the current version) all succeed and none is lost', async () => {
    await withLevelStore(async (store) => {
      const patch = (i: number) => (current: KubeObject): KubeObject => ({ ...current, data: { ...(current.data as Record<string, string>), [`k${i}`]: 'set' } });
      const results = await Promise.allSettled(Array.from({ length: WRITERS }, (_, i) => store.guaranteedUpdate('default', 'racing', patch(i), { dryRun: false })));
      assert.deepEqual(rejections(results), []);
      assert.equal(Object.keys(store.get('default', 'racing').data as object).length, WRITERS + 1);
    });
  });

  it('an update whose resourceVersion another write made stale is a 409 Conflict', async () => {
    await withLevelStore(async (store) => {
      const stale = { ...store.get('default', 'racing') };
      const results = await Promise.allSettled([store.update('default', 'racing', configMap('first'), { dryRun: false }), store.update('default', 'racing', { ...stale, data: { k: 'second' } }, { dryRun: false })]);
      assert.deepEqual(rejections(results), [
        'Error: Operation cannot be fulfilled on configmaps "racing": the object has been modified; please apply your changes to the latest version and try again',
      ]);
      assert.deepEqual(store.get('default', 'racing').data, { k: 'first' });
    });
  });
});
