// Keys of JSON data that are names of Object.prototype members ("__proto__", "constructor",
// "toString"): a ConfigMap's data may use them, and every write path must keep them as plain
// members (an assignment of "__proto__" would set a prototype and lose the key; an `in` test
// would find "constructor" everywhere).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useCluster } from './helpers.js';

const NS = 'inherited-keys';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const DATA = '{"__proto__":"p","constructor":"c","toString":"t","plain":"x"}';
const EXPECTED = JSON.parse(DATA) as Record<string, string>;

const { api } = useCluster([NS]);

const json = (text: string) => ({ type: 'application/json', text });
const create = (name: string, data = DATA) =>
  api.post(CM).set('Content-Type', 'application/json').send(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"},"data":${data}}`);

/** The data as the server stored it, read back without anything JS would do to "__proto__". */
async function storedData(name: string): Promise<Record<string, string>> {
  const res = await api.get(`${CM}/${name}`).buffer(true).parse((r, done) => {
    let text = '';
    r.on('data', (c: Buffer) => (text += c.toString()));
    r.on('end', () => done(null, json(text)));
  });
  assert.equal(res.status, 200);
  return (JSON.parse((res.body as { text: string }).text) as { data: Record<string, string> }).data;
}

describe('data keys named like Object.prototype members', () => {
  it('are created and read back as members', async () => {
    const res = await create('created');
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(await storedData('created'), EXPECTED);
  });

  it('survive a PUT of the object', async () => {
    await create('put');
    const current = await storedData('put');
    assert.deepEqual(current, EXPECTED);
    const res = await api
      .put(`${CM}/put`)
      .set('Content-Type', 'application/json')
      .send(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"put"},"data":{"__proto__":"p2","constructor":"c","toString":"t","plain":"x"}}`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(await storedData('put'), { ...EXPECTED, ...JSON.parse('{"__proto__":"p2"}') });
  });

  for (const [type, patch] of [
    ['application/merge-patch+json', '{"data":{"__proto__":"merged","plain":null}}'],
    ['application/strategic-merge-patch+json', '{"data":{"__proto__":"merged","plain":null}}'],
    ['application/json-patch+json', '[{"op":"replace","path":"/data/__proto__","value":"merged"},{"op":"remove","path":"/data/plain"}]'],
  ] as const) {
    it(`are patched as members (${type})`, async () => {
      const name = `patched-${type.split('/')[1].split('+')[0]}`;
      await create(name);
      const res = await api.patch(`${CM}/${name}`).set('Content-Type', type).send(patch);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(await storedData(name), JSON.parse('{"__proto__":"merged","constructor":"c","toString":"t"}'));
    });
  }

  it('are added by a JSON patch', async () => {
    await create('added', '{"plain":"x"}');
    const res = await api.patch(`${CM}/added`).set('Content-Type', 'application/json-patch+json').send('[{"op":"add","path":"/data/__proto__","value":"new"}]');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(await storedData('added'), JSON.parse('{"plain":"x","__proto__":"new"}'));
  });
});
