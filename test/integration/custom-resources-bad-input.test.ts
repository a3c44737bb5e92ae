// Bad input to CustomResourceDefinitions and custom resources, as fuzzing found it: each request
// gets a 4xx Status (never a 500), the server stays up and a refused write changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertServerAlive, assertStatus, useCluster } from './helpers.js';

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const THINGS = '/apis/bad.example.com/v1/namespaces/default/things';

function crd(plural: string, kind: string, spec: Record<string, unknown>): object {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.bad.example.com` },
    spec: {
      group: 'bad.example.com',
      scope: 'Namespaced',
      names: { plural, kind },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec } } } }],
    },
  };
}

describe('custom resources and CRDs given bad input', () => {
  const { api } = useCluster([], async () => {
    await api.post(CRD_PATH).send(crd('things', 'Thing', { type: 'object', properties: { size: { type: 'integer' } } })).expect(201);
    for (let attempt = 0; (await api.get(THINGS)).status !== 200; attempt++) {
      assert.ok(attempt < 200, 'things are never served');
      await new Promise((r) => setTimeout(r, 25));
    }
  });

  it('refuses a schema whose keywords below items have the wrong type, as Go decodes it', async () => {
    const spec = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', enum: 'x' } } } };
    const res = await api.post(CRD_PATH).send(crd('widgets', 'Widget', spec));
    const message = 'CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: json: cannot unmarshal string into Go struct field JSONSchemaProps.enum of type []v1.JSON';
    assertStatus(res, 400, 'BadRequest', message);
    await api.get(`${CRD_PATH}/widgets.bad.example.com`).expect(404);
    const bools = await api.post(CRD_PATH).send(crd('widgets', 'Widget', { type: 'object', additionalProperties: 5 }));
    assertStatus(bools, 400, 'BadRequest', 'CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: boolean or JSON schema expected');
    await assertServerAlive(api);
  });

  it('stores an items that decodes to nothing without it, and serves the custom resources', async () => {
    const spec = { type: 'object', properties: { name: { type: 'string', items: 0 } } };
    const res = await api.post(CRD_PATH).send(crd('gadgets', 'Gadget', spec)).expect(201);
    assert.deepEqual(res.body.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.name, { type: 'string' });
    const path = '/apis/bad.example.com/v1/namespaces/default/gadgets';
    for (let attempt = 0; (await api.get(path)).status !== 200; attempt++) {
      assert.ok(attempt < 200, 'gadgets are never served');
      await new Promise((r) => setTimeout(r, 25));
    }
    await api.post(path).send({ apiVersion: 'bad.example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: { name: 'x' } }).expect(201);
  });

  it('reads a null label value in an update as the empty label, as Go decodes ObjectMeta', async () => {
    const created = await api.post(THINGS).send({ apiVersion: 'bad.example.com/v1', kind: 'Thing', metadata: { name: 'labelled' }, spec: { size: 1 } }).expect(201);
    const update = { ...created.body, metadata: { ...created.body.metadata, labels: { a: null } } };
    const res = await api.put(`${THINGS}/labelled`).send(update).expect(200);
    assert.deepEqual(res.body.metadata.labels, { a: '' });
  });

  it('answers bad JSON patches of /scale with 400 or 422 and strategic merge with 415', async () => {
    const scaled = crd('scalers', 'Scaler', { type: 'object', properties: { replicas: { type: 'integer' } } }) as { spec: { versions: { subresources?: object }[] } };
    scaled.spec.versions[0].subresources = { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } };
    await api.post(CRD_PATH).send(scaled).expect(201);
    const path = '/apis/bad.example.com/v1/namespaces/default/scalers';
    for (let attempt = 0; (await api.get(path)).status !== 200; attempt++) {
      assert.ok(attempt < 200, 'scalers are never served');
      await new Promise((r) => setTimeout(r, 25));
    }
    await api.post(path).send({ apiVersion: 'bad.example.com/v1', kind: 'Scaler', metadata: { name: 's' }, spec: { replicas: 1 } }).expect(201);
    const scale = `${path}/s/scale`;
    const failing = await api.patch(scale).set('Content-Type', 'application/json-patch+json').send('[{"op":"remove","path":"/spec/tags/-1"}]');
    assert.equal(failing.status, 422, failing.text);
    assert.equal(failing.body.message, 'the server rejected our request due to an error in our request');
    const unknown = await api.patch(scale).set('Content-Type', 'application/json-patch+json').send('[{"op":5,"path":"/x"}]');
    assert.equal(unknown.status, 400, unknown.text);
    const smp = await api.patch(scale).set('Content-Type', 'application/strategic-merge-patch+json').send('{"spec":{"replicas":2}}');
    assertStatus(smp, 415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
    await api.patch(scale).set('Content-Type', 'application/merge-patch+json').send('{"spec":{"replicas":3}}').expect(200);
    assert.equal((await api.get(`${path}/s`).expect(200)).body.spec.replicas, 3);
  });

  it('creates an object whose resourceVersion is no number, as etcd3 drops it', async () => {
    const res = await api.post(THINGS).send({ apiVersion: 'bad.example.com/v1', kind: 'Thing', metadata: { name: 'rv', resourceVersion: 'in (x)' } }).expect(201);
    assert.match(res.body.metadata.resourceVersion, /^[0-9]+$/);
    await assertServerAlive(api);
  });

  it('refuses a body of another kind with the strategy\'s Invalid, as kube-apiserver\'s validator does', async () => {
    const res = await api.post(THINGS).send({ apiVersion: 'bad.example.com/v1', kind: 'Other', metadata: { name: 'other' } });
    assertStatus(res, 422, 'Invalid', 'Other.bad.example.com "other" is invalid: kind: Invalid value: "Other": must be Thing', {
      name: 'other',
      group: 'bad.example.com',
      kind: 'Other',
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: "Other": must be Thing', field: 'kind' }],
    });
    await api.get(`${THINGS}/other`).expect(404);
    const version = await api.post(THINGS).send({ apiVersion: 'bad.example.com/v2', kind: 'Thing', metadata: { name: 'other' } });
    assertStatus(version, 400, 'BadRequest', 'the API version in the data (bad.example.com/v2) does not match the expected API version (bad.example.com/v1)');
  });
});
