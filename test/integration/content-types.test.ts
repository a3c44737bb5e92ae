// Response representations: JSON, YAML, Table (columns per kind, includeObject) and
// PartialObjectMetadata(List); YAML request bodies; 406 when nothing the client accepts fits.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYAML } from 'yaml';
import { assertStatus, configMap, pod, TABLE_ACCEPT, TABLE_CONTENT_TYPE, useCluster } from './helpers.js';

const NS = 'content';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const PODS = `/api/v1/namespaces/${NS}/pods`;
const POM = 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io';
const POM_LIST = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io';
const YAML_TABLE = 'application/yaml;as=Table;v=v1;g=meta.k8s.io';

const { api } = useCluster([NS], async () => {
  await api.post(CM).send(configMap('one', { metadata: { name: 'one', labels: { app: 'x' } }, data: { a: '1', b: '2' } }));
  await api.post(PODS).send(pod('web', { nodeName: 'node-1' }));
});

/** superagent leaves unknown types unbuffered; this keeps the raw text. */
function text(res: { body: unknown; text?: string }): string {
  return Buffer.isBuffer(res.body) ? res.body.toString('utf8') : (res.text ?? '');
}

describe('JSON and YAML', () => {
  it('answers application/json by default and for */*', async () => {
    for (const accept of [undefined, '*/*', 'application/json, */*']) {
      const req = api.get(`${CM}/one`);
      const res = accept ? await req.set('Accept', accept) : await req;
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/json');
      assert.equal(res.body.metadata.name, 'one');
    }
  });

  it('answers application/yaml for an object and a list', async () => {
    const one = await api.get(`${CM}/one`).set('Accept', 'application/yaml').buffer(true).parse((r, cb) => collect(r, cb));
    assert.equal(one.status, 200);
    assert.equal(one.headers['content-type'], 'application/yaml');
    const obj = parseYAML(text(one));
    assert.equal(obj.kind, 'ConfigMap');
    assert.deepEqual(obj.data, { a: '1', b: '2' });
    const list = await api.get(CM).set('Accept', 'application/yaml').buffer(true).parse((r, cb) => collect(r, cb));
    const parsed = parseYAML(text(list));
    assert.equal(parsed.kind, 'ConfigMapList');
    // After the root CA ConfigMap every namespace holds, in key order.
    assert.deepEqual(parsed.items.map((i: { metadata: { name: string } }) => i.metadata.name).slice(0, 2), ['kube-root-ca.crt', 'one']);
  });

  it('writes YAML as sigs.k8s.io/yaml does: keys sorted, sequences not indented under their key, no folding', async () => {
    const long = 'x'.repeat(100);
    await api.post(CM).send({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'yaml-shape', labels: { z: 'last', a: 'first' } }, data: { long } });
    const res = await api.get(`${CM}/yaml-shape`).set('Accept', 'application/yaml').buffer(true).parse((r, cb) => collect(r, cb));
    const yaml = text(res);
    assert.match(yaml, /^apiVersion: v1\ndata:\n  long: x{100}\nkind: ConfigMap\nmetadata:\n/);
    assert.match(yaml, /\n  labels:\n    a: first\n    z: last\n/);
    assert.match(yaml, /\n  managedFields:\n  - apiVersion: v1\n/);
  });

  it('takes a YAML request body', async () => {
    const body = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  key: "007"\n';
    const res = await api.post(CM).type('application/yaml').send(body);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.data, { key: '007' });
  });

  it('answers 406 NotAcceptable when no accepted type fits', async () => {
    const res = await api.get(`${CM}/one`).set('Accept', 'text/html');
    assertStatus(
      res,
      406,
      'NotAcceptable',
      'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });

  it('ranks Accept clauses by q, then concrete types before wildcards', async () => {
    const json = await api.get(`${CM}/one`).set('Accept', 'application/yaml;q=0.5,application/json');
    assert.equal(json.headers['content-type'], 'application/json');
    assert.equal(json.body.kind, 'ConfigMap');
    const yaml = await api.get(`${CM}/one`).set('Accept', '*/*,application/yaml').buffer(true).parse((r, cb) => collect(r, cb));
    assert.equal(yaml.headers['content-type'], 'application/yaml');
    assert.equal(parseYAML(text(yaml)).kind, 'ConfigMap');
  });

  it('falls back to JSON when protobuf is asked for with JSON as a second choice', async () => {
    const res = await api.get(`${CM}/one`).set('Accept', 'application/vnd.kubernetes.protobuf,application/json');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
  });
});

describe('Table', () => {
  it('renders a ConfigMap list with Name, Data and Age, and PartialObjectMetadata rows by default', async () => {
    const res = await api.get(CM).set('Accept', TABLE_ACCEPT);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], TABLE_CONTENT_TYPE);
    assert.equal(res.body.kind, 'Table');
    assert.equal(res.body.apiVersion, 'meta.k8s.io/v1');
    assert.match(res.body.metadata.resourceVersion, /^\d+$/);
    const columns = res.body.columnDefinitions.map((c: { name: string; type: string; format: string; priority: number }) => [c.name, c.type, c.format, c.priority]);
    assert.deepEqual(columns, [
      ['Name', 'string', 'name', 0],
      ['Data', 'string', '', 0],
      ['Age', 'string', '', 0],
    ]);
    for (const c of res.body.columnDefinitions) assert.deepEqual(Object.keys(c), ['name', 'type', 'format', 'description', 'priority']);
    const row = res.body.rows.find((r: { cells: unknown[] }) => r.cells[0] === 'one');
    assert.deepEqual(row.cells.slice(0, 2), ['one', 2]);
    assert.match(row.cells[2], /^\d+s$/);
    assert.equal(row.object.kind, 'PartialObjectMetadata');
    assert.equal(row.object.apiVersion, 'meta.k8s.io/v1');
    assert.deepEqual(row.object.metadata.labels, { app: 'x' });
    assert.equal(row.object.data, undefined);
  });

  it('renders pods with the pod printer columns, wide ones at priority 1', async () => {
    const res = await api.get(PODS).set('Accept', TABLE_ACCEPT);
    const columns = res.body.columnDefinitions.map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`);
    assert.deepEqual(columns, ['Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1']);
    const cells = res.body.rows[0].cells;
    assert.deepEqual([cells[0], cells[1], cells[2], cells[3]], ['web', '0/1', 'Pending', '0']);
    assert.deepEqual(cells.slice(5), ['<none>', 'node-1', '<none>', '<none>']);
  });

  it('renders a single object as a one-row Table with its resourceVersion', async () => {
    const res = await api.get(`${CM}/one`).set('Accept', TABLE_ACCEPT);
    assert.equal(res.status, 200);
    assert.equal(res.body.rows.length, 1);
    assert.equal(res.body.metadata.resourceVersion, (await api.get(`${CM}/one`)).body.metadata.resourceVersion);
  });

  it('puts the full object in rows with includeObject=Object and null with None', async () => {
    const full = await api.get(`${CM}?includeObject=Object`).set('Accept', TABLE_ACCEPT);
    const row = full.body.rows.find((r: { cells: unknown[] }) => r.cells[0] === 'one');
    assert.equal(row.object.kind, 'ConfigMap');
    assert.deepEqual(row.object.data, { a: '1', b: '2' });
    const none = await api.get(`${CM}?includeObject=None`).set('Accept', TABLE_ACCEPT);
    assert.ok(none.body.rows.every((r: { object: unknown }) => r.object === null));
  });

  it('answers 400 to an unknown includeObject value', async () => {
    const res = await api.get(`${CM}?includeObject=Everything`).set('Accept', TABLE_ACCEPT);
    assertStatus(res, 400, 'BadRequest', 'unrecognized includeObject value: "Everything"');
  });

  it('serves the Table kubectl asks for with its v1, v1beta1, json Accept list', async () => {
    const res = await api.get(PODS).set('Accept', `${TABLE_ACCEPT},application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`);
    assert.equal(res.body.kind, 'Table');
  });

  it('renders a Table in YAML for one object and for a list', async () => {
    const one = await api.get(`${CM}/one`).set('Accept', YAML_TABLE).buffer(true).parse((r, cb) => collect(r, cb));
    assert.equal(one.status, 200, text(one));
    assert.equal(one.headers['content-type'], 'application/yaml');
    const table = parseYAML(text(one));
    assert.deepEqual([table.kind, table.apiVersion], ['Table', 'meta.k8s.io/v1']);
    assert.deepEqual(table.columnDefinitions.map((c: { name: string }) => c.name), ['Name', 'Data', 'Age']);
    assert.equal(table.rows.length, 1);
    assert.deepEqual(table.rows[0].cells.slice(0, 2), ['one', 2]);
    assert.equal(table.rows[0].object.kind, 'PartialObjectMetadata');
    const list = await api.get(PODS).set('Accept', YAML_TABLE).buffer(true).parse((r, cb) => collect(r, cb));
    assert.equal(list.status, 200, text(list));
    assert.equal(list.headers['content-type'], 'application/yaml');
    const podTable = parseYAML(text(list));
    assert.equal(podTable.kind, 'Table');
    assert.match(podTable.metadata.resourceVersion, /^\d+$/);
    assert.deepEqual(podTable.rows.map((r: { cells: unknown[] }) => r.cells[0]), ['web']);
    assert.equal(podTable.columnDefinitions.length, 9);
  });

  it('renders a cluster-scoped kind with its own columns (Namespace: Name, Status, Age)', async () => {
    const res = await api.get(`/api/v1/namespaces/${NS}`).set('Accept', TABLE_ACCEPT);
    assert.deepEqual(res.body.columnDefinitions.map((c: { name: string }) => c.name), ['Name', 'Status', 'Age']);
    assert.deepEqual(res.body.rows[0].cells.slice(0, 2), [NS, 'Active']);
  });
});

describe('PartialObjectMetadata', () => {
  it('answers a get with PartialObjectMetadata', async () => {
    const res = await api.get(`${CM}/one`).set('Accept', POM);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.deepEqual(Object.keys(res.body), ['kind', 'apiVersion', 'metadata']);
    assert.equal(res.body.kind, 'PartialObjectMetadata');
    assert.equal(res.body.metadata.name, 'one');
  });

  it('answers a list with PartialObjectMetadataList', async () => {
    const res = await api.get(CM).set('Accept', POM_LIST);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.equal(res.body.kind, 'PartialObjectMetadataList');
    assert.equal(res.body.apiVersion, 'meta.k8s.io/v1');
    for (const item of res.body.items) {
      assert.equal(item.kind, 'PartialObjectMetadata');
      assert.equal(item.data, undefined);
    }
  });

  it('answers 406 to PartialObjectMetadataList for a single object', async () => {
    const res = await api.get(`${CM}/one`).set('Accept', POM_LIST);
    assertStatus(res, 406, 'NotAcceptable', 'you requested PartialObjectMetadataList, but the requested object is not a list (*core.ConfigMap)');
  });

  it('answers 406 to PartialObjectMetadata for a list, even with JSON as a second choice', async () => {
    const res = await api.get(CM).set('Accept', `${POM},application/json`);
    assertStatus(res, 406, 'NotAcceptable', 'you requested PartialObjectMetadata, but the requested object is a list (*core.ConfigMapList)');
  });
});

/** A superagent parser that keeps the raw bytes (at run time the response is the Node stream). */
function collect(res: unknown, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}
