// CustomResourceDefinitions over REST: names two CRDs of a group cannot share, what a namespace's
// deletion does to custom resources inside it, the 415 to strategic merge, keys with the group,
// and the errors of a CRD's create and of custom resources the schema refuses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createNamespace, useCluster } from './helpers.js';

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

function crd(plural: string, kind: string, extra: { shortNames?: string[]; scope?: string } = {}): object {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: 'example.com',
      scope: extra.scope ?? 'Namespaced',
      names: { plural, kind, ...(extra.shortNames ? { shortNames: extra.shortNames } : {}) },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } }],
    },
  };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Condition = { type: string; status: string; reason: string; message: string };

describe('custom resources over REST', () => {
  const { api, cluster } = useCluster(['team']);

  const conditions = async (name: string): Promise<Record<string, Condition>> => {
    const res = await api.get(`${CRD_PATH}/${name}`).expect(200);
    return Object.fromEntries((res.body.status.conditions ?? []).map((c: Condition) => [c.type, c]));
  };

  it('accepts the names of the first CRD and refuses a second one claiming them', async () => {
    await api.post(CRD_PATH).send(crd('widgets', 'Widget', { shortNames: ['wd'] })).expect(201);
    await until(() => conditions('widgets.example.com'), (c) => c.Established?.status === 'True', 'widgets established');
    // A different plural whose short name and kind are taken.
    await api.post(CRD_PATH).send(crd('gizmos', 'Widget', { shortNames: ['wd'] })).expect(201);
    const c = await until(() => conditions('gizmos.example.com'), (x) => x.NamesAccepted !== undefined, 'gizmos named');
    assert.equal(c.NamesAccepted.status, 'False');
    // Each name is checked in turn (plural, singular, short names, kind, list kind); the last conflict is told.
    assert.equal(c.NamesAccepted.reason, 'ListKindConflict');
    assert.equal(c.NamesAccepted.message, '"WidgetList" is already in use');
    assert.deepEqual([c.Established.status, c.Established.reason, c.Established.message], ['False', 'NotAccepted', 'not all names are accepted']);
    const accepted = (await api.get(`${CRD_PATH}/gizmos.example.com`).expect(200)).body.status.acceptedNames;
    assert.deepEqual(accepted, { plural: 'gizmos', kind: '' }, 'the names that were free are accepted, the kind is not');
    await api.get('/apis/example.com/v1/namespaces/team/gizmos').expect(404);
  });

  it('stores custom resources under their group, refuses strategic merge with 415, and validates them', async () => {
    const path = '/apis/example.com/v1/namespaces/team/widgets';
    const created = await api.post(path).send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } }).expect(201);
    assert.ok(cluster().server.storage.get('/registry/example.com/widgets/team/w1'), 'the key has the group');
    assert.equal(created.body.metadata.generation, 1);
    const smp = await api.patch(`${path}/w1`).set('Content-Type', 'application/strategic-merge-patch+json').send('{"spec":{"size":4}}').expect(415);
    assert.equal(smp.body.reason, 'UnsupportedMediaType');
    assert.equal(smp.body.message, 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
    const bad = await api.post(path).send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w2' }, spec: { size: 'big' } }).expect(422);
    assert.equal(bad.body.message, 'Widget.example.com "w2" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"');
    assert.deepEqual(bad.body.details.causes, [{ reason: 'FieldValueTypeInvalid', message: 'Invalid value: "string": spec.size in body must be of type integer: "string"', field: 'spec.size' }]);
    await api.get(`${path}/w2`).expect(404);
    const warned = await api.post(path).send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w3' }, spec: { size: 1, colour: 'red' } }).expect(201);
    assert.equal(warned.headers.warning, '299 - "unknown field \\"spec.colour\\""');
    assert.deepEqual(warned.body.spec, { size: 1 });
  });

  it('deletes the custom resources of a namespace being deleted', async () => {
    await createNamespace(api, 'doomed');
    await api.post('/apis/example.com/v1/namespaces/doomed/widgets').send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' } }).expect(201);
    await api.delete('/api/v1/namespaces/doomed').expect(200);
    await until(async () => (await api.get('/api/v1/namespaces/doomed')).status, (s) => s === 404, 'the namespace to go');
    assert.equal(cluster().server.storage.get('/registry/example.com/widgets/doomed/x'), undefined);
  });

  it('keeps the live metadata on a status write, and reads objects through the current schema', async () => {
    const path = '/apis/example.com/v1/namespaces/team/gadgets';
    const withStatus = crd('gadgets', 'Gadget') as { spec: { versions: { subresources?: object; schema: { openAPIV3Schema: { properties: Record<string, unknown> } } }[] } };
    withStatus.spec.versions[0].subresources = { status: {} };
    withStatus.spec.versions[0].schema.openAPIV3Schema.properties.status = { type: 'object', properties: { ready: { type: 'boolean' } } };
    await api.post(CRD_PATH).send(withStatus).expect(201);
    await until(() => conditions('gadgets.example.com'), (c) => c.Established?.status === 'True', 'gadgets established');
    await until(async () => (await api.get(path)).status, (code) => code === 200, 'gadgets served');
    await api.post(path).send({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: { size: 2 } }).expect(201);
    const patched = await api
      .patch(`${path}/g/status`)
      .set('Content-Type', 'application/merge-patch+json')
      .send({ metadata: { labels: { x: 'y' }, finalizers: ['example.com/f'] }, status: { ready: true } })
      .expect(200);
    assert.equal(patched.body.metadata.labels, undefined, 'a status write keeps the live labels');
    assert.equal(patched.body.metadata.finalizers, undefined, 'and finalizers');
    assert.deepEqual(patched.body.status, { ready: true });
    await api.get(`${path}/g/scale`).expect(404).expect((res) => assert.equal(res.body.message, 'gadgets.example.com "g" not found'));
    // A new default and a dropped field show on the next read; nothing is written.
    const current = (await api.get(`${CRD_PATH}/gadgets.example.com`).expect(200)).body;
    current.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties = { mode: { type: 'string', default: 'auto' } };
    await api.put(`${CRD_PATH}/gadgets.example.com`).send(current).expect(200);
    const read = await until(async () => (await api.get(`${path}/g`).expect(200)).body, (g) => g.spec.mode === 'auto', 'the new schema');
    assert.deepEqual(read.spec, { mode: 'auto' });
    assert.equal(read.metadata.resourceVersion, patched.body.metadata.resourceVersion);
  });

  it('names custom resources with their group version in aggregated discovery', async () => {
    const res = await api.get('/apis').set('Accept', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList').expect(200);
    const group = res.body.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'example.com');
    const gadgets = group.versions[0].resources.find((r: { resource: string }) => r.resource === 'gadgets');
    assert.deepEqual(gadgets.responseKind, { group: 'example.com', version: 'v1', kind: 'Gadget' });
    assert.deepEqual(gadgets.verbs, ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch']);
    assert.deepEqual(gadgets.subresources, [{ subresource: 'status', responseKind: { group: 'example.com', version: 'v1', kind: 'Gadget' }, verbs: ['get', 'patch', 'update'] }]);
  });

  it('waits for custom resources held by finalizers before a CRD goes, serving requests meanwhile', async () => {
    await api.post(CRD_PATH).send(crd('holds', 'Hold', { scope: 'Cluster' })).expect(201);
    await until(() => conditions('holds.example.com'), (c) => c.Established?.status === 'True', 'holds established');
    await until(async () => (await api.get('/apis/example.com/v1/holds')).status, (code) => code === 200, 'holds served');
    await api.post('/apis/example.com/v1/holds').send({ apiVersion: 'example.com/v1', kind: 'Hold', metadata: { name: 'h', finalizers: ['example.com/hold'] } }).expect(201);
    const served = (await api.get('/apis/example.com/v1').expect(200)).body.resources.find((r: { name: string }) => r.name === 'holds');
    assert.deepEqual(served.verbs, ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch']);
    await api.delete(`${CRD_PATH}/holds.example.com`).expect(200);
    const terminating = await until(() => conditions('holds.example.com'), (c) => c.Terminating?.reason === 'InstanceDeletionInProgress', 'deletion in progress');
    assert.equal(terminating.Terminating.message, 'CustomResource deletion is in progress');
    const held = (await api.get('/apis/example.com/v1/holds/h').expect(200)).body;
    assert.ok(held.metadata.deletionTimestamp, 'the custom resource is marked');
    const refused = await api.post('/apis/example.com/v1/holds').send({ apiVersion: 'example.com/v1', kind: 'Hold', metadata: { name: 'h2' } }).expect(405);
    assert.equal(refused.body.message, 'create not allowed while custom resource definition is terminating');
    // Discovery lists what the CRD discovery controller lists for a terminating CRD.
    const legacy = (await api.get('/apis/example.com/v1').expect(200)).body.resources.find((r: { name: string }) => r.name === 'holds');
    assert.deepEqual(legacy.verbs, ['delete', 'deletecollection', 'get', 'list', 'watch']);
    const aggregated = await api.get('/apis').set('Accept', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList').expect(200);
    const holds = aggregated.body.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'example.com').versions[0].resources.find((r: { resource: string }) => r.resource === 'holds');
    assert.deepEqual(holds.verbs, ['delete', 'deletecollection', 'get', 'list', 'watch']);
    await api.get('/api/v1/namespaces').expect(200);
    await api.patch('/apis/example.com/v1/holds/h').set('Content-Type', 'application/merge-patch+json').send({ metadata: { finalizers: null } }).expect(200);
    await until(async () => (await api.get(`${CRD_PATH}/holds.example.com`)).status, (code) => code === 404, 'the CRD to go');
  });

  it('decodes custom resources\' metadata as ObjectMeta, warns of unqualified finalizers and checks scale fields', async () => {
    const path = '/apis/example.com/v1/namespaces/team/widgets';
    const typed = await api.post(path).send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'm1', labels: 'notamap' } }).expect(400);
    assert.equal(typed.body.message, 'Widget in version "v1" cannot be handled as a Widget: json: cannot unmarshal string into Go struct field ObjectMeta.labels of type map[string]string');
    const strict = await api.post(`${path}?fieldValidation=Strict`).send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'm2', unknownMeta: 1 } }).expect(400);
    assert.equal(strict.body.message, 'Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "metadata.unknownMeta"');
    const warned = await api.post(path).send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'm3', finalizers: ['plain'] } }).expect(201);
    assert.match(String(warned.headers.warning), /metadata\.finalizers: \\"plain\\": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers/);
    const scaled = crd('scalers', 'Scaler') as { spec: { versions: { subresources?: object; schema: { openAPIV3Schema: object } }[] } };
    scaled.spec.versions[0].subresources = { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } };
    scaled.spec.versions[0].schema.openAPIV3Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    await api.post(CRD_PATH).send(scaled).expect(201);
    await until(async () => (await api.get('/apis/example.com/v1/namespaces/team/scalers')).status, (code) => code === 200, 'scalers served');
    const negative = await api.post('/apis/example.com/v1/namespaces/team/scalers').send({ apiVersion: 'example.com/v1', kind: 'Scaler', metadata: { name: 's' }, spec: { replicas: -1 } }).expect(422);
    assert.equal(negative.body.message, 'Scaler.example.com "s" is invalid: .spec.replicas: Invalid value: -1: should be a non-negative integer');
  });

  it('refuses updates of CRDs and custom resources that name no resourceVersion', async () => {
    const crdRes = await api.put(`${CRD_PATH}/widgets.example.com`).send(crd('widgets', 'Widget', { shortNames: ['wd'] })).expect(422);
    assert.equal(crdRes.body.message, 'customresourcedefinitions.apiextensions.k8s.io "widgets.example.com" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update');
    assert.deepEqual(crdRes.body.details, {
      name: 'widgets.example.com',
      group: 'apiextensions.k8s.io',
      kind: 'customresourcedefinitions',
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update', field: 'metadata.resourceVersion' }],
    });
    const cr = await api.put('/apis/example.com/v1/namespaces/team/widgets/w1').send({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 9 } }).expect(422);
    assert.equal(cr.body.message, 'widgets.example.com "w1" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update');
  });

  it('accepts a conflicting CRD\'s names once the CRD holding them goes', async () => {
    await api.patch('/apis/example.com/v1/namespaces/team/widgets/m3').set('Content-Type', 'application/merge-patch+json').send({ metadata: { finalizers: null } }).expect(200);
    await api.delete(`${CRD_PATH}/widgets.example.com`).expect(200);
    await until(async () => (await api.get(`${CRD_PATH}/widgets.example.com`)).status, (code) => code === 404, 'widgets to go');
    await until(() => conditions('gizmos.example.com'), (c) => c.NamesAccepted?.status === 'True', 'gizmos named');
    await until(async () => (await api.get('/apis/example.com/v1/namespaces/team/gizmos')).status, (code) => code === 200, 'gizmos served');
  });

  it('writes through another version pruned by the storage version\'s schema, and deletes unserved objects with their CRD', async () => {
    const twoVersions = crd('things', 'Thing') as { spec: { versions: object[] } };
    twoVersions.spec.versions.push({
      name: 'v2',
      served: true,
      storage: false,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' }, shape: { type: 'string' } } } } } },
    });
    await api.post(CRD_PATH).send(twoVersions).expect(201);
    await until(async () => (await api.get('/apis/example.com/v2/namespaces/team/things')).status, (code) => code === 200, 'things served');
    const written = await api.post('/apis/example.com/v2/namespaces/team/things').send({ apiVersion: 'example.com/v2', kind: 'Thing', metadata: { name: 't' }, spec: { size: 1, shape: 'square' } }).expect(201);
    assert.deepEqual(written.body.spec, { size: 1 }, 'v1, the storage version, has no shape');
    const current = (await api.get(`${CRD_PATH}/things.example.com`).expect(200)).body;
    for (const v of current.spec.versions) v.served = false;
    await api.put(`${CRD_PATH}/things.example.com`).send(current).expect(200);
    await until(async () => (await api.get('/apis/example.com/v1/namespaces/team/things')).status, (code) => code === 404, 'things unserved');
    await api.delete(`${CRD_PATH}/things.example.com`).expect(200);
    await until(async () => (await api.get(`${CRD_PATH}/things.example.com`)).status, (code) => code === 404, 'the CRD to go');
    assert.equal(cluster().server.storage.get('/registry/example.com/things/team/t'), undefined, 'its objects went with it');
  });

  it('refuses an invalid CRD with the causes kube-apiserver gives', async () => {
    const invalid = crd('things', 'Thing');
    (invalid as { metadata: { name: string } }).metadata.name = 'wrong.example.com';
    const res = await api.post(CRD_PATH).send(invalid).expect(422);
    assert.equal(res.body.reason, 'Invalid');
    assert.match(res.body.message, /^CustomResourceDefinition\.apiextensions\.k8s\.io "wrong\.example\.com" is invalid: metadata\.name: Invalid value: "wrong\.example\.com": must be spec\.names\.plural\+"\."\+spec\.group$/);
  });
});
