// Repeated keys in a JSON body: JSON.parse keeps the last one, but kube-apiserver's strict
// decoder reports them (Strict: 400, Warn: a warning, Ignore: silence).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useCluster } from './helpers.js';
import { duplicateFields } from '../../src/server/duplicate-fields.js';

const CM = '/api/v1/namespaces/default/configmaps';
const body = (name: string): string => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"},"data":{"a":"1","a":"2"}}`;

describe('duplicate JSON fields', () => {
  const { api } = useCluster();

  it('finds repeated keys with their paths, and nothing in ordinary JSON', () => {
    assert.deepEqual(duplicateFields('{"a":1,"b":{"c":[{"n":1,"n":"}"}],"c":3},"a":"x\\"y"}'), ['b.c[0].n', 'b.c', 'a']);
    assert.deepEqual(duplicateFields(' { "s" : "}" , "t":[1, 2 ,{} ], "u": null } '), []);
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
