// The status subresource: status writes (PUT and PATCH) keep spec and metadata.generation, spec
// writes on the main resource keep status; kinds without a status subresource answer 404.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, configMap, createNamespace, deployment, pod, startCluster, type Api, type TestCluster } from './helpers.js';

const NS = 'status';
const PODS = `/api/v1/namespaces/${NS}/pods`;
const DEPLOY = `/apis/apps/v1/namespaces/${NS}/deployments`;

let cluster: TestCluster;
let api: Api;

before(async () => {
  cluster = await startCluster();
  api = cluster.api;
  await createNamespace(api, NS);
});
after(() => cluster.stop());

describe('pods/status', () => {
  it('GET returns the whole pod', async () => {
    const created = (await api.post(PODS).send(pod('get-status'))).body;
    const res = await api.get(`${PODS}/get-status/status`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, created);
  });

  it('PUT changes status only: a spec change in the body is dropped', async () => {
    const created = (await api.post(PODS).send(pod('put-status'))).body;
    const body = { ...created, spec: { ...created.spec, nodeName: 'sneaky' }, status: { ...created.status, phase: 'Running' } };
    const res = await api.put(`${PODS}/put-status/status`).send(body);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status.phase, 'Running');
    assert.equal(res.body.spec.nodeName, undefined);
    assert.ok(Number(res.body.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
    const got = (await api.get(`${PODS}/put-status`)).body;
    assert.deepEqual(got.spec, created.spec);
    assert.equal(got.status.phase, 'Running');
  });

  it('PATCH (merge) changes status only', async () => {
    await api.post(PODS).send(pod('patch-status'));
    const res = await api.patch(`${PODS}/patch-status/status`).type('application/merge-patch+json').send({ spec: { nodeName: 'sneaky' }, status: { phase: 'Succeeded' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status.phase, 'Succeeded');
    assert.equal(res.body.spec.nodeName, undefined);
  });

  it('PATCH (JSON patch) changes status only', async () => {
    await api.post(PODS).send(pod('jp-status'));
    const res = await api
      .patch(`${PODS}/jp-status/status`)
      .type('application/json-patch+json')
      .send([
        { op: 'replace', path: '/status/phase', value: 'Failed' },
        { op: 'add', path: '/spec/nodeName', value: 'sneaky' },
      ]);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status.phase, 'Failed');
    assert.equal(res.body.spec.nodeName, undefined);
  });

  it('a write to the main resource keeps the stored status', async () => {
    const created = (await api.post(PODS).send(pod('spec-write'))).body;
    await api.patch(`${PODS}/spec-write/status`).type('application/merge-patch+json').send({ status: { phase: 'Running' } });
    const current = (await api.get(`${PODS}/spec-write`)).body;
    const put = await api.put(`${PODS}/spec-write`).send({ ...current, metadata: { ...current.metadata, labels: { a: 'b' } }, status: { phase: 'Failed' } });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.status.phase, 'Running');
    assert.deepEqual(put.body.metadata.labels, { a: 'b' });
    const patched = await api.patch(`${PODS}/spec-write`).type('application/merge-patch+json').send({ status: { phase: 'Unknown' } });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.status.phase, 'Running');
    assert.equal(patched.body.metadata.uid, created.metadata.uid);
  });

  it('answers 409 Conflict to a status PUT with a stale resourceVersion', async () => {
    const created = (await api.post(PODS).send(pod('stale-status'))).body;
    await api.patch(`${PODS}/stale-status`).type('application/merge-patch+json').send({ metadata: { labels: { bump: '1' } } });
    const res = await api.put(`${PODS}/stale-status/status`).send({ ...created, status: { phase: 'Running' } });
    assertStatus(
      res,
      409,
      'Conflict',
      'Operation cannot be fulfilled on pods "stale-status": the object has been modified; please apply your changes to the latest version and try again',
      { name: 'stale-status', kind: 'pods' },
    );
  });

  it('answers 404 for the status of a missing pod', async () => {
    assertStatus(await api.get(`${PODS}/nope/status`), 404, 'NotFound', 'pods "nope" not found', { name: 'nope', kind: 'pods' });
    const res = await api.patch(`${PODS}/nope/status`).type('application/merge-patch+json').send({ status: { phase: 'Running' } });
    assertStatus(res, 404, 'NotFound', 'pods "nope" not found', { name: 'nope', kind: 'pods' });
  });

  it('with dryRun=All stores nothing', async () => {
    const created = (await api.post(PODS).send(pod('dry-status'))).body;
    const res = await api.patch(`${PODS}/dry-status/status?dryRun=All`).type('application/merge-patch+json').send({ status: { phase: 'Running' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status.phase, 'Running');
    assert.deepEqual((await api.get(`${PODS}/dry-status`)).body, created);
  });
});

describe('deployments/status and generation', () => {
  it('a status write never bumps metadata.generation; a spec write does and keeps status', async () => {
    await api.post(DEPLOY).send(deployment('gen-status'));
    const status = await api.patch(`${DEPLOY}/gen-status/status`).type('application/merge-patch+json').send({ status: { observedGeneration: 1, replicas: 1 }, spec: { replicas: 9 } });
    assert.equal(status.status, 200, status.text);
    assert.equal(status.body.metadata.generation, 1);
    assert.equal(status.body.spec.replicas, 1);
    assert.deepEqual(status.body.status, { observedGeneration: 1, replicas: 1 });
    const spec = await api.patch(`${DEPLOY}/gen-status`).type('application/merge-patch+json').send({ spec: { replicas: 2 }, status: { replicas: 7 } });
    assert.equal(spec.status, 200, spec.text);
    assert.equal(spec.body.metadata.generation, 2);
    assert.deepEqual(spec.body.status, { observedGeneration: 1, replicas: 1 });
  });

  it('a status write leaves the labels as they were (other metadata changes), and its manager owns none', async () => {
    await api.post(DEPLOY).send({ ...deployment('labels-status'), metadata: { name: 'labels-status', labels: { app: 'x' } } });
    const res = await api
      .patch(`${DEPLOY}/labels-status/status?fieldManager=status-writer`)
      .type('application/merge-patch+json')
      .send({ metadata: { labels: { app: 'changed', extra: '1' }, annotations: { note: 'kept' } }, status: { replicas: 3 } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.metadata.labels, { app: 'x' });
    assert.deepEqual(res.body.metadata.annotations, { note: 'kept' });
    assert.equal(res.body.status.replicas, 3);
    const entry = res.body.metadata.managedFields.find((e: { manager: string }) => e.manager === 'status-writer');
    assert.deepEqual(entry.fieldsV1, { 'f:metadata': { 'f:annotations': { '.': {}, 'f:note': {} } }, 'f:status': { 'f:replicas': {} } });
  });

  it('a server-side apply of status applies no labels and owns none', async () => {
    await api.post(DEPLOY).send({ ...deployment('apply-status'), metadata: { name: 'apply-status', labels: { app: 'x' } } });
    const applied = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'apply-status', labels: { app: 'changed' } }, status: { replicas: 2 } };
    const res = await api
      .patch(`${DEPLOY}/apply-status/status?fieldManager=status-applier`)
      .type('application/apply-patch+yaml')
      .send(JSON.stringify(applied));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.metadata.labels, { app: 'x' });
    assert.equal(res.body.status.replicas, 2);
    const entry = res.body.metadata.managedFields.find((e: { manager: string }) => e.manager === 'status-applier');
    assert.deepEqual(entry.fieldsV1, { 'f:status': { 'f:replicas': {} } });
  });
});

describe('pods/status and metadata', () => {
  it('a status write leaves owner references as they were', async () => {
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: '6b0f7f0c-9a3f-4d1e-8b8a-2f6d3c1e0a11', controller: true };
    await api.post(PODS).send(pod('owned-status', {}, { ownerReferences: [owner] }));
    const res = await api
      .patch(`${PODS}/owned-status/status`)
      .type('application/merge-patch+json')
      .send({ metadata: { ownerReferences: [] }, status: { phase: 'Running' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.metadata.ownerReferences, [owner]);
    assert.equal(res.body.status.phase, 'Running');
  });
});

describe('kinds without a status subresource', () => {
  it('answer 404 page not found for <name>/status', async () => {
    await api.post(`/api/v1/namespaces/${NS}/configmaps`).send(configMap('no-status'));
    const res = await api.get(`/api/v1/namespaces/${NS}/configmaps/no-status/status`);
    assert.equal(res.status, 404);
    assert.equal(res.text, '404 page not found\n');
  });

  it('answer 404 for an unknown subresource of a kind that has others', async () => {
    await api.post(PODS).send(pod('unknown-sub'));
    const res = await api.get(`${PODS}/unknown-sub/widgets`);
    assert.equal(res.status, 404);
    assert.equal(res.text, '404 page not found\n');
  });
});
