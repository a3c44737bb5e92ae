// List paging (limit/continue, remainingItemCount, snapshot consistency, expired tokens) and
// resourceVersion / resourceVersionMatch on list and get.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, configMap, ROOT_CA_CONFIGMAP, type TestCluster, useCluster } from './helpers.js';

const NS = 'paging';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const NAMES = ['p-0', 'p-1', 'p-2', 'p-3', 'p-4'];
/** Every namespace also holds the root CA ConfigMap, which sorts first. */
const ALL = [ROOT_CA_CONFIGMAP, ...NAMES];

const { api, cluster } = useCluster([NS], async () => {
  for (const name of NAMES) {
    const res = await api.post(CM).send(configMap(name, { metadata: { name, labels: { set: 'paging' } } }));
    createdRVs.push(res.body.metadata.resourceVersion);
  }
});
const createdRVs: string[] = [];

interface ListBody {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: Array<{ metadata: { name: string } }>;
}

const names = (body: ListBody): string[] => body.items.map((i) => i.metadata.name);

describe('limit and continue', () => {
  it('pages through the list in key order with continue tokens and remainingItemCount', async () => {
    const first = await api.get(`${CM}?limit=2`);
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(names(first.body), [ROOT_CA_CONFIGMAP, 'p-0']);
    assert.equal(first.body.metadata.remainingItemCount, 4);
    assert.equal(typeof first.body.metadata.continue, 'string');
    const second = await api.get(`${CM}?limit=2&continue=${encodeURIComponent(first.body.metadata.continue)}`);
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(names(second.body), ['p-1', 'p-2']);
    assert.equal(second.body.metadata.remainingItemCount, 2);
    const third = await api.get(`${CM}?limit=2&continue=${encodeURIComponent(second.body.metadata.continue)}`);
    assert.deepEqual(names(third.body), ['p-3', 'p-4']);
    assert.equal(third.body.metadata.continue, undefined);
    assert.equal(third.body.metadata.remainingItemCount, undefined);
  });

  it('gives no continue token when the limit covers everything', async () => {
    const res = await api.get(`${CM}?limit=6`);
    assert.deepEqual(names(res.body), ALL);
    assert.equal(res.body.metadata.continue, undefined);
    assert.equal(res.body.metadata.remainingItemCount, undefined);
  });

  it('leaves out remainingItemCount when a selector filters the pages', async () => {
    const res = await api.get(`${CM}?limit=2&labelSelector=set%3Dpaging`);
    assert.deepEqual(names(res.body), ['p-0', 'p-1']);
    assert.equal(typeof res.body.metadata.continue, 'string');
    assert.equal(res.body.metadata.remainingItemCount, undefined);
  });

  it(
    'serves continue pages from the first page\'s snapshot: same resourceVersion, later writes unseen',
    async () => {
      const first = await api.get(`${CM}?limit=2`);
      await api.delete(`${CM}/p-3`);
      await api.post(CM).send(configMap('p-5'));
      try {
        const rest = await api.get(`${CM}?limit=10&continue=${encodeURIComponent(first.body.metadata.continue)}`);
        assert.equal(rest.status, 200, rest.text);
        assert.deepEqual(names(rest.body), ['p-1', 'p-2', 'p-3', 'p-4']);
        assert.equal(rest.body.metadata.resourceVersion, first.body.metadata.resourceVersion);
      } finally {
        await api.delete(`${CM}/p-5`);
        await api.post(CM).send(configMap('p-3', { metadata: { name: 'p-3', labels: { set: 'paging' } } }));
      }
    },
  );

  it('answers 400 BadRequest to a continue token that is not valid', async () => {
    const res = await api.get(`${CM}?limit=2&continue=${encodeURIComponent('!!!not-a-token')}`);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.reason, 'BadRequest');
    assert.match(res.body.message, /continue key is not valid/);
  });

  it('answers 400 BadRequest to a limit that is not an integer', async () => {
    const res = await api.get(`${CM}?limit=ten`);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.reason, 'BadRequest');
  });
});

describe('resourceVersion on list', () => {
  it('serves resourceVersion "0" and "" from the current state', async () => {
    for (const rv of ['0', '']) {
      const res = await api.get(`${CM}?resourceVersion=${rv}`);
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.items.length >= NAMES.length);
    }
  });

  it('serves resourceVersionMatch=NotOlderThan with a state at least that new', async () => {
    const res = await api.get(`${CM}?resourceVersion=${createdRVs[4]}&resourceVersionMatch=NotOlderThan`);
    assert.equal(res.status, 200, res.text);
    assert.ok(Number(res.body.metadata.resourceVersion) >= Number(createdRVs[4]));
  });

  it(
    'serves resourceVersionMatch=Exact from the state at exactly that revision',
    async () => {
      const res = await api.get(`${CM}?resourceVersion=${createdRVs[1]}&resourceVersionMatch=Exact`);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.metadata.resourceVersion, createdRVs[1]);
      assert.deepEqual(names(res.body), [ROOT_CA_CONFIGMAP, 'p-0', 'p-1']);
    },
  );

  it('answers 422 to resourceVersionMatch without resourceVersion', async () => {
    const res = await api.get(`${CM}?resourceVersionMatch=NotOlderThan`);
    assertStatus(res, 422, 'Invalid', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided', {
      group: 'meta.k8s.io',
      kind: 'ListOptions',
      causes: [{ reason: 'FieldValueForbidden', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided', field: 'resourceVersionMatch' }],
    });
  });

  it('answers 422 to an unknown resourceVersionMatch', async () => {
    const res = await api.get(`${CM}?resourceVersion=1&resourceVersionMatch=Newest`);
    assertStatus(res, 422, 'Invalid', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""', {
      group: 'meta.k8s.io',
      kind: 'ListOptions',
      causes: [{ reason: 'FieldValueNotSupported', message: 'Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""', field: 'resourceVersionMatch' }],
    });
  });

  it('answers 422 to resourceVersionMatch=Exact with resourceVersion "0"', async () => {
    const res = await api.get(`${CM}?resourceVersion=0&resourceVersionMatch=Exact`);
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body.details.causes, [
      { reason: 'FieldValueForbidden', message: 'Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"', field: 'resourceVersionMatch' },
    ]);
  });

  it('answers 422 to sendInitialEvents on a list', async () => {
    const res = await api.get(`${CM}?sendInitialEvents=true`);
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body.details.causes, [{ reason: 'FieldValueForbidden', message: 'Forbidden: sendInitialEvents is forbidden for list', field: 'sendInitialEvents' }]);
  });

  it('answers 504 Timeout with Retry-After after waiting for a resourceVersion from the future', async () => {
    const res = await api.get(`${CM}?resourceVersion=99999999`);
    assert.equal(res.headers['retry-after'], '1');
    const current = /current: (\d+)$/.exec(res.body.message)?.[1];
    assertStatus(res, 504, 'Timeout', `Timeout: Too large resource version: 99999999, current: ${current}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    });
  });
});

describe('resourceVersion on get', () => {
  it('serves a get with resourceVersion "0" or a past resourceVersion', async () => {
    for (const rv of ['0', createdRVs[0]]) {
      const res = await api.get(`${CM}/p-0?resourceVersion=${rv}`);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.metadata.name, 'p-0');
    }
  });
});

describe('expired continue tokens', () => {
  it('answers 410 Expired once the token\'s revision has left the watch window', async () => {
    const first = await api.get(`${CM}?limit=2`);
    await churn(cluster(), 10_001);
    const res = await api.get(`${CM}?limit=2&continue=${encodeURIComponent(first.body.metadata.continue)}`);
    assert.equal(res.status, 410, res.text);
    assert.equal(res.body.reason, 'Expired');
    assert.match(res.body.message, /^The provided continue parameter is too old to display a consistent list result\. You can start a new list without the continue parameter/);
  });

  it(
    'offers a continue token for the rest of the list in the Expired Status, as the etcd store does',
    async () => {
      const first = await api.get(`${CM}?limit=2`);
      await churn(cluster(), 10_001);
      const res = await api.get(`${CM}?limit=2&continue=${encodeURIComponent(first.body.metadata.continue)}`);
      assert.equal(res.status, 410);
      assert.equal(typeof res.body.metadata.continue, 'string');
      assert.match(res.body.message, /Continuing with the provided token results in an inconsistent list/);
    },
  );
});

/** Writes one ConfigMap `count` times in process, so older revisions fall out of the event window. */
async function churn(c: TestCluster, count: number): Promise<void> {
  const store = c.server.registry.store('', 'configmaps');
  const name = 'churn';
  if (!c.server.storage.get(store.key('default', name))) {
    await store.create('default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }, { dryRun: false });
  }
  for (let i = 0; i < count; i++) {
    await store.guaranteedUpdate('default', name, (cur) => ({ ...cur, data: { i: String(i) } }), { dryRun: false });
  }
}
