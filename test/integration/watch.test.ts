// Watch over HTTP: one JSON event per line on a chunked response; resourceVersion unset, "0" and
// exact; the legacy /watch/ paths; 410 Expired as an ERROR event; bookmarks; sendInitialEvents
// with the initial-events-end bookmark; timeoutSeconds; selector transitions as ADDED/DELETED.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertStatus, configMap, createNamespace, openWatch, ROOT_CA_CONFIGMAP, startCluster, uniqueName, type Api, type TestCluster, type WatchStream } from './helpers.js';

const BOOKMARK_INTERVAL_MS = 300;

let cluster: TestCluster;
let api: Api;
const open: WatchStream[] = [];

before(async () => {
  cluster = await startCluster({ bookmarkIntervalMs: BOOKMARK_INTERVAL_MS });
  api = cluster.api;
});
after(async () => {
  for (const w of open) w.close();
  await cluster.stop();
});

async function watch(path: string, headers: Record<string, string> = {}): Promise<WatchStream> {
  const w = await openWatch(cluster.server, path, headers);
  open.push(w);
  return w;
}

/** A fresh namespace with the given ConfigMaps; returns its collection path and their resourceVersions. */
async function namespaceWith(...names: string[]): Promise<{ ns: string; path: string; rvs: string[] }> {
  const ns = uniqueName('watch');
  await createNamespace(api, ns);
  const path = `/api/v1/namespaces/${ns}/configmaps`;
  const rvs: string[] = [];
  for (const name of names) {
    const res = await api.post(path).send(configMap(name));
    assert.equal(res.status, 201, res.text);
    rvs.push(res.body.metadata.resourceVersion);
  }
  return { ns, path, rvs };
}

function summary(e: { type: string; object: { metadata?: Record<string, unknown> } }): string {
  return `${e.type} ${String(e.object.metadata?.name ?? '')}`;
}

describe('framing', () => {
  it('streams 200 chunked application/json with one {type, object} per line', async () => {
    const { path } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true`);
    assert.equal(w.status, 200);
    assert.equal(w.headers['content-type'], 'application/json');
    assert.equal(w.headers['transfer-encoding'], 'chunked');
    const e = await w.next();
    assert.deepEqual(Object.keys(e), ['type', 'object']);
    assert.equal(e.object.kind, 'ConfigMap');
    assert.equal(e.object.apiVersion, 'v1');
    assert.deepEqual(JSON.parse(w.lines[0]), e);
    assert.ok(!w.lines[0].includes('\n'));
  });
});

describe('resourceVersion', () => {
  it('unset: synthetic ADDED for the current state, then every change in order', async () => {
    const { path } = await namespaceWith('a', 'b');
    const w = await watch(`${path}?watch=true`);
    // In key order, with the root CA ConfigMap every namespace holds.
    assert.deepEqual([summary(await w.next()), summary(await w.next()), summary(await w.next())], ['ADDED a', 'ADDED b', `ADDED ${ROOT_CA_CONFIGMAP}`]);
    await api.post(path).send(configMap('c'));
    await api.patch(`${path}/a`).type('application/merge-patch+json').send({ data: { k: 'changed' } });
    await api.delete(`${path}/b`);
    const events = [await w.next(), await w.next(), await w.next()];
    assert.deepEqual(events.map(summary), ['ADDED c', 'MODIFIED a', 'DELETED b']);
    assert.deepEqual(events[1].object.data, { k: 'changed' });
    const rvs = events.map((e) => Number(e.object.metadata?.resourceVersion));
    assert.ok(rvs[0] < rvs[1] && rvs[1] < rvs[2], `resourceVersions increase: ${rvs}`);
  });

  it('"0": synthetic ADDED for the current state too', async () => {
    const { path } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true&resourceVersion=0`);
    assert.equal(summary(await w.next()), 'ADDED a');
  });

  it('exact: only the changes after that revision, no synthetic events', async () => {
    const { path, rvs } = await namespaceWith('a', 'b');
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}`);
    assert.equal(summary(await w.next()), 'ADDED b');
    await api.delete(`${path}/a`);
    assert.equal(summary(await w.next()), 'DELETED a');
    assert.equal(await w.quiet(150), true);
  });

  it('a DELETED event carries the last state with the deletion\'s resourceVersion', async () => {
    const { path, rvs } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}`);
    await api.delete(`${path}/a`);
    const e = await w.next();
    assert.equal(e.type, 'DELETED');
    assert.ok(Number(e.object.metadata?.resourceVersion) > Number(rvs[0]));
  });

  it('too old: HTTP 200, one ERROR event with a 410 Expired Status, then the end of the stream', async () => {
    const { path, rvs } = await namespaceWith('old');
    const store = cluster.server.registry.store('', 'configmaps');
    const ns = path.split('/')[4];
    for (let i = 0; i < 10_001; i++) await store.guaranteedUpdate(ns, 'old', (cur) => ({ ...cur, data: { i: String(i) } }), { dryRun: false });
    const oldest = cluster.server.storage.oldestWatchableRevision;
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}`);
    assert.equal(w.status, 200);
    const e = await w.next();
    assert.equal(e.type, 'ERROR');
    assert.equal(
      JSON.stringify(e.object),
      JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rvs[0]} (${oldest - 1})`, reason: 'Expired', code: 410 }),
    );
    await w.ended();
    assert.equal(w.lines.length, 1);
  });
});

describe('legacy /watch/ paths', () => {
  it('/api/v1/watch/namespaces/<ns>/configmaps watches the collection', async () => {
    const { ns, path } = await namespaceWith('a');
    const w = await watch(`/api/v1/watch/namespaces/${ns}/configmaps`);
    assert.deepEqual([summary(await w.next()), summary(await w.next())], ['ADDED a', `ADDED ${ROOT_CA_CONFIGMAP}`]);
    await api.post(path).send(configMap('b'));
    assert.equal(summary(await w.next()), 'ADDED b');
  });

  it('/api/v1/watch/namespaces/<ns>/configmaps/<name> sees that object only', async () => {
    const { ns, path } = await namespaceWith('a', 'b');
    const w = await watch(`/api/v1/watch/namespaces/${ns}/configmaps/b`);
    assert.equal(summary(await w.next()), 'ADDED b');
    await api.patch(`${path}/a`).type('application/merge-patch+json').send({ data: { x: '1' } });
    await api.patch(`${path}/b`).type('application/merge-patch+json').send({ data: { x: '2' } });
    assert.equal(summary(await w.next()), 'MODIFIED b');
    assert.equal(await w.quiet(150), true);
  });

  it('rejects a metadata.name field selector that contradicts the watched name', async () => {
    const { ns } = await namespaceWith('a');
    const res = await api.get(`/api/v1/watch/namespaces/${ns}/configmaps/a?fieldSelector=metadata.name%3Db`);
    assertStatus(res, 400, 'BadRequest', "fieldSelector metadata.name doesn't match requested name");
  });

  it('/apis/<group>/<version>/watch/... works for grouped kinds', async () => {
    const ns = uniqueName('watch');
    await createNamespace(api, ns);
    const w = await watch(`/apis/apps/v1/watch/namespaces/${ns}/deployments`);
    assert.equal(w.status, 200);
    assert.equal(await w.quiet(100), true);
  });
});

describe('watch across namespaces', () => {
  it('/api/v1/configmaps?watch=true sees changes in every namespace', async () => {
    const head = await api.get('/api/v1/configmaps');
    const w = await watch(`/api/v1/configmaps?watch=true&resourceVersion=${head.body.metadata.resourceVersion}`);
    const { ns } = await namespaceWith('everywhere');
    // The new namespace's root CA ConfigMap comes first: createNamespace waits for it.
    assert.equal(summary(await w.next()), `ADDED ${ROOT_CA_CONFIGMAP}`);
    const e = await w.next();
    assert.equal(summary(e), 'ADDED everywhere');
    assert.equal(e.object.metadata?.namespace, ns);
  });
});

describe('selectors', () => {
  it('turns an object that starts matching into ADDED and one that stops into DELETED', async () => {
    const { path, rvs } = await namespaceWith('x');
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}&labelSelector=app%3Dwatched`);
    await api.post(path).send(configMap('other'));
    await api.patch(`${path}/x`).type('application/merge-patch+json').send({ metadata: { labels: { app: 'watched' } } });
    const added = await w.next();
    assert.equal(summary(added), 'ADDED x');
    assert.deepEqual(added.object.metadata?.labels, { app: 'watched' });
    await api.patch(`${path}/x`).type('application/merge-patch+json').send({ data: { k: 'still' } });
    assert.equal(summary(await w.next()), 'MODIFIED x');
    await api.patch(`${path}/x`).type('application/merge-patch+json').send({ metadata: { labels: { app: 'elsewhere' } } });
    const gone = await w.next();
    assert.equal(summary(gone), 'DELETED x');
    assert.deepEqual(gone.object.metadata?.labels, { app: 'elsewhere' }, 'the DELETED event carries the new state');
    await api.delete(`${path}/x`);
    await api.delete(`${path}/other`);
    assert.equal(await w.quiet(150), true);
  });

  it('filters the initial events by field selector', async () => {
    const { path } = await namespaceWith('a', 'b');
    const w = await watch(`${path}?watch=true&fieldSelector=metadata.name%3Db`);
    assert.equal(summary(await w.next()), 'ADDED b');
    assert.equal(await w.quiet(150), true);
  });
});

describe('bookmarks', () => {
  it('sends periodic BOOKMARKs with only kind, apiVersion and resourceVersion when allowWatchBookmarks=true', async () => {
    const { path, rvs } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}&allowWatchBookmarks=true`);
    const e = await w.next(BOOKMARK_INTERVAL_MS * 5);
    assert.equal(e.type, 'BOOKMARK');
    assert.equal(e.object.kind, 'ConfigMap');
    assert.equal(e.object.apiVersion, 'v1');
    assert.deepEqual(Object.keys(e.object.metadata ?? {}), ['resourceVersion']);
    assert.ok(Number(e.object.metadata?.resourceVersion) >= Number(rvs[0]));
  });

  it('sends none without allowWatchBookmarks', async () => {
    const { path, rvs } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}`);
    assert.equal(await w.quiet(BOOKMARK_INTERVAL_MS * 3), true);
  });
});

describe('sendInitialEvents', () => {
  it('sends ADDED for the state, then a BOOKMARK annotated k8s.io/initial-events-end, then changes', async () => {
    const { path } = await namespaceWith('a', 'b');
    const w = await watch(`${path}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`);
    assert.deepEqual([summary(await w.next()), summary(await w.next()), summary(await w.next())], ['ADDED a', 'ADDED b', `ADDED ${ROOT_CA_CONFIGMAP}`]);
    const end = await w.next();
    assert.equal(end.type, 'BOOKMARK');
    assert.deepEqual(end.object.metadata?.annotations, { 'k8s.io/initial-events-end': 'true' });
    const bookmarkRV = Number(end.object.metadata?.resourceVersion);
    await api.post(path).send(configMap('c'));
    let next = await w.next();
    while (next.type === 'BOOKMARK') next = await w.next();
    assert.equal(summary(next), 'ADDED c');
    assert.ok(Number(next.object.metadata?.resourceVersion) > bookmarkRV);
  });

  it('answers 422 to sendInitialEvents without resourceVersionMatch=NotOlderThan', async () => {
    const { path } = await namespaceWith();
    const res = await api.get(`${path}?watch=true&sendInitialEvents=true`);
    assertStatus(res, 422, 'Invalid', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan', {
      group: 'meta.k8s.io',
      kind: 'ListOptions',
      causes: [{ reason: 'FieldValueForbidden', message: 'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan', field: 'resourceVersionMatch' }],
    });
  });

  it('answers 422 to resourceVersionMatch on a watch without sendInitialEvents', async () => {
    const { path } = await namespaceWith();
    const res = await api.get(`${path}?watch=true&resourceVersion=1&resourceVersionMatch=NotOlderThan`);
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body.details.causes, [
      { reason: 'FieldValueForbidden', message: 'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided', field: 'resourceVersionMatch' },
    ]);
  });
});

describe('timeoutSeconds', () => {
  it('ends the stream cleanly after the timeout', async () => {
    const { path, rvs } = await namespaceWith('a');
    const started = Date.now();
    const w = await watch(`${path}?watch=true&resourceVersion=${rvs[0]}&timeoutSeconds=1`);
    await w.ended(4000);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 3500, `ended after ${elapsed} ms`);
    assert.equal(w.lines.length, 0);
  });
});

describe('representations', () => {
  it('streams Table events with one row each', async () => {
    const { path } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true`, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    assert.equal(w.headers['content-type'], 'application/json');
    const e = await w.next();
    assert.equal(e.type, 'ADDED');
    assert.equal(e.object.kind, 'Table');
    assert.equal(e.object.apiVersion, 'meta.k8s.io/v1');
    const rows = e.object.rows as Array<{ cells: unknown[]; object: { kind: string; metadata: { name: string } } }>;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].cells[0], 'a');
    assert.equal(rows[0].object.kind, 'PartialObjectMetadata');
    assert.ok(Array.isArray(e.object.columnDefinitions));
  });

  it('streams PartialObjectMetadata events', async () => {
    const { path } = await namespaceWith('a');
    const w = await watch(`${path}?watch=true`, { Accept: 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io' });
    const e = await w.next();
    assert.equal(e.object.kind, 'PartialObjectMetadata');
    assert.equal(e.object.apiVersion, 'meta.k8s.io/v1');
    assert.equal(e.object.metadata?.name, 'a');
    assert.equal(e.object.data, undefined);
  });
});
