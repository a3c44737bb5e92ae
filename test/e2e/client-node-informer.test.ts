// @kubernetes/client-node, as an operator uses it: a typed client and an informer that sees
// add, update and delete against the real `kubefake start` process.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';
import { eventually } from '../helpers/kubectl.js';

describe('@kubernetes/client-node', () => {
  let server: KubefakeProcess;
  let kc: k8s.KubeConfig;

  before(async () => {
    server = await startKubefakeProcess();
    kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfig);
  });
  after(async () => {
    await server.stop();
    await removeDir(server.dataDir);
  });

  it('informer sees add, update and delete', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => seen.push(`update ${o.metadata?.name} ${JSON.stringify(o.data)}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    await informer.start();
    try {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'informed' }, data: { a: '1' } } });
      await eventually(() => seen.includes('add informed'), 10000, 'the add');
      await core.replaceNamespacedConfigMap({ name: 'informed', namespace: 'default', body: { metadata: { name: 'informed' }, data: { a: '2' } } });
      await eventually(() => seen.includes('update informed {"a":"2"}'), 10000, 'the update');
      await core.deleteNamespacedConfigMap({ name: 'informed', namespace: 'default' });
      await eventually(() => seen.includes('delete informed'), 10000, 'the delete');
      // Only the root CA ConfigMap every namespace holds is left.
      assert.deepEqual(informer.list('default').map((o) => o.metadata?.name), ['kube-root-ca.crt']);
    } finally {
      await informer.stop();
    }
  });

  it('typed client gets Status errors as ApiException with the real body', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await assert.rejects(core.readNamespacedPod({ name: 'missing', namespace: 'default' }), (err: unknown) => {
      const e = err as { code?: number; body?: string };
      assert.equal(e.code, 404);
      const status = JSON.parse(String(e.body));
      assert.deepEqual(status, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "missing" not found',
        reason: 'NotFound',
        details: { name: 'missing', kind: 'pods' },
        code: 404,
      });
      return true;
    });
  });

  it('optimistic concurrency: a stale resourceVersion is a 409 Conflict', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'occ' }, data: { v: '1' } } });
    await core.replaceNamespacedConfigMap({ name: 'occ', namespace: 'default', body: { ...created, data: { v: '2' } } });
    await assert.rejects(core.replaceNamespacedConfigMap({ name: 'occ', namespace: 'default', body: { ...created, data: { v: '3' } } }), (err: unknown) => {
      const e = err as { code?: number; body?: string };
      assert.equal(e.code, 409);
      assert.equal(
        JSON.parse(String(e.body)).message,
        'Operation cannot be fulfilled on configmaps "occ": the object has been modified; please apply your changes to the latest version and try again',
      );
      return true;
    });
  });
});
