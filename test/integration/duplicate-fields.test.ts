// Repeated keys in a JSON body: JSON.parse keeps the last one, but kube-apiserver's strict
// decoder reports them (Strict: 400, Warn: a warning, Ignore: silence).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useCluster } from './helpers.js';

const CM = '/api/v1/namespaces/default/configmaps';
const body = (name: string): string => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"},"data":{"a":"1","a":"2"}}`;

describe('duplicate JSON fields', () => {
  const { api } = useCluster();

  it('Strict passes over a key repeated inside managedFields[].fieldsV1, which Go decodes as raw bytes', async () => {
    const managedFields = '[{"manager":"m","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:a":{},"f:a":{}}}}]';
    const text = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"raw-fields","managedFields":${managedFields}},"data":{"a":"1"}}`;
    const res = await api.post(`${CM}?fieldValidation=Strict`).type('application/json').send(text);
    assert.equal(res.status, 201, res.text);
    const warned = await api.post(CM).type('application/json').send(text.replace('raw-fields', 'raw-fields-warn'));
    assert.equal(warned.status, 201, warned.text);
    assert.equal(warned.headers.warning, undefined);
  });

  it('Strict refuses them with the strict decoding error and stores nothing', async () => {
    const res = await api.post(`${CM}?fieldValidation=Strict`).type('application/json').send(body('strict'));
    assert.equal(res.status, 400);
    assert.equal(res.body.message, 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data.a"');
    assert.equal((await api.get(`${CM}/strict`)).status, 404);
  });

  it('Warn (the default) keeps the last value and warns', async () => {
    const res = await api.post(CM).type('application/json').send(body('warned'));
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.data, { a: '2' });
    assert.equal(res.headers.warning, '299 - "duplicate field \\"data.a\\""');
  });

  it('Ignore keeps the last value silently', async () => {
    const res = await api.post(`${CM}?fieldValidation=Ignore`).type('application/json').send(body('ignored'));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.warning, undefined);
  });
});
