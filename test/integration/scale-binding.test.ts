// The scale subresource (autoscaling/v1 Scale over spec.replicas) and pods/binding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, deployment, pod, useCluster } from './helpers.js';

const NS = 'scale';
const DEPLOY = `/apis/apps/v1/namespaces/${NS}/deployments`;
const PODS = `/api/v1/namespaces/${NS}/pods`;

const { api } = useCluster([NS]);

describe('deployments/scale', () => {
  it('GET returns an autoscaling/v1 Scale built from the deployment', async () => {
    const created = (await api.post(DEPLOY).send(deployment('web', 2))).body;
    const res = await api.get(`${DEPLOY}/web/scale`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: 'web',
        namespace: NS,
        uid: created.metadata.uid,
        resourceVersion: created.metadata.resourceVersion,
        creationTimestamp: created.metadata.creationTimestamp,
      },
      spec: { replicas: 2 },
      status: { replicas: 0, selector: 'app=web' },
    });
  });

  it('PATCH (merge, as kubectl scale sends it) writes spec.replicas and bumps generation', async () => {
    await api.post(DEPLOY).send(deployment('patched', 1));
    const res = await api.patch(`${DEPLOY}/patched/scale`).type('application/merge-patch+json').send({ spec: { replicas: 3 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'Scale');
    assert.equal(res.body.spec.replicas, 3);
    const parent = (await api.get(`${DEPLOY}/patched`)).body;
    assert.equal(parent.spec.replicas, 3);
    assert.equal(parent.metadata.generation, 2);
  });

  it('PUT writes spec.replicas; a stale resourceVersion is a Conflict on the deployment', async () => {
    const created = (await api.post(DEPLOY).send(deployment('put', 1))).body;
    const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'put', namespace: NS }, spec: { replicas: 4 } };
    const res = await api.put(`${DEPLOY}/put/scale`).send(scale);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.spec.replicas, 4);
    const stale = await api.put(`${DEPLOY}/put/scale`).send({ ...scale, metadata: { ...scale.metadata, resourceVersion: created.metadata.resourceVersion } });
    assertStatus(
      stale,
      409,
      'Conflict',
      'Operation cannot be fulfilled on deployments.apps "put": the object has been modified; please apply your changes to the latest version and try again',
      { name: 'put', group: 'apps', kind: 'deployments' },
    );
    assert.equal((await api.get(`${DEPLOY}/put`)).body.spec.replicas, 4);
  });

  it('with dryRun=All changes nothing', async () => {
    await api.post(DEPLOY).send(deployment('dry', 1));
    const res = await api.patch(`${DEPLOY}/dry/scale?dryRun=All`).type('application/merge-patch+json').send({ spec: { replicas: 8 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.spec.replicas, 8);
    assert.equal((await api.get(`${DEPLOY}/dry`)).body.spec.replicas, 1);
  });

  it('answers 404 for the scale of a missing deployment', async () => {
    assertStatus(await api.get(`${DEPLOY}/missing/scale`), 404, 'NotFound', 'deployments.apps "missing" not found', { name: 'missing', group: 'apps', kind: 'deployments' });
  });
});

describe('pods/binding', () => {
  const binding = (name: string, node: string): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { apiVersion: 'v1', kind: 'Node', name: node } });

  it('assigns the pod to the node and answers 201 with a Success Status', async () => {
    await api.post(PODS).send(pod('bind-me'));
    const res = await api.post(`${PODS}/bind-me/binding`).send(binding('bind-me', 'node-a'));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.text, JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }));
    assert.equal((await api.get(`${PODS}/bind-me`)).body.spec.nodeName, 'node-a');
  });

  it('binds through the bindings resource too', async () => {
    await api.post(PODS).send(pod('bind-res'));
    const res = await api.post(`/api/v1/namespaces/${NS}/bindings`).send(binding('bind-res', 'node-b'));
    assert.equal(res.status, 201, res.text);
    assert.equal((await api.get(`${PODS}/bind-res`)).body.spec.nodeName, 'node-b');
  });

  it('answers 409 Conflict when the pod is already assigned, and keeps the first node', async () => {
    await api.post(PODS).send(pod('bound-twice'));
    await api.post(`${PODS}/bound-twice/binding`).send(binding('bound-twice', 'node-a'));
    const res = await api.post(`${PODS}/bound-twice/binding`).send(binding('bound-twice', 'node-b'));
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.reason, 'Conflict');
    assert.equal((await api.get(`${PODS}/bound-twice`)).body.spec.nodeName, 'node-a');
  });

  it(
    'words the already-assigned Conflict on pods/binding',
    async () => {
      await api.post(PODS).send(pod('bound-text'));
      await api.post(`${PODS}/bound-text/binding`).send(binding('bound-text', 'node-a'));
      const res = await api.post(`${PODS}/bound-text/binding`).send(binding('bound-text', 'node-b'));
      assertStatus(res, 409, 'Conflict', 'Operation cannot be fulfilled on pods/binding "bound-text": pod bound-text is already assigned to node "node-a"', {
        name: 'bound-text',
        kind: 'pods/binding',
      });
    },
  );

  it('answers 404 for a binding of a missing pod', async () => {
    const res = await api.post(`${PODS}/ghost/binding`).send(binding('ghost', 'node-a'));
    assertStatus(res, 404, 'NotFound', 'pods "ghost" not found', { name: 'ghost', kind: 'pods' });
  });

  it('answers 422 when the target has no name', async () => {
    await api.post(PODS).send(pod('no-target'));
    const res = await api.post(`${PODS}/no-target/binding`).send({ apiVersion: 'v1', kind: 'Binding', metadata: { name: 'no-target' }, target: {} });
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body.details.causes, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
    assert.equal((await api.get(`${PODS}/no-target`)).body.spec.nodeName, undefined);
  });
});
