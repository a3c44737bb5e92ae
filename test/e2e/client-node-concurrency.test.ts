// @kubernetes/client-node writing one object from many requests at once, against `kubefake start`
// on its default LevelDB storage: as with kube-apiserver, writes that lose a race to another are
// retried on the winner's version, so patches, server-side applies and updates without
// resourceVersion all succeed and none is lost; only a stale resourceVersion the client sent is a 409.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';

const WRITERS = 16;
const MERGE = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
const SSA = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('@kubernetes/client-node: concurrent writes to one object', () => {
  let server: KubefakeProcess;
  let core: k8s.CoreV1Api;

  before(async () => {
    server = await startKubefakeProcess();
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
  });
  after(async () => {
    await server.stop();
    await removeDir(server.dataDir);
  });

  const create = (name: string): Promise<k8s.V1ConfigMap> => core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name }, data: { k: 'v' } } });

  it('merge patches all succeed and every one is kept', async () => {
    await create('patched');
    const patch = (i: number) => core.patchNamespacedConfigMap({ name: 'patched', namespace: 'default', body: { metadata: { labels: { [`writer-${i}`]: 'yes' } } } }, MERGE);
    await Promise.all(range(WRITERS).map(patch));
    const labels = (await core.readNamespacedConfigMap({ name: 'patched', namespace: 'default' })).metadata?.labels ?? {};
    assert.deepEqual(Object.keys(labels).sort(), range(WRITERS).map((i) => `writer-${i}`).sort());
  });

  it('server-side applies by different managers all succeed, each manager owning its field', async () => {
    await create('applied');
    const apply = (i: number) =>
      core.patchNamespacedConfigMap({ name: 'applied', namespace: 'default', fieldManager: `manager-${i}`, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied' }, data: { [`key-${i}`]: String(i) } } }, SSA);
    await Promise.all(range(WRITERS).map(apply));
    const live = await core.readNamespacedConfigMap({ name: 'applied', namespace: 'default' });
    assert.equal(Object.keys(live.data ?? {}).length, WRITERS + 1);
    const appliers = (live.metadata?.managedFields ?? []).filter((m) => m.operation === 'Apply').map((m) => m.manager);
    assert.deepEqual(appliers.sort(), range(WRITERS).map((i) => `manager-${i}`).sort());
  });

  it('updates without resourceVersion all succeed, each a write of its own', async () => {
    await create('replaced');
    const replace = (i: number) => core.replaceNamespacedConfigMap({ name: 'replaced', namespace: 'default', body: { metadata: { name: 'replaced' }, data: { k: String(i) } } });
    const written = await Promise.all(range(WRITERS).map(replace));
    assert.equal(new Set(written.map((cm) => cm.metadata?.resourceVersion)).size, WRITERS);
  });

  it('an update with the resourceVersion another write made stale is a 409 Conflict', async () => {
    const read = await create('guarded');
    await core.replaceNamespacedConfigMap({ name: 'guarded', namespace: 'default', body: { ...read, data: { k: 'first' } } });
    await assert.rejects(core.replaceNamespacedConfigMap({ name: 'guarded', namespace: 'default', body: { ...read, data: { k: 'second' } } }), (err: unknown) => {
      const status = JSON.parse(String((err as { body?: unknown }).body));
      assert.equal(status.code, 409);
      assert.equal(status.message, 'Operation cannot be fulfilled on configmaps "guarded": the object has been modified; please apply your changes to the latest version and try again');
      return true;
    });
  });
});
