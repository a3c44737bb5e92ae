// labelSelector (equality and set-based) and fieldSelector (metadata fields and per-kind fields
// such as spec.nodeName and status.phase for pods) on list, with the BadRequest texts for bad ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, configMap, pod, ROOT_CA_CONFIGMAP, useCluster } from './helpers.js';

const NS = 'selectors';
const OTHER_NS = 'selectors-other';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const PODS = `/api/v1/namespaces/${NS}/pods`;

const { api } = useCluster([NS, OTHER_NS], async () => {
  for (const [name, labels] of Object.entries(LABELS)) {
    const res = await api.post(CM).send(configMap(name, { metadata: { name, ...(labels ? { labels } : {}) } }));
    assert.equal(res.status, 201, res.text);
  }
  await api.post(`/api/v1/namespaces/${OTHER_NS}/configmaps`).send(configMap('web-front', { metadata: { name: 'web-front', labels: { app: 'web' } } }));
  await api.post(PODS).send(pod('on-n1', { nodeName: 'n1', restartPolicy: 'Never' }));
  await api.post(PODS).send(pod('on-n2', { nodeName: 'n2' }));
  await api.post(PODS).send(pod('unscheduled'));
  const running = await api.patch(`${PODS}/on-n1/status`).type('application/merge-patch+json').send({ status: { phase: 'Running', podIPs: [{ ip: '10.0.0.7' }], podIP: '10.0.0.7' } });
  assert.equal(running.status, 200, running.text);
});

const LABELS: Record<string, Record<string, string> | undefined> = {
  'web-front': { app: 'web', tier: 'frontend' },
  'web-back': { app: 'web', tier: 'backend' },
  db: { app: 'db' },
  plain: undefined,
};

async function listNames(path: string, query: Record<string, string>): Promise<string[]> {
  const res = await api.get(`${path}?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200, res.text);
  return (res.body.items as Array<{ metadata: { name: string } }>).map((i) => i.metadata.name).sort();
}

describe('labelSelector', () => {
  const cases: Array<[string, string[]]> = [
    ['app=web', ['web-back', 'web-front']],
    ['app==web', ['web-back', 'web-front']],
    // The root CA ConfigMap every namespace holds has no labels.
    ['app!=web', ['db', ROOT_CA_CONFIGMAP, 'plain']],
    ['app in (web,db)', ['db', 'web-back', 'web-front']],
    ['app notin (web)', ['db', ROOT_CA_CONFIGMAP, 'plain']],
    ['tier', ['web-back', 'web-front']],
    ['!tier', ['db', ROOT_CA_CONFIGMAP, 'plain']],
    ['app=web,tier!=backend', ['web-front']],
    ['app in (web),!tier', []],
    ['tier in (frontend, backend),app', ['web-back', 'web-front']],
    ['', ['db', ROOT_CA_CONFIGMAP, 'plain', 'web-back', 'web-front']],
  ];
  for (const [selector, expected] of cases) {
    it(`"${selector}" selects ${JSON.stringify(expected)}`, async () => {
      assert.deepEqual(await listNames(CM, { labelSelector: selector }), expected);
    });
  }

  it('answers 400 BadRequest to a selector that does not parse', async () => {
    const res = await api.get(`${CM}?labelSelector=${encodeURIComponent('app in (web')}`);
    assertStatus(res, 400, 'BadRequest', "unable to parse requirement: found '', expected: ',' or ')'");
  });

  it('answers 400 BadRequest to an invalid label key in a selector', async () => {
    const res = await api.get(`${CM}?labelSelector=${encodeURIComponent('bad key=x')}`);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.reason, 'BadRequest');
  });
});

describe('fieldSelector on metadata', () => {
  it('selects by metadata.name with =, == and !=', async () => {
    assert.deepEqual(await listNames(CM, { fieldSelector: 'metadata.name=db' }), ['db']);
    assert.deepEqual(await listNames(CM, { fieldSelector: 'metadata.name==db' }), ['db']);
    assert.deepEqual(await listNames(CM, { fieldSelector: 'metadata.name!=db' }), [ROOT_CA_CONFIGMAP, 'plain', 'web-back', 'web-front']);
  });

  it('selects by metadata.namespace on an all-namespaces list', async () => {
    const res = await api.get(`/api/v1/configmaps?fieldSelector=${encodeURIComponent(`metadata.namespace=${OTHER_NS}`)}`);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((i: { metadata: { namespace: string; name: string } }) => `${i.metadata.namespace}/${i.metadata.name}`),
      [`${OTHER_NS}/${ROOT_CA_CONFIGMAP}`, `${OTHER_NS}/web-front`],
    );
  });

  it('combines field and label selectors', async () => {
    assert.deepEqual(await listNames(CM, { labelSelector: 'app=web', fieldSelector: 'metadata.name!=web-back' }), ['web-front']);
  });

  it('answers 400 with the default conversion text for a field a ConfigMap does not have', async () => {
    const res = await api.get(`${CM}?fieldSelector=${encodeURIComponent('spec.nodeName=n1')}`);
    assertStatus(res, 400, 'BadRequest', '"spec.nodeName" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });

  it('answers 400 BadRequest to a field selector that does not parse', async () => {
    const res = await api.get(`${CM}?fieldSelector=${encodeURIComponent('metadata.name')}`);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.reason, 'BadRequest');
  });

  it('selects namespaces by status.phase', async () => {
    const res = await api.get(`/api/v1/namespaces?fieldSelector=${encodeURIComponent('status.phase=Active')}`);
    assert.equal(res.status, 200);
    const namesSeen = res.body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    assert.ok(namesSeen.includes(NS) && namesSeen.includes('default'));
  });
});

describe('fieldSelector on pod fields', () => {
  it('selects by spec.nodeName, including the empty value of unscheduled pods', async () => {
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'spec.nodeName=n1' }), ['on-n1']);
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'spec.nodeName=' }), ['unscheduled']);
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'spec.nodeName!=' }), ['on-n1', 'on-n2']);
  });

  it('rewrites the legacy spec.host label to spec.nodeName', async () => {
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'spec.host=n2' }), ['on-n2']);
  });

  it('selects by status.phase after a status write', async () => {
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'status.phase=Running' }), ['on-n1']);
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'status.phase=Pending' }), ['on-n2', 'unscheduled']);
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'status.phase!=Pending,spec.nodeName=n1' }), ['on-n1']);
  });

  it('selects by spec.restartPolicy and status.podIP', async () => {
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'spec.restartPolicy=Never' }), ['on-n1']);
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'status.podIP=10.0.0.7' }), ['on-n1']);
  });

  it('accepts status.podIPs but matches it as an absent field', async () => {
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'status.podIPs=10.0.0.7' }), []);
    assert.deepEqual(await listNames(PODS, { fieldSelector: 'status.podIPs!=10.0.0.7' }), ['on-n1', 'on-n2', 'unscheduled']);
  });

  it('answers 400 "field label not supported" for a label pods do not convert', async () => {
    const res = await api.get(`${PODS}?fieldSelector=${encodeURIComponent('spec.containers=x')}`);
    assertStatus(res, 400, 'BadRequest', 'field label not supported: spec.containers');
  });

  it('selects across namespaces with spec.nodeName, as kubelets do', async () => {
    assert.deepEqual(await listNames('/api/v1/pods', { fieldSelector: 'spec.nodeName=n2' }), ['on-n2']);
  });
});

describe('fieldSelector on cluster-scoped nodes', () => {
  it('selects by spec.unschedulable and rejects metadata.namespace', async () => {
    await api.post('/api/v1/nodes').send({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'sel-cordoned' }, spec: { unschedulable: true } });
    await api.post('/api/v1/nodes').send({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'sel-open' } });
    assert.deepEqual(await listNames('/api/v1/nodes', { fieldSelector: 'spec.unschedulable=true' }), ['sel-cordoned']);
    assert.deepEqual(await listNames('/api/v1/nodes', { fieldSelector: 'spec.unschedulable=false' }), ['sel-open']);
    const res = await api.get(`/api/v1/nodes?fieldSelector=${encodeURIComponent('metadata.namespace=x')}`);
    assertStatus(res, 400, 'BadRequest', 'field label not supported: metadata.namespace');
  });
});
