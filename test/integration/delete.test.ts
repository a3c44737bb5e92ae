// DELETE and deletecollection: what a DELETE answers with (the object or a Success Status, per
// kind), finalizers with deletionTimestamp, graceful pod deletion, DeleteOptions
// (gracePeriodSeconds, preconditions, propagationPolicy, orphanDependents, dryRun).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, configMap, createNamespace, deployment, openWatch, pod, ROOT_CA_CONFIGMAP, useCluster } from './helpers.js';

const NS = 'delete';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const PODS = `/api/v1/namespaces/${NS}/pods`;
const SA = `/api/v1/namespaces/${NS}/serviceaccounts`;
const DEPLOY = `/apis/apps/v1/namespaces/${NS}/deployments`;

const { api, cluster } = useCluster([NS]);

/** The names in a list but the root CA ConfigMap, which the publisher puts back whenever it goes. */
const ownNames = (body: { items: { metadata: { name: string } }[] }): string[] => body.items.map((i) => i.metadata.name).filter((n) => n !== ROOT_CA_CONFIGMAP);

function withFinalizers(name: string, finalizers: string[]): Record<string, unknown> {
  return configMap(name, { metadata: { name, finalizers } });
}

function serviceAccount(name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } };
}

/** What the generic store's finalizeDelete answers when a kind's store does not return the object. */
function deletedStatus(name: string, resource: string, uid: string, group?: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, ...(group ? { group } : {}), kind: resource, uid } };
}

describe('what a DELETE answers with', () => {
  it('a Success Status naming a removed ConfigMap: no code, no group, kind is the resource', async () => {
    const created = (await api.post(CM).send(configMap('answer-status'))).body;
    const res = await api.delete(`${CM}/answer-status`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.equal(
      res.text,
      `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"answer-status","kind":"configmaps","uid":"${created.metadata.uid}"}}`,
    );
    assert.equal((await api.get(`${CM}/answer-status`)).status, 404);
  });

  it('names the group of a grouped kind (apps/v1 Deployment)', async () => {
    const created = (await api.post(DEPLOY).send(deployment('answer-deploy'))).body;
    const res = await api.delete(`${DEPLOY}/answer-deploy`).send({ propagationPolicy: 'Background' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, deletedStatus('answer-deploy', 'deployments', created.metadata.uid, 'apps'));
  });

  it('the Status in YAML when the client asks for YAML', async () => {
    const created = (await api.post(CM).send(configMap('answer-yaml'))).body;
    const res = await api.delete(`${CM}/answer-yaml`).set('Accept', 'application/yaml').buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString()));
      r.on('end', () => done(null, text));
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/yaml');
    assert.equal(res.body, `apiVersion: v1\ndetails:\n  kind: configmaps\n  name: answer-yaml\n  uid: ${created.metadata.uid}\nkind: Status\nmetadata: {}\nstatus: Success\n`);
  });

  it('the deleted object for a kind whose store returns it (ServiceAccount)', async () => {
    const created = (await api.post(SA).send(serviceAccount('answer-sa'))).body;
    const res = await api.delete(`${SA}/answer-sa`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, created);
    assert.equal((await api.get(`${SA}/answer-sa`)).status, 404);
  });

  it('the deleted object for a cluster-scoped kind whose store returns it (StorageClass)', async () => {
    const path = '/apis/storage.k8s.io/v1/storageclasses';
    const created = (await api.post(path).send({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'answer-sc' }, provisioner: 'example.com/p' })).body;
    const res = await api.delete(`${path}/answer-sc`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, created);
  });

  it('the object when finalizers keep it, also for a kind that otherwise answers a Status', async () => {
    await api.post(CM).send(withFinalizers('answer-held', ['example.com/hold']));
    const res = await api.delete(`${CM}/answer-held`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'ConfigMap');
    assert.ok(res.body.metadata.deletionTimestamp);
    await api.patch(`${CM}/answer-held`).type('application/merge-patch+json').send({ metadata: { finalizers: null } });
  });
});

describe('finalizers', () => {
  it('DELETE marks the object with deletionTimestamp; removing the last finalizer removes it', async () => {
    await api.post(CM).send(withFinalizers('fin', ['example.com/hold']));
    const res = await api.delete(`${CM}/fin`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'ConfigMap', 'an object only marked is the answer, whatever the kind');
    assert.match(res.body.metadata.deletionTimestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(res.body.metadata.deletionGracePeriodSeconds, 0);
    assert.deepEqual(res.body.metadata.finalizers, ['example.com/hold']);
    const still = await api.get(`${CM}/fin`);
    assert.equal(still.status, 200);
    assert.equal(still.body.metadata.deletionTimestamp, res.body.metadata.deletionTimestamp);

    const again = await api.delete(`${CM}/fin`);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.metadata.resourceVersion, still.body.metadata.resourceVersion, 'a second DELETE changes nothing');

    const w = await openWatch(cluster().server, `${CM}?watch=true&resourceVersion=${still.body.metadata.resourceVersion}`);
    try {
      const cleared = await api.patch(`${CM}/fin`).type('application/json-patch+json').send([{ op: 'remove', path: '/metadata/finalizers' }]);
      assert.equal(cleared.status, 200, cleared.text);
      assertStatus(await api.get(`${CM}/fin`), 404, 'NotFound', 'configmaps "fin" not found', { name: 'fin', kind: 'configmaps' });
      const e = await w.next();
      assert.equal(e.type, 'DELETED');
      assert.equal(e.object.metadata?.name, 'fin');
    } finally {
      w.close();
    }
  });

  it('forbids adding a finalizer once deletion has started', async () => {
    await api.post(CM).send(withFinalizers('no-new', ['example.com/a']));
    await api.delete(`${CM}/no-new`);
    const res = await api.patch(`${CM}/no-new`).type('application/merge-patch+json').send({ metadata: { finalizers: ['example.com/a', 'example.com/b'] } });
    assert.equal(res.status, 422, res.text);
    assert.equal(res.body.reason, 'Invalid');
    assert.deepEqual(res.body.details.causes, [
      { reason: 'FieldValueForbidden', message: 'Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}', field: 'metadata.finalizers' },
    ]);
    await api.patch(`${CM}/no-new`).type('application/merge-patch+json').send({ metadata: { finalizers: null } });
  });

  it('answers 202 when the object stays and orphanDependents=false was sent', async () => {
    await api.post(CM).send(withFinalizers('accepted', ['example.com/hold']));
    const res = await api.delete(`${CM}/accepted`).send({ orphanDependents: false });
    assert.equal(res.status, 202, res.text);
    assert.ok(res.body.metadata.deletionTimestamp);
    await api.patch(`${CM}/accepted`).type('application/merge-patch+json').send({ metadata: { finalizers: null } });
  });
});

describe('graceful deletion of pods', () => {
  it('deletes an unscheduled pod at once', async () => {
    await api.post(PODS).send(pod('unscheduled'));
    const res = await api.delete(`${PODS}/unscheduled`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'Pod', 'the pod store returns the deleted object');
    assert.equal((await api.get(`${PODS}/unscheduled`)).status, 404);
  });

  it('keeps a scheduled pod with deletionTimestamp in the future; a smaller period moves it earlier; 0 removes it', async () => {
    await api.post(PODS).send(pod('scheduled', { nodeName: 'n1' }));
    const before = Date.now();
    const first = await api.delete(`${PODS}/scheduled`);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.metadata.deletionGracePeriodSeconds, 30);
    const when = Date.parse(first.body.metadata.deletionTimestamp);
    assert.ok(when >= before + 28_000 && when <= Date.now() + 31_000, `deletionTimestamp ${first.body.metadata.deletionTimestamp}`);

    const shorter = await api.delete(`${PODS}/scheduled?gracePeriodSeconds=5`);
    assert.equal(shorter.status, 200, shorter.text);
    assert.equal(shorter.body.metadata.deletionGracePeriodSeconds, 5);
    assert.ok(Date.parse(shorter.body.metadata.deletionTimestamp) < when);

    const longer = await api.delete(`${PODS}/scheduled`).send({ gracePeriodSeconds: 60 });
    assert.equal(longer.body.metadata.deletionGracePeriodSeconds, 5, 'a longer period changes nothing');

    const now = await api.delete(`${PODS}/scheduled`).send({ gracePeriodSeconds: 0 });
    assert.equal(now.status, 200, now.text);
    assert.equal(now.body.kind, 'Pod');
    assert.equal(now.body.metadata.name, 'scheduled');
    assert.equal((await api.get(`${PODS}/scheduled`)).status, 404);
  });

  it('uses the pod\'s terminationGracePeriodSeconds by default', async () => {
    await api.post(PODS).send(pod('own-period', { nodeName: 'n1', terminationGracePeriodSeconds: 7 }));
    const res = await api.delete(`${PODS}/own-period`);
    assert.equal(res.body.metadata.deletionGracePeriodSeconds, 7);
    await api.delete(`${PODS}/own-period?gracePeriodSeconds=0`);
  });
});

describe('preconditions', () => {
  it('answers 409 when the uid precondition does not hold', async () => {
    const created = (await api.post(CM).send(configMap('pre-uid'))).body;
    const res = await api.delete(`${CM}/pre-uid`).send({ preconditions: { uid: 'not-the-uid' } });
    assertStatus(
      res,
      409,
      'Conflict',
      `Operation cannot be fulfilled on configmaps "pre-uid": StorageError: invalid object, Code: 4, Key: /registry/configmaps/${NS}/pre-uid, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${created.metadata.uid}`,
      { name: 'pre-uid', kind: 'configmaps' },
    );
    assert.equal((await api.get(`${CM}/pre-uid`)).status, 200);
  });

  it('answers 409 when the resourceVersion precondition does not hold', async () => {
    const created = (await api.post(CM).send(configMap('pre-rv'))).body;
    const res = await api.delete(`${CM}/pre-rv`).send({ preconditions: { resourceVersion: '1' } });
    assertStatus(
      res,
      409,
      'Conflict',
      `Operation cannot be fulfilled on configmaps "pre-rv": StorageError: invalid object, Code: 4, Key: /registry/configmaps/${NS}/pre-rv, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ${created.metadata.resourceVersion}`,
      { name: 'pre-rv', kind: 'configmaps' },
    );
    assert.equal((await api.get(`${CM}/pre-rv`)).status, 200);
  });

  it('deletes when the preconditions hold', async () => {
    const created = (await api.post(CM).send(configMap('pre-ok'))).body;
    const res = await api.delete(`${CM}/pre-ok`).send({ preconditions: { uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion } });
    assert.equal(res.status, 200, res.text);
    assert.equal((await api.get(`${CM}/pre-ok`)).status, 404);
  });
});

describe('propagationPolicy and other options', () => {
  for (const policy of ['Background', 'Foreground', 'Orphan']) {
    it(`accepts propagationPolicy=${policy} in the body and in the query`, async () => {
      await api.post(CM).send(configMap(`pp-${policy.toLowerCase()}`));
      await api.post(CM).send(configMap(`pq-${policy.toLowerCase()}`));
      assert.equal((await api.delete(`${CM}/pp-${policy.toLowerCase()}`).send({ propagationPolicy: policy })).status, 200);
      assert.equal((await api.delete(`${CM}/pq-${policy.toLowerCase()}?propagationPolicy=${policy}`)).status, 200);
    });
  }

  it(
    'Orphan adds the orphan finalizer and keeps the object for the garbage collector',
    { todo: 'server bug: propagationPolicy=Orphan deletes at once; kube-apiserver adds the "orphan" finalizer and sets deletionTimestamp (Foreground: "foregroundDeletion")' },
    async () => {
      await api.post(CM).send(configMap('orphaned'));
      const res = await api.delete(`${CM}/orphaned`).send({ propagationPolicy: 'Orphan' });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.metadata.finalizers, ['orphan']);
      assert.ok(res.body.metadata.deletionTimestamp);
    },
  );

  it('answers 422 Invalid on DeleteOptions for an unknown propagationPolicy and keeps the object', async () => {
    await api.post(CM).send(configMap('pp-bad'));
    const res = await api.delete(`${CM}/pp-bad`).send({ propagationPolicy: 'Sideways' });
    assert.equal(res.status, 422, res.text);
    assert.equal(res.body.reason, 'Invalid');
    assert.equal(res.body.details.kind, 'DeleteOptions');
    assert.equal(res.body.details.group, 'meta.k8s.io');
    assert.deepEqual(res.body.details.causes.map((c: { field: string }) => c.field), ['propagationPolicy']);
    assert.equal((await api.get(`${CM}/pp-bad`)).status, 200);
  });

  it(
    'words the unknown-propagationPolicy error as ValidateDeleteOptions does',
    async () => {
      await api.post(CM).send(configMap('pp-bad-text'));
      const res = await api.delete(`${CM}/pp-bad-text`).send({ propagationPolicy: 'Sideways' });
      assert.equal(res.body.message, 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"');
    },
  );

  it('with dryRun=All answers as the real delete would (a Status for a ConfigMap) and keeps the object', async () => {
    const created = (await api.post(CM).send(configMap('dry-del'))).body;
    const res = await api.delete(`${CM}/dry-del?dryRun=All`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, deletedStatus('dry-del', 'configmaps', created.metadata.uid));
    assert.deepEqual((await api.get(`${CM}/dry-del`)).body, created);
  });

  it('with dryRun=All answers with the object for a kind that returns it, and keeps it', async () => {
    const created = (await api.post(SA).send(serviceAccount('dry-sa'))).body;
    const res = await api.delete(`${SA}/dry-sa?dryRun=All`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, created);
    assert.deepEqual((await api.get(`${SA}/dry-sa`)).body, created);
  });

  it(
    'returns the object as it was before the delete, with its last resourceVersion (etcd3 conditionalDelete)',
    async () => {
      const created = (await api.post(SA).send(serviceAccount('last-rv'))).body;
      const res = await api.delete(`${SA}/last-rv`);
      assert.equal(res.body.metadata.resourceVersion, created.metadata.resourceVersion);
    },
  );
});

describe('deletecollection', () => {
  it('deletes what the label selector selects and answers with the deleted items', async () => {
    const ns = 'delcol';
    await createNamespace(api, ns);
    const path = `/api/v1/namespaces/${ns}/configmaps`;
    for (const [name, tier] of [['a', 'web'], ['b', 'web'], ['c', 'db']]) await api.post(path).send(configMap(name, { metadata: { name, labels: { tier } } }));
    const res = await api.delete(`${path}?labelSelector=tier%3Dweb`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'ConfigMapList');
    assert.deepEqual(res.body.items.map((i: { metadata: { name: string } }) => i.metadata.name).sort(), ['a', 'b']);
    const left = await api.get(path);
    assert.deepEqual(ownNames(left.body), ['c']);
  });

  it('deletes what the field selector selects, and everything without one', async () => {
    const ns = 'delcol-fields';
    await createNamespace(api, ns);
    const path = `/api/v1/namespaces/${ns}/configmaps`;
    for (const name of ['a', 'b', 'c']) await api.post(path).send(configMap(name));
    assert.equal((await api.delete(`${path}?fieldSelector=metadata.name%3Db`)).status, 200);
    assert.deepEqual(ownNames((await api.get(path)).body), ['a', 'c']);
    assert.equal((await api.delete(path)).status, 200);
    assert.deepEqual(ownNames((await api.get(path)).body), []);
  });

  it('with dryRun=All deletes nothing', async () => {
    const ns = 'delcol-dry';
    await createNamespace(api, ns);
    const path = `/api/v1/namespaces/${ns}/configmaps`;
    await api.post(path).send(configMap('keep'));
    const res = await api.delete(`${path}?dryRun=All`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(ownNames(res.body), ['keep']);
    assert.equal((await api.get(`${path}/keep`)).status, 200);
  });

  it('answers 405 on namespaces, which have no deletecollection', async () => {
    const res = await api.delete('/api/v1/namespaces');
    assertStatus(res, 405, 'MethodNotAllowed', 'deletecollection is not supported on resources of kind "namespaces"', { kind: 'namespaces' });
  });
});
