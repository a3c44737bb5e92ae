// Bad input on every write path: malformed JSON and YAML, oversized bodies, unknown resources
// and groups, bodies whose kind, apiVersion, name or namespace disagree with the URL, and invalid
// names and labels. After each one the server must still answer and must have stored nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { assertEmptyList, assertServerAlive, assertStatus, configMap, useCluster } from './helpers.js';

const NS = 'bad-input';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const LIMIT = 3 * 1024 * 1024;
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const LABEL_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const { api } = useCluster([NS]);

/** Every bad request leaves a live server and an empty namespace. */
async function afterBadRequest(): Promise<void> {
  await assertServerAlive(api);
  await assertEmptyList(api, CM);
}

function assertFailure(res: Response, code: number, reason: string): void {
  assert.equal(res.status, code, res.text);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.deepEqual(Object.keys(res.body), ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'code']);
  assert.equal(res.body.reason, reason);
  assert.equal(typeof res.body.message, 'string');
}

describe('malformed bodies', () => {
  it('answers 400 BadRequest to malformed JSON', async () => {
    const res = await api.post(CM).type('application/json').send('{"metadata":');
    assertFailure(res, 400, 'BadRequest');
    await afterBadRequest();
  });

  it(
    'words the malformed-JSON error as transformDecodeError does',
    async () => {
      const res = await api.post(CM).type('application/json').send('{"metadata":');
      assertStatus(
        res,
        400,
        'BadRequest',
        'the object provided is unrecognized (must be of type ConfigMap): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"metadata":)',
      );
    },
  );

  it('answers 400 BadRequest to a JSON body that is not an object', async () => {
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await api.post(CM).type('application/json').send(body);
      assert.equal(res.status, 400, `${body}: ${res.text}`);
      assert.equal(res.body.reason, 'BadRequest');
    }
    await afterBadRequest();
  });

  it('answers 400 BadRequest to a body nested deeper than the server can walk', async () => {
    let deep = '{}';
    for (let i = 0; i < 20_000; i++) deep = `{"a":${deep}}`;
    const res = await api.post(CM).type('application/json').send(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"extra":${deep}}`);
    assertFailure(res, 400, 'BadRequest');
    assert.equal(res.body.message, 'the object is nested too deeply to be handled');
    await afterBadRequest();
  });

  it('answers 400 BadRequest to an empty body', async () => {
    const res = await api.post(CM).type('application/json').send('');
    assertFailure(res, 400, 'BadRequest');
    await afterBadRequest();
  });

  it('answers 400 BadRequest to malformed YAML', async () => {
    const res = await api.post(CM).type('application/yaml').send('metadata: [a\n  b: :');
    assertFailure(res, 400, 'BadRequest');
    await afterBadRequest();
  });

  it(
    'words the malformed-YAML error as transformDecodeError does',
    async () => {
      const res = await api.post(CM).type('application/yaml').send('metadata: [a\n  b: :');
      assert.match(res.body.message, /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: /);
    },
  );

  it('answers 400 to malformed JSON on PUT and PATCH and leaves the object as it was', async () => {
    const created = (await api.post(CM).send(configMap('victim'))).body;
    assertFailure(await api.put(`${CM}/victim`).type('application/json').send('{"data":'), 400, 'BadRequest');
    assertFailure(await api.patch(`${CM}/victim`).type('application/merge-patch+json').send('{"data":'), 400, 'BadRequest');
    assertFailure(await api.patch(`${CM}/victim`).type('application/json-patch+json').send('[{"op":'), 400, 'BadRequest');
    const got = (await api.get(`${CM}/victim`)).body;
    assert.deepEqual(got, created);
    assert.equal((await api.delete(`${CM}/victim`)).status, 200);
    await afterBadRequest();
  });

  it('answers 400 to a merge patch that is not a JSON object', async () => {
    await api.post(CM).send(configMap('merge-array'));
    const res = await api.patch(`${CM}/merge-array`).type('application/merge-patch+json').send('[1]');
    assertStatus(res, 400, 'BadRequest', 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}');
    assert.equal((await api.delete(`${CM}/merge-array`)).status, 200);
    await afterBadRequest();
  });

  it('answers 400 to a JSON patch that is not a list of operations', async () => {
    await api.post(CM).send(configMap('jp-object'));
    const res = await api.patch(`${CM}/jp-object`).type('application/json-patch+json').send('{"op":"add"}');
    assertStatus(res, 400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    assert.equal((await api.delete(`${CM}/jp-object`)).status, 200);
    await afterBadRequest();
  });

  it('answers 415 to a body in an unknown format', async () => {
    const res = await api.post(CM).type('text/plain').send('name: x');
    assertStatus(
      res,
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
    await afterBadRequest();
  });
});

describe('oversized bodies', () => {
  const huge = (): string => JSON.stringify(configMap('huge', { data: { k: 'x'.repeat(LIMIT) } }));

  it('answers 413 to a create body over 3 MiB', async () => {
    const res = await api.post(CM).type('application/json').send(huge());
    assertStatus(res, 413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    await afterBadRequest();
  });

  it('answers 413 to an update or patch body over 3 MiB and keeps the object', async () => {
    const created = (await api.post(CM).send(configMap('big-target'))).body;
    assertStatus(await api.put(`${CM}/big-target`).type('application/json').send(huge()), 413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    assertStatus(await api.patch(`${CM}/big-target`).type('application/merge-patch+json').send(huge()), 413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    assert.deepEqual((await api.get(`${CM}/big-target`)).body, created);
    assert.equal((await api.delete(`${CM}/big-target`)).status, 200);
    await afterBadRequest();
  });

  it('reads a body just under the limit, which then meets the ConfigMap size rule (1 MiB)', async () => {
    const body = JSON.stringify(configMap('almost', { data: { k: 'x'.repeat(LIMIT - 200) } }));
    assert.ok(Buffer.byteLength(body) < LIMIT);
    const res = await api.post(CM).type('application/json').send(body);
    assert.equal(res.status, 422, res.text.slice(0, 300));
    assert.equal(res.body.details.causes[0].message, 'Too long: may not be more than 1048576 bytes');
    await afterBadRequest();
  });
});

describe('requests whose path cannot be parsed', () => {
  it('answer the 500 of responsewriters.InternalError, with an Audit-Id like every response', async () => {
    const res = await api.get('/api/v1/watch');
    assert.equal(res.status, 500);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(res.text, /^Internal Server Error: "\/api\/v1\/watch": failed to create RequestInfo: /);
    assert.match(res.headers['audit-id'] ?? '', /^[0-9a-f-]{36}$/);
    await afterBadRequest();
  });

  it('keep the Audit-Id a client sends, as any request does', async () => {
    for (const path of ['/api/v1/watch', '/api/v1/namespaces', '/no/such/path']) {
      const res = await api.get(path).set('Audit-ID', 'client-chosen-id');
      assert.equal(res.headers['audit-id'], 'client-chosen-id', path);
    }
  });
});

describe('methods without a route', () => {
  it("answers go-restful's plain 405 to OPTIONS on a resource path", async () => {
    for (const path of ['/api/v1/namespaces/bad-input/configmaps', '/api/v1/namespaces/bad-input/configmaps/x', '/apis/apps/v1/deployments']) {
      const res = await api.options(path);
      assert.equal(res.status, 405, path);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(res.text, '405: Method Not Allowed');
    }
    await afterBadRequest();
  });
});

describe('unknown paths', () => {
  for (const path of ['/api/v1/namespaces/bad-input/widgets', '/apis/example.com/v1/widgets', '/apis/apps/v9/deployments', '/api/v2/pods', '/apis/apps/v1/namespaces/bad-input/configmaps']) {
    it(`answers Go's plain 404 for ${path}`, async () => {
      for (const res of [await api.get(path), await api.post(path).send(configMap('x'))]) {
        assert.equal(res.status, 404);
        assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
        assert.equal(res.text, '404 page not found\n');
      }
      await afterBadRequest();
    });
  }
});

describe('bodies that disagree with the URL', () => {
  it('answers 400 when the body kind is not the URL kind', async () => {
    const res = await api.post(CM).send({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'wrong-kind' } });
    assertFailure(res, 400, 'BadRequest');
    assert.match(res.body.message, /^Secret in version "v1" cannot be handled as a ConfigMap: /);
    await afterBadRequest();
  });

  it('answers 400 when the body apiVersion is not served at the URL', async () => {
    const res = await api.post(CM).send({ apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'wrong-version' } });
    assertFailure(res, 400, 'BadRequest');
    await afterBadRequest();
  });

  it('answers 400 when the body namespace is not the URL namespace (create and update)', async () => {
    const message = 'the namespace of the provided object does not match the namespace sent on the request';
    assertStatus(await api.post(CM).send({ ...configMap('other-ns'), metadata: { name: 'other-ns', namespace: 'default' } }), 400, 'BadRequest', message);
    const created = (await api.post(CM).send(configMap('ns-put'))).body;
    const res = await api.put(`${CM}/ns-put`).send({ ...created, metadata: { ...created.metadata, namespace: 'default' } });
    assertStatus(res, 400, 'BadRequest', message);
    assert.deepEqual((await api.get(`${CM}/ns-put`)).body, created);
    assert.equal((await api.get('/api/v1/namespaces/default/configmaps/other-ns')).status, 404);
    assert.equal((await api.delete(`${CM}/ns-put`)).status, 200);
    await afterBadRequest();
  });

  it('answers 400 when the body name is not the URL name (update and patch)', async () => {
    const created = (await api.post(CM).send(configMap('named'))).body;
    const put = await api.put(`${CM}/named`).send({ ...created, metadata: { ...created.metadata, name: 'renamed' } });
    assertStatus(put, 400, 'BadRequest', 'the name of the object (renamed) does not match the name on the URL (named)');
    const patch = await api.patch(`${CM}/named`).type('application/json-patch+json').send([{ op: 'replace', path: '/metadata/name', value: 'renamed' }]);
    assertStatus(patch, 400, 'BadRequest', 'the name of the object (renamed) does not match the name on the URL (named)');
    assert.deepEqual((await api.get(`${CM}/named`)).body, created);
    assert.equal((await api.get(`${CM}/renamed`)).status, 404);
    assert.equal((await api.delete(`${CM}/named`)).status, 200);
    await afterBadRequest();
  });
});

describe('invalid objects', () => {
  it('answers 422 Invalid with a field cause for a name that is not a DNS-1123 subdomain', async () => {
    const res = await api.post(CM).send(configMap('Bad_Name'));
    assertStatus(res, 422, 'Invalid', `ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN_MSG}`, {
      name: 'Bad_Name',
      kind: 'ConfigMap',
      causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: "Bad_Name": ${SUBDOMAIN_MSG}`, field: 'metadata.name' }],
    });
    await afterBadRequest();
  });

  it('answers 422 Invalid when neither name nor generateName is given', async () => {
    const res = await api.post(CM).send({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} });
    assertStatus(res, 422, 'Invalid', 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required', {
      kind: 'ConfigMap',
      causes: [{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }],
    });
    await afterBadRequest();
  });

  it('names the group in Invalid for a grouped kind', async () => {
    const res = await api.post(`/apis/apps/v1/namespaces/${NS}/deployments`).send({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'UPPER' }, spec: {} });
    assert.equal(res.status, 422, res.text);
    assert.match(res.body.message, /^Deployment\.apps "UPPER" is invalid: /);
    assert.equal(res.body.details.group, 'apps');
    assert.equal(res.body.details.kind, 'Deployment');
    assert.ok(res.body.details.causes.some((c: { field: string }) => c.field === 'metadata.name'));
    await assertEmptyList(api, `/apis/apps/v1/namespaces/${NS}/deployments`);
  });

  it('answers 422 Invalid for a bad label value, with the field cause', async () => {
    const res = await api.post(CM).send({ ...configMap('bad-label'), metadata: { name: 'bad-label', labels: { app: 'no spaces' } } });
    assertStatus(res, 422, 'Invalid', `ConfigMap "bad-label" is invalid: metadata.labels: Invalid value: "no spaces": ${LABEL_VALUE_MSG}`, {
      name: 'bad-label',
      kind: 'ConfigMap',
      causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: "no spaces": ${LABEL_VALUE_MSG}`, field: 'metadata.labels' }],
    });
    await afterBadRequest();
  });

  it('answers 422 Invalid for a bad label key and lists every error', async () => {
    const res = await api.post(CM).send({ ...configMap('bad-key'), metadata: { name: 'bad-key', labels: { 'a b': 'c$' } } });
    assertStatus(
      res,
      422,
      'Invalid',
      `ConfigMap "bad-key" is invalid: [metadata.labels: Invalid value: "a b": ${LABEL_NAME_MSG}, metadata.labels: Invalid value: "c$": ${LABEL_VALUE_MSG}]`,
      {
        name: 'bad-key',
        kind: 'ConfigMap',
        causes: [
          { reason: 'FieldValueInvalid', message: `Invalid value: "a b": ${LABEL_NAME_MSG}`, field: 'metadata.labels' },
          { reason: 'FieldValueInvalid', message: `Invalid value: "c$": ${LABEL_VALUE_MSG}`, field: 'metadata.labels' },
        ],
      },
    );
    await afterBadRequest();
  });

  it('answers 422 for an update that makes labels invalid and keeps the stored object', async () => {
    const created = (await api.post(CM).send(configMap('relabel'))).body;
    const res = await api.patch(`${CM}/relabel`).type('application/merge-patch+json').send({ metadata: { labels: { app: '-bad-' } } });
    assert.equal(res.status, 422, res.text);
    assert.equal(res.body.reason, 'Invalid');
    assert.deepEqual(res.body.details.causes.map((c: { field: string }) => c.field), ['metadata.labels']);
    assert.deepEqual((await api.get(`${CM}/relabel`)).body, created);
    assert.equal((await api.delete(`${CM}/relabel`)).status, 200);
    await afterBadRequest();
  });

  it(
    'checks the namespace exists (NamespaceLifecycle admission) before validating the object',
    async () => {
      const res = await api.post('/api/v1/namespaces/missing-ns/configmaps').send(configMap('Bad_Name'));
      assertStatus(res, 404, 'NotFound', 'namespaces "missing-ns" not found', { name: 'missing-ns', kind: 'namespaces' });
    },
  );
});
