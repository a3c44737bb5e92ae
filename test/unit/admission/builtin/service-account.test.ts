// ServiceAccount: the default account, the kube-api-access token volume as a real cluster shows
// it, automount opt-outs, and the refusal for an account that does not exist.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serviceAccount } from '../../../../src/admission/plugins/service-account.js';
import { attrs, harness, pod, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await harness();
  await h.seed('', 'serviceaccounts', 'ns', { metadata: { name: 'default' } });
  await h.seed('', 'serviceaccounts', 'ns', { metadata: { name: 'quiet' }, automountServiceAccountToken: false, imagePullSecrets: [{ name: 'regcred' }] });
});
after(() => h.close());

const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('ServiceAccount', () => {
  it('sets serviceAccountName and serviceAccount to default and mounts the token volume in every container', async () => {
    const p = pod('a', { initContainers: [{ name: 'init', image: 'busybox' }] });
    await h.plugin(serviceAccount).admit!(attrs({ resource: 'pods', object: p }));
    const spec = p.spec as Record<string, any>;
    assert.equal(spec.serviceAccountName, 'default');
    assert.equal(spec.serviceAccount, 'default');
    const volume = spec.volumes[0];
    assert.match(volume.name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(volume.projected, {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
      defaultMode: 420,
    });
    for (const c of [...spec.initContainers, ...spec.containers]) assert.deepEqual(c.volumeMounts, [{ name: volume.name, readOnly: true, mountPath: MOUNT_PATH }]);
  });

  it('leaves a container that mounts something at the token path alone', async () => {
    const p = pod('a', { containers: [{ name: 'app', image: 'x', volumeMounts: [{ name: 'mine', mountPath: MOUNT_PATH }] }], volumes: [{ name: 'mine', emptyDir: {} }] });
    await h.plugin(serviceAccount).admit!(attrs({ resource: 'pods', object: p }));
    assert.deepEqual((p.spec as Record<string, any>).volumes, [{ name: 'mine', emptyDir: {} }]);
  });

  it('does not mount when the account or the pod opts out, and copies the account\'s pull secrets', async () => {
    const p = pod('a', { serviceAccountName: 'quiet' });
    await h.plugin(serviceAccount).admit!(attrs({ resource: 'pods', object: p }));
    const spec = p.spec as Record<string, any>;
    assert.equal(spec.volumes, undefined);
    assert.deepEqual(spec.imagePullSecrets, [{ name: 'regcred' }]);
    const q = pod('b', { automountServiceAccountToken: false });
    await h.plugin(serviceAccount).admit!(attrs({ resource: 'pods', object: q }));
    assert.equal((q.spec as Record<string, any>).volumes, undefined);
  });

  it('refuses a pod whose account does not exist', async () => {
    await assert.rejects(
      Promise.resolve(h.plugin(serviceAccount).admit!(attrs({ resource: 'pods', object: pod('b', { serviceAccountName: 'ghost' }) }))),
      { message: 'pods "b" is forbidden: error looking up service account ns/ghost: serviceaccount "ghost" not found' },
    );
  });

  it('refuses a mirror pod that names an account', async () => {
    const mirror = pod('m', { serviceAccountName: 'default' }, { annotations: { 'kubernetes.io/config.mirror': 'x' } });
    await assert.rejects(async () => h.plugin(serviceAccount).admit!(attrs({ resource: 'pods', object: mirror })), { message: 'pods "m" is forbidden: a mirror pod may not reference service accounts' });
  });
});
