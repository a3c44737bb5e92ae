// Create, get, list, update (PUT), patch and delete on a namespaced kind (ConfigMap), a
// cluster-scoped kind (Node) and a grouped kind (apps/v1 Deployment): the metadata the server
// fills in, generation, dryRun, and the NotFound / AlreadyExists / Conflict Status bodies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, configMap, deployment, useCluster } from './helpers.js';

const NS = 'crud';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const DEPLOY = `/apis/apps/v1/namespaces/${NS}/deployments`;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const { api } = useCluster([NS]);

describe('create', () => {
  it('fills uid, creationTimestamp and resourceVersion and answers 201 with the stored object', async () => {
    const res = await api.post(CM).send(configMap('created'));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers['content-type'], 'application/json');
    const meta = res.body.metadata;
    assert.equal(res.body.kind, 'ConfigMap');
    assert.equal(res.body.apiVersion, 'v1');
    assert.equal(meta.name, 'created');
    assert.equal(meta.namespace, NS);
    assert.match(meta.uid, UUID_V4);
    assert.match(meta.creationTimestamp, RFC3339_SECONDS);
    assert.match(meta.resourceVersion, /^\d+$/);
    assert.equal(meta.generation, undefined, 'ConfigMaps have no generation');
    assert.equal(meta.selfLink, undefined);
    const got = await api.get(`${CM}/created`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, res.body);
  });

  it('ignores server-owned metadata a client sends (uid, creationTimestamp, deletionTimestamp)', async () => {
    const body = configMap('owned', {});
    (body.metadata as Record<string, unknown>).uid = 'client-uid';
    (body.metadata as Record<string, unknown>).creationTimestamp = '2001-01-01T00:00:00Z';
    (body.metadata as Record<string, unknown>).deletionTimestamp = '2001-01-01T00:00:00Z';
    const res = await api.post(CM).send(body);
    assert.equal(res.status, 201, res.text);
    assert.match(res.body.metadata.uid, UUID_V4);
    assert.notEqual(res.body.metadata.creationTimestamp, '2001-01-01T00:00:00Z');
    assert.equal(res.body.metadata.deletionTimestamp, undefined);
  });

  it('generates a name from generateName: the prefix plus 5 characters of the no-vowel alphabet', async () => {
    const res = await api.post(CM).send({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'gen-' } });
    assert.equal(res.status, 201, res.text);
    assert.match(res.body.metadata.name, /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(res.body.metadata.generateName, 'gen-');
    assert.equal((await api.get(`${CM}/${res.body.metadata.name}`)).status, 200);
  });

  it('answers 409 AlreadyExists for a taken name and keeps the first object', async () => {
    const first = await api.post(CM).send(configMap('taken'));
    assert.equal(first.status, 201);
    const res = await api.post(CM).send(configMap('taken', { data: { other: 'x' } }));
    assertStatus(res, 409, 'AlreadyExists', 'configmaps "taken" already exists', { name: 'taken', kind: 'configmaps' });
    assert.deepEqual((await api.get(`${CM}/taken`)).body.data, { k: 'v' });
  });

  it('names the group in AlreadyExists for a grouped kind', async () => {
    assert.equal((await api.post(DEPLOY).send(deployment('dup'))).status, 201);
    const res = await api.post(DEPLOY).send(deployment('dup'));
    assertStatus(res, 409, 'AlreadyExists', 'deployments.apps "dup" already exists', { name: 'dup', group: 'apps', kind: 'deployments' });
  });

  it('answers 404 for a namespace that does not exist', async () => {
    const res = await api.post('/api/v1/namespaces/nowhere/configmaps').send(configMap('x'));
    assertStatus(res, 404, 'NotFound', 'namespaces "nowhere" not found', { name: 'nowhere', kind: 'namespaces' });
  });

  it('refuses metadata.resourceVersion on create with a reasonless 500', async () => {
    const body = configMap('with-rv');
    (body.metadata as Record<string, unknown>).resourceVersion = '5';
    const res = await api.post(CM).send(body);
    assertStatus(res, 500, '', 'resourceVersion should not be set on objects to be created');
    assert.equal((await api.get(`${CM}/with-rv`)).status, 404);
  });

  it('with dryRun=All returns the object without storing it or giving it a resourceVersion', async () => {
    const res = await api.post(`${CM}?dryRun=All`).send(configMap('dry'));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.metadata.name, 'dry');
    assert.match(res.body.metadata.uid, UUID_V4);
    assert.equal(res.body.metadata.resourceVersion, undefined);
    assert.equal((await api.get(`${CM}/dry`)).status, 404);
  });

  it('rejects an unknown dryRun value with 422 on CreateOptions', async () => {
    const res = await api.post(`${CM}?dryRun=Some`).send(configMap('dry2'));
    assertStatus(res, 422, 'Invalid', 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"', {
      group: 'meta.k8s.io',
      kind: 'CreateOptions',
      causes: [{ reason: 'FieldValueNotSupported', message: 'Unsupported value: []string{"Some"}: supported values: "All"', field: 'dryRun' }],
    });
    assert.equal((await api.get(`${CM}/dry2`)).status, 404);
  });
});

describe('get and list', () => {
  it('answers 404 NotFound with the resource and name in details', async () => {
    assertStatus(await api.get(`${CM}/missing`), 404, 'NotFound', 'configmaps "missing" not found', { name: 'missing', kind: 'configmaps' });
    assertStatus(await api.get(`${DEPLOY}/missing`), 404, 'NotFound', 'deployments.apps "missing" not found', { name: 'missing', group: 'apps', kind: 'deployments' });
  });

  it('lists as <Kind>List with the store revision and items without apiVersion/kind', async () => {
    const res = await api.get(CM);
    assert.equal(res.status, 200);
    assert.equal(res.body.kind, 'ConfigMapList');
    assert.equal(res.body.apiVersion, 'v1');
    assert.match(res.body.metadata.resourceVersion, /^\d+$/);
    assert.ok(res.body.items.length > 0);
    for (const item of res.body.items) {
      assert.equal(item.apiVersion, undefined);
      assert.equal(item.kind, undefined);
      assert.equal(item.metadata.namespace, NS);
    }
    const rvs = res.body.items.map((i: { metadata: { resourceVersion: string } }) => Number(i.metadata.resourceVersion));
    assert.ok(rvs.every((rv: number) => rv <= Number(res.body.metadata.resourceVersion)));
  });

  it('lists a namespaced kind across all namespaces at /api/v1/<resource>', async () => {
    const res = await api.get('/api/v1/configmaps');
    assert.equal(res.status, 200);
    const namespaces = new Set(res.body.items.map((i: { metadata: { namespace: string } }) => i.metadata.namespace));
    assert.ok(namespaces.has(NS));
  });

  it('answers 404 for a cluster-scoped kind under a namespace', async () => {
    const res = await api.get(`/api/v1/namespaces/${NS}/nodes`);
    assert.equal(res.status, 404);
    assert.equal(res.text, '404 page not found\n');
  });
});

describe('cluster-scoped CRUD (nodes)', () => {
  it('creates without a namespace, gets, updates, patches and deletes', async () => {
    const created = await api.post('/api/v1/nodes').send({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'crud-node' } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.metadata.namespace, undefined);
    const updated = await api.put('/api/v1/nodes/crud-node').send({ ...created.body, metadata: { ...created.body.metadata, labels: { zone: 'a' } } });
    assert.equal(updated.status, 200, updated.text);
    assert.deepEqual(updated.body.metadata.labels, { zone: 'a' });
    assert.ok(Number(updated.body.metadata.resourceVersion) > Number(created.body.metadata.resourceVersion));
    const patched = await api.patch('/api/v1/nodes/crud-node').type('application/merge-patch+json').send({ spec: { unschedulable: true } });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.spec.unschedulable, true);
    assert.deepEqual(patched.body.metadata.labels, { zone: 'a' });
    const deleted = await api.delete('/api/v1/nodes/crud-node');
    assert.equal(deleted.status, 200, deleted.text);
    // The node store does not set ReturnDeletedObject: a Success Status names what went.
    assert.deepEqual(deleted.body, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'crud-node', kind: 'nodes', uid: created.body.metadata.uid } });
    assertStatus(await api.get('/api/v1/nodes/crud-node'), 404, 'NotFound', 'nodes "crud-node" not found', { name: 'crud-node', kind: 'nodes' });
  });

  it('drops a metadata.namespace sent for a cluster-scoped object (EnsureObjectNamespaceMatchesRequestNamespace)', async () => {
    const res = await api.post('/api/v1/nodes').send({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'ns-node', namespace: NS } });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.metadata.namespace, undefined);
    assert.equal((await api.get('/api/v1/nodes/ns-node')).body.metadata.namespace, undefined);
  });
});

describe('update (PUT)', () => {
  it('replaces the object, keeps uid and creationTimestamp, and bumps resourceVersion', async () => {
    const created = (await api.post(CM).send(configMap('upd'))).body;
    const res = await api.put(`${CM}/upd`).send({ ...created, data: { k: 'changed' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data, { k: 'changed' });
    assert.equal(res.body.metadata.uid, created.metadata.uid);
    assert.equal(res.body.metadata.creationTimestamp, created.metadata.creationTimestamp);
    assert.ok(Number(res.body.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
  });

  it('answers 409 Conflict with the optimistic-lock message for a stale resourceVersion', async () => {
    const created = (await api.post(CM).send(configMap('stale'))).body;
    assert.equal((await api.put(`${CM}/stale`).send({ ...created, data: { k: 'one' } })).status, 200);
    const res = await api.put(`${CM}/stale`).send({ ...created, data: { k: 'two' } });
    assertStatus(
      res,
      409,
      'Conflict',
      'Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again',
      { name: 'stale', kind: 'configmaps' },
    );
    assert.deepEqual((await api.get(`${CM}/stale`)).body.data, { k: 'one' });
  });

  it(
    'without metadata.resourceVersion is an unconditional update for kinds that allow it (ConfigMap)',
    async () => {
      await api.post(CM).send(configMap('uncond'));
      const res = await api.put(`${CM}/uncond`).send(configMap('uncond', { data: { k: 'forced' } }));
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.data, { k: 'forced' });
    },
  );

  it('answers 404 for an object that does not exist (no create on update)', async () => {
    const res = await api.put(`${CM}/never`).send(configMap('never'));
    assertStatus(res, 404, 'NotFound', 'configmaps "never" not found', { name: 'never', kind: 'configmaps' });
    assert.equal((await api.get(`${CM}/never`)).status, 404);
  });

  it('with dryRun=All returns the result but stores nothing', async () => {
    const created = (await api.post(CM).send(configMap('dry-upd'))).body;
    const res = await api.put(`${CM}/dry-upd?dryRun=All`).send({ ...created, data: { k: 'dry' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data, { k: 'dry' });
    const got = (await api.get(`${CM}/dry-upd`)).body;
    assert.deepEqual(got.data, { k: 'v' });
    assert.equal(got.metadata.resourceVersion, created.metadata.resourceVersion);
  });

  it('is a no-op that keeps the resourceVersion when nothing changes', async () => {
    const created = (await api.post(CM).send(configMap('same'))).body;
    const res = await api.put(`${CM}/same`).send(created);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.metadata.resourceVersion, created.metadata.resourceVersion);
  });
});

describe('patch', () => {
  it('applies a JSON merge patch (null removes a key)', async () => {
    await api.post(CM).send(configMap('merge', { data: { a: '1', b: '2' } }));
    const res = await api.patch(`${CM}/merge`).type('application/merge-patch+json').send({ data: { a: null, c: '3' }, metadata: { labels: { x: 'y' } } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data, { b: '2', c: '3' });
    assert.deepEqual(res.body.metadata.labels, { x: 'y' });
  });

  it('applies a JSON patch (add, replace, remove, test)', async () => {
    await api.post(CM).send(configMap('jsonpatch', { data: { a: '1', b: '2' } }));
    const res = await api
      .patch(`${CM}/jsonpatch`)
      .type('application/json-patch+json')
      .send([
        { op: 'test', path: '/data/a', value: '1' },
        { op: 'replace', path: '/data/a', value: 'one' },
        { op: 'remove', path: '/data/b' },
        { op: 'add', path: '/metadata/labels', value: { p: 'q' } },
      ]);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data, { a: 'one' });
    assert.deepEqual(res.body.metadata.labels, { p: 'q' });
  });

  it('uses a resourceVersion in the patch as a precondition', async () => {
    await api.post(CM).send(configMap('patch-rv'));
    const res = await api.patch(`${CM}/patch-rv`).type('application/merge-patch+json').send({ metadata: { resourceVersion: '1' }, data: { k: 'no' } });
    assertStatus(
      res,
      409,
      'Conflict',
      'Operation cannot be fulfilled on configmaps "patch-rv": the object has been modified; please apply your changes to the latest version and try again',
      { name: 'patch-rv', kind: 'configmaps' },
    );
    assert.deepEqual((await api.get(`${CM}/patch-rv`)).body.data, { k: 'v' });
  });

  it('answers 422 to a JSON patch whose path has a missing parent, and adds a missing member on replace as kube does', async () => {
    const before = (await api.post(CM).send(configMap('patch-missing'))).body;
    const res = await api.patch(`${CM}/patch-missing`).type('application/json-patch+json').send([{ op: 'replace', path: '/spec/missing/field', value: 'x' }]);
    assertStatus(res, 422, 'Invalid', 'the server rejected our request due to an error in our request', {});
    assert.deepEqual((await api.get(`${CM}/patch-missing`)).body, before);
    const added = await api.patch(`${CM}/patch-missing`).type('application/json-patch+json').send([{ op: 'replace', path: '/data/new', value: 'x' }]);
    assert.equal(added.status, 200, added.text);
    assert.equal(added.body.data.new, 'x');
  });

  it('answers 422 when a JSON patch test operation fails, and stores nothing', async () => {
    const before = (await api.post(CM).send(configMap('patch-test'))).body;
    const res = await api.patch(`${CM}/patch-test`).type('application/json-patch+json').send([{ op: 'test', path: '/data/k', value: 'other' }, { op: 'remove', path: '/data' }]);
    assertStatus(res, 422, 'Invalid', 'the server rejected our request due to an error in our request', {});
    assert.equal((await api.get(`${CM}/patch-test`)).body.metadata.resourceVersion, before.metadata.resourceVersion);
  });

  it('answers 404 for a patch of a missing object', async () => {
    const res = await api.patch(`${CM}/ghost`).type('application/merge-patch+json').send({ data: { a: 'b' } });
    assertStatus(res, 404, 'NotFound', 'configmaps "ghost" not found', { name: 'ghost', kind: 'configmaps' });
  });

  it('answers 415 for a patch type the server does not take', async () => {
    await api.post(CM).send(configMap('patch-415'));
    const res = await api.patch(`${CM}/patch-415`).type('text/plain').send('data');
    assert.equal(res.status, 415, res.text);
    assert.equal(res.body.reason, 'UnsupportedMediaType');
    assert.match(res.body.message, /^the body of the request was in an unknown format - accepted media types include: application\/json-patch\+json, application\/merge-patch\+json/);
  });

  it('with dryRun=All returns the patched object but stores nothing', async () => {
    const before = (await api.post(CM).send(configMap('patch-dry'))).body;
    const res = await api.patch(`${CM}/patch-dry?dryRun=All`).type('application/merge-patch+json').send({ data: { k: 'dry' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data, { k: 'dry' });
    const got = (await api.get(`${CM}/patch-dry`)).body;
    assert.deepEqual(got.data, { k: 'v' });
    assert.equal(got.metadata.resourceVersion, before.metadata.resourceVersion);
  });
});

describe('metadata.generation', () => {
  it('is 1 on create and bumped by a spec change only (Deployment)', async () => {
    const created = await api.post(DEPLOY).send(deployment('gen'));
    assert.equal(created.body.metadata.generation, 1);
    const labelled = await api.patch(`${DEPLOY}/gen`).type('application/merge-patch+json').send({ metadata: { labels: { l: 'v' } } });
    assert.equal(labelled.body.metadata.generation, 1, 'labels are not spec');
    const scaled = await api.patch(`${DEPLOY}/gen`).type('application/json-patch+json').send([{ op: 'replace', path: '/spec/replicas', value: 3 }]);
    assert.equal(scaled.status, 200, scaled.text);
    assert.equal(scaled.body.metadata.generation, 2);
    const annotated = await api.patch(`${DEPLOY}/gen`).type('application/merge-patch+json').send({ metadata: { annotations: { a: 'b' } } });
    assert.equal(annotated.body.metadata.generation, 3, 'a Deployment also counts annotation changes');
  });

  it('cannot be set by the client on update', async () => {
    const created = (await api.post(DEPLOY).send(deployment('gen-set'))).body;
    const res = await api.put(`${DEPLOY}/gen-set`).send({ ...created, metadata: { ...created.metadata, generation: 42 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.metadata.generation, 1);
  });
});

describe('delete', () => {
  it('removes the object and answers 200 with a Success Status naming it (configmaps do not return the deleted object)', async () => {
    const created = (await api.post(CM).send(configMap('gone'))).body;
    const res = await api.delete(`${CM}/gone`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.kind, 'Status');
    assert.equal(res.body.details.uid, created.metadata.uid);
    assertStatus(await api.get(`${CM}/gone`), 404, 'NotFound', 'configmaps "gone" not found', { name: 'gone', kind: 'configmaps' });
    assertStatus(await api.delete(`${CM}/gone`), 404, 'NotFound', 'configmaps "gone" not found', { name: 'gone', kind: 'configmaps' });
  });
});
