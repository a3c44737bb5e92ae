// @kubernetes/client-node server-side apply against `kubefake start`: the typed client's patch with
// the application/apply-patch+yaml content type and a fieldManager, and KubernetesObjectApi.patch
// with PatchStrategy.ServerSideApply; apply on create, then updates, conflicts and force.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';

const SSA = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply);

function deployment(image: string, replicas: number): k8s.V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'operated', namespace: 'default', labels: { owner: 'operator' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'operated' } },
      template: { metadata: { labels: { app: 'operated' } }, spec: { containers: [{ name: 'main', image }] } },
    },
  };
}

const managerNames = (obj: k8s.KubernetesObject): string[] =>
  (obj.metadata?.managedFields ?? []).map((m) => `${m.manager}/${m.operation}`).sort();

/** The Status body of a rejected request. */
function statusOf(err: unknown): { code: number; reason: string; message: string; details?: { causes?: { reason: string; message: string; field: string }[] } } {
  return JSON.parse(String((err as { body?: unknown }).body));
}

describe('@kubernetes/client-node server-side apply', () => {
  let server: KubefakeProcess;
  let apps: k8s.AppsV1Api;
  let objects: k8s.KubernetesObjectApi;

  before(async () => {
    server = await startKubefakeProcess({ args: ['--storage', 'memory'] });
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfig);
    apps = kc.makeApiClient(k8s.AppsV1Api);
    objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  });
  after(async () => {
    await server.stop();
    await removeDir(server.dataDir);
  });

  it('creates with apply, then updates, recording the Apply manager', async () => {
    const created = await apps.patchNamespacedDeployment({ name: 'operated', namespace: 'default', body: deployment('nginx:1.27', 2), fieldManager: 'operator' }, SSA);
    assert.equal(created.spec?.replicas, 2);
    assert.equal(created.spec?.template.spec?.containers[0].imagePullPolicy, 'IfNotPresent');
    assert.equal(created.metadata?.generation, 1);
    assert.deepEqual(managerNames(created), ['operator/Apply']);
    const entry = created.metadata?.managedFields?.[0];
    assert.equal(entry?.apiVersion, 'apps/v1');
    assert.equal(entry?.fieldsType, 'FieldsV1');
    assert.ok(entry?.time instanceof Date, 'managedFields time is a timestamp');

    const updated = await apps.patchNamespacedDeployment({ name: 'operated', namespace: 'default', body: deployment('nginx:1.28', 3), fieldManager: 'operator' }, SSA);
    assert.equal(updated.spec?.replicas, 3);
    assert.equal(updated.spec?.template.spec?.containers[0].image, 'nginx:1.28');
    assert.equal(updated.metadata?.generation, 2);
    assert.equal(updated.metadata?.uid, created.metadata?.uid);
    assert.deepEqual(managerNames(updated), ['operator/Apply']);
  });

  it('a second manager conflicts with a 409 and its causes, and takes the field with force', async () => {
    const partial = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'operated', namespace: 'default' }, spec: { replicas: 5 } };
    await assert.rejects(apps.patchNamespacedDeployment({ name: 'operated', namespace: 'default', body: partial, fieldManager: 'autoscaler' }, SSA), (err: unknown) => {
      const status = statusOf(err);
      assert.equal(status.code, 409);
      assert.equal(status.reason, 'Conflict');
      assert.equal(status.message, 'Apply failed with 1 conflict: conflict with "operator": .spec.replicas');
      assert.deepEqual(status.details?.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "operator"', field: '.spec.replicas' }]);
      return true;
    });
    const forced = await apps.patchNamespacedDeployment({ name: 'operated', namespace: 'default', body: partial, fieldManager: 'autoscaler', force: true }, SSA);
    assert.equal(forced.spec?.replicas, 5);
    assert.deepEqual(managerNames(forced), ['autoscaler/Apply', 'operator/Apply']);
  });

  it('fields the manager stops applying are removed; KubernetesObjectApi.patch applies too', async () => {
    const withoutLabel = deployment('nginx:1.28', 3);
    delete withoutLabel.metadata!.labels;
    delete withoutLabel.spec!.replicas;
    const patched = await objects.patch(withoutLabel, undefined, undefined, 'operator', undefined, k8s.PatchStrategy.ServerSideApply);
    assert.equal(patched.metadata?.labels, undefined);
    // replicas now belongs to the autoscaler alone, so it stays.
    assert.equal((patched as k8s.V1Deployment).spec?.replicas, 5);
    const read = await apps.readNamespacedDeployment({ name: 'operated', namespace: 'default' });
    assert.equal(read.metadata?.resourceVersion, patched.metadata?.resourceVersion);
  });

  it('read, change the image, replace, twice, as a controller does: the managedFields sent back are kept and the replacer takes only the image', async () => {
    for (const image of ['nginx:1.29', 'nginx:1.30']) {
      const read = await apps.readNamespacedDeployment({ name: 'operated', namespace: 'default' });
      read.spec!.template.spec!.containers[0].image = image;
      const replaced = await apps.replaceNamespacedDeployment({ name: 'operated', namespace: 'default', body: read, fieldManager: 'image-updater' });
      assert.equal(replaced.spec?.template.spec?.containers[0].image, image);
      assert.deepEqual(managerNames(replaced), ['autoscaler/Apply', 'image-updater/Update', 'operator/Apply']);
      const updater = replaced.metadata?.managedFields?.find((m) => m.manager === 'image-updater');
      assert.deepEqual(updater?.fieldsV1, { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"main"}': { 'f:image': {} } } } } } });
      const operator = replaced.metadata?.managedFields?.find((m) => m.manager === 'operator');
      assert.ok(!JSON.stringify(operator?.fieldsV1).includes('f:image'), 'the operator lost the image to the replacer');
    }
  });

  it('apply without a fieldManager is refused', async () => {
    await assert.rejects(apps.patchNamespacedDeployment({ name: 'operated', namespace: 'default', body: deployment('nginx:1.28', 3) }, SSA), (err: unknown) => {
      const status = statusOf(err);
      // ValidatePatchOptions' NewInvalid, as kube-apiserver answers it.
      assert.equal(status.code, 422);
      assert.equal(status.reason, 'Invalid');
      assert.equal(status.message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
      return true;
    });
  });
});
