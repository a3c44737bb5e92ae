// CustomResourceDefinitions across a restart of the real process on LevelDB: the CRD and its
// custom resources come back with the same uid and resourceVersion and are served from the first
// request after the ready line, discovery lists the group, and a CRD deleted before the restart
// (with its custom resources) stays gone.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { makeTempDir, removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';

const KEPT_GROUP = 'kept.example.com';
const GONE_GROUP = 'gone.example.com';
const VERSION = 'v1';
const NS = 'default';
const MERGE = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);

interface Note extends k8s.KubernetesObject {
  spec?: { text?: string; replicas?: number };
  status?: { replicas?: number };
}

function noteCRD(group: string): k8s.V1CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `notes.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural: 'notes', singular: 'note', kind: 'Note', shortNames: ['nt'] },
      versions: [
        {
          name: VERSION,
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', properties: { text: { type: 'string' }, replicas: { type: 'integer', _default: 1 } } },
                status: { type: 'object', properties: { replicas: { type: 'integer' } } },
              },
            },
          },
        },
      ],
    },
  };
}

const notes = (group: string): { group: string; version: string; plural: string; namespace: string } => ({ group, version: VERSION, plural: 'notes', namespace: NS });

function note(group: string, name: string, text: string): Note {
  return { apiVersion: `${group}/${VERSION}`, kind: 'Note', metadata: { name, labels: { kept: 'yes' } }, spec: { text } };
}

interface Clients {
  kc: k8s.KubeConfig;
  extensions: k8s.ApiextensionsV1Api;
  custom: k8s.CustomObjectsApi;
}

function clientsOf(server: KubefakeProcess): Clients {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(server.kubeconfig);
  return { kc, extensions: kc.makeApiClient(k8s.ApiextensionsV1Api), custom: kc.makeApiClient(k8s.CustomObjectsApi) };
}

/** Polls (bounded) until check() resolves true. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const isEstablished = (crd: k8s.V1CustomResourceDefinition): boolean => Boolean(crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True'));

/** Whether a promise rejects with the given HTTP status. */
async function failsWith(promise: Promise<unknown>, code: number): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (err) {
    return (err as { code?: number }).code === code;
  }
}

function statusOf(err: unknown, code: number): { reason: string; message: string } {
  const e = err as { code?: number; body?: unknown };
  assert.equal(e.code, code, String(e.body));
  return JSON.parse(String(e.body)) as { reason: string; message: string };
}

/** name uid resourceVersion of each item, sorted. */
const summary = (items: k8s.KubernetesObject[]): string[] => items.map((i) => `${i.metadata?.name} ${i.metadata?.uid} ${i.metadata?.resourceVersion}`).sort();

interface Before {
  crd: k8s.V1CustomResourceDefinition;
  first: Note;
  items: Note[];
}

/** First run: the kept CRD with custom resources (one with status), the gone CRD created, used, deleted. */
async function populate({ extensions, custom }: Clients): Promise<Before> {
  for (const group of [KEPT_GROUP, GONE_GROUP]) {
    await extensions.createCustomResourceDefinition({ body: noteCRD(group) });
    await until(async () => isEstablished(await extensions.readCustomResourceDefinition({ name: `notes.${group}` })), `notes.${group} Established`);
  }
  await custom.createNamespacedCustomObject({ ...notes(KEPT_GROUP), body: note(KEPT_GROUP, 'first', 'hello') });
  await custom.createNamespacedCustomObject({ ...notes(KEPT_GROUP), body: note(KEPT_GROUP, 'second', 'world') });
  await custom.patchNamespacedCustomObjectStatus({ ...notes(KEPT_GROUP), name: 'first', body: { status: { replicas: 2 } } }, MERGE);
  await custom.createNamespacedCustomObject({ ...notes(GONE_GROUP), body: note(GONE_GROUP, 'doomed', 'bye') });

  await extensions.deleteCustomResourceDefinition({ name: `notes.${GONE_GROUP}` });
  await until(() => failsWith(extensions.readCustomResourceDefinition({ name: `notes.${GONE_GROUP}` }), 404), `notes.${GONE_GROUP} to go`);

  const list = (await custom.listNamespacedCustomObject(notes(KEPT_GROUP))) as k8s.KubernetesListObject<Note>;
  const first = (await custom.getNamespacedCustomObject({ ...notes(KEPT_GROUP), name: 'first' })) as Note;
  return { crd: await extensions.readCustomResourceDefinition({ name: `notes.${KEPT_GROUP}` }), first, items: list.items };
}

describe('CustomResourceDefinitions across a restart (level storage)', () => {
  const dirs: string[] = [];
  const running: KubefakeProcess[] = [];
  after(async () => {
    for (const server of running) await server.stop();
    for (const dir of dirs) await removeDir(dir);
  });

  const start = async (dataDir: string): Promise<KubefakeProcess> => {
    const server = await startKubefakeProcess({ dataDir, args: ['--storage', 'level'] });
    running.push(server);
    return server;
  };
  const stop = async (server: KubefakeProcess): Promise<void> => {
    assert.equal(await server.stop(), 0, `kubefake did not exit cleanly: ${server.stderr()}`);
    running.splice(running.indexOf(server), 1);
  };

  it('serves the custom resources at once after a restart, with the same uid and resourceVersion', async () => {
    const dataDir = await makeTempDir('kubefake-crd-durability-');
    dirs.push(dataDir);
    const firstRun = await start(dataDir);
    const before = await populate(clientsOf(firstRun));
    await stop(firstRun);

    const secondRun = await start(dataDir);
    const { kc, extensions, custom } = clientsOf(secondRun);
    // The very first request after the ready line, with no retry.
    const first = (await custom.getNamespacedCustomObject({ ...notes(KEPT_GROUP), name: 'first' })) as Note;
    assert.deepEqual(first, before.first);
    assert.deepEqual(first.spec, { text: 'hello', replicas: 1 });
    assert.deepEqual(first.status, { replicas: 2 });

    const list = (await custom.listNamespacedCustomObject({ ...notes(KEPT_GROUP), labelSelector: 'kept=yes' })) as k8s.KubernetesListObject<Note>;
    assert.deepEqual(summary(list.items), summary(before.items));
    assert.equal(list.items.length, 2);

    const crd = await extensions.readCustomResourceDefinition({ name: `notes.${KEPT_GROUP}` });
    assert.equal(crd.metadata?.uid, before.crd.metadata?.uid);
    assert.equal(crd.metadata?.resourceVersion, before.crd.metadata?.resourceVersion, 'the controller does not rewrite an unchanged status');
    assert.ok(isEstablished(crd));

    const maxBefore = Math.max(...before.items.map((i) => Number(i.metadata?.resourceVersion)), Number(before.crd.metadata?.resourceVersion));
    const patched = (await custom.patchNamespacedCustomObject({ ...notes(KEPT_GROUP), name: 'second', body: { spec: { text: 'again' } } }, MERGE)) as Note;
    assert.ok(Number(patched.metadata?.resourceVersion) > maxBefore, 'resourceVersions continue after the restart');
    assert.equal(patched.metadata?.generation, 2);

    const apis = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    const groups = apis.groups.map((g) => g.name);
    assert.ok(groups.includes(KEPT_GROUP), `discovery lists ${KEPT_GROUP}: ${groups.join(' ')}`);
    assert.ok(!groups.includes(GONE_GROUP), `discovery does not list ${GONE_GROUP}`);
    const kept = apis.groups.find((g) => g.name === KEPT_GROUP);
    assert.deepEqual({ ...kept?.preferredVersion }, { groupVersion: `${KEPT_GROUP}/${VERSION}`, version: VERSION });
    const resources = (await custom.getAPIResources({ group: KEPT_GROUP, version: VERSION })).resources.map((r) => `${r.name} ${r.kind} ${r.namespaced} ${(r.shortNames ?? []).join(',')}`);
    assert.deepEqual(resources, ['notes Note true nt', 'notes/status Note true ']);

    await stop(secondRun);
  });

  it('a CRD deleted before the restart stays gone, and so do its custom resources', async () => {
    const dataDir = await makeTempDir('kubefake-crd-durability-');
    dirs.push(dataDir);
    const firstRun = await start(dataDir);
    await populate(clientsOf(firstRun));
    await stop(firstRun);

    const secondRun = await start(dataDir);
    const { extensions, custom } = clientsOf(secondRun);
    await assert.rejects(custom.getNamespacedCustomObject({ ...notes(GONE_GROUP), name: 'doomed' }), (err: unknown) => {
      const e = err as { code?: number; body?: unknown };
      assert.equal(e.code, 404);
      assert.equal(e.body, '404 page not found\n', 'no CRD serves the group');
      return true;
    });
    await assert.rejects(extensions.readCustomResourceDefinition({ name: `notes.${GONE_GROUP}` }), (err: unknown) => {
      const status = statusOf(err, 404);
      assert.equal(status.reason, 'NotFound');
      assert.equal(status.message, `customresourcedefinitions.apiextensions.k8s.io "notes.${GONE_GROUP}" not found`);
      return true;
    });
    const names = (await extensions.listCustomResourceDefinition()).items.map((c) => c.metadata?.name);
    assert.deepEqual(names, [`notes.${KEPT_GROUP}`]);

    // Made again under the same name, the CRD starts empty: the old custom resources were deleted, not hidden.
    await extensions.createCustomResourceDefinition({ body: noteCRD(GONE_GROUP) });
    await until(async () => isEstablished(await extensions.readCustomResourceDefinition({ name: `notes.${GONE_GROUP}` })), 'the new CRD Established');
    const list = (await custom.listNamespacedCustomObject(notes(GONE_GROUP))) as k8s.KubernetesListObject<Note>;
    assert.deepEqual(list.items, []);

    await stop(secondRun);
  });
});
