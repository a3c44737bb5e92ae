// @kubernetes/client-node 1.4 with CustomResourceDefinitions against `kubefake start`: a CRD made
// with ApiextensionsV1Api and waited for (Established), then its custom resources through
// CustomObjectsApi (create, get, list by label, replace, merge and JSON patches, server-side apply,
// /status, /scale, delete), a Watch and an informer over them, the strategic merge refusal, and a
// cluster-scoped CRD.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { removeDir, startKubefakeProcess, type KubefakeProcess } from '../helpers/kubefake-process.js';
import { eventually } from '../helpers/kubectl.js';

const GROUP = 'kubefake.example.com';
const VERSION = 'v1';
const PLURAL = 'widgets';
const NS = 'default';
const WIDGETS = { group: GROUP, version: VERSION, plural: PLURAL, namespace: NS };

const MERGE = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
const JSON_PATCH = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch);
const SSA = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply);
const SMP = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch);

interface Widget extends k8s.KubernetesObject {
  spec?: { image?: string; replicas?: number };
  status?: { replicas?: number };
}

interface Scale extends k8s.KubernetesObject {
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
}

interface StatusBody {
  kind: string;
  apiVersion: string;
  metadata: object;
  status: string;
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: { reason: string; message: string; field: string }[] };
  code: number;
}

/** The Status body of a rejected request, after checking the HTTP status. */
function statusOf(err: unknown, code: number): StatusBody {
  const e = err as { code?: number; body?: unknown };
  assert.equal(e.code, code, String(e.body));
  return JSON.parse(String(e.body)) as StatusBody;
}

function widgetCRD(scope: 'Namespaced' | 'Cluster', plural: string, kind: string): k8s.V1CustomResourceDefinition {
  const replicas: k8s.V1JSONSchemaProps = { type: 'integer', minimum: 1, maximum: 10, _default: 1 };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${GROUP}` },
    spec: {
      group: GROUP,
      scope,
      names: { plural, singular: kind.toLowerCase(), kind },
      versions: [
        {
          name: VERSION,
          served: true,
          storage: true,
          subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', properties: { image: { type: 'string' }, replicas } },
                status: { type: 'object', properties: { replicas: { type: 'integer' } } },
              },
            },
          },
        },
      ],
    },
  };
}

function widget(name: string, spec: Widget['spec'], labels?: Record<string, string>): Widget {
  return { apiVersion: `${GROUP}/${VERSION}`, kind: 'Widget', metadata: { name, namespace: NS, labels }, spec };
}

/** Polls the CRD (bounded) until its Established condition is True. */
async function established(api: k8s.ApiextensionsV1Api, name: string): Promise<k8s.V1CustomResourceDefinition> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const crd = await api.readCustomResourceDefinition({ name });
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return crd;
    if (Date.now() > deadline) throw new Error(`${name} was not Established within 10 s: ${JSON.stringify(crd.status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const managers = (obj: k8s.KubernetesObject): string[] => (obj.metadata?.managedFields ?? []).map((m) => `${m.manager}/${m.operation}`).sort();

describe('@kubernetes/client-node with a CustomResourceDefinition', () => {
  let server: KubefakeProcess;
  let kc: k8s.KubeConfig;
  let extensions: k8s.ApiextensionsV1Api;
  let custom: k8s.CustomObjectsApi;
  let deletedBack: { uid?: string; response: unknown } | undefined;

  const get = async (name: string): Promise<Widget> => (await custom.getNamespacedCustomObject({ ...WIDGETS, name })) as Widget;

  before(async () => {
    server = await startKubefakeProcess({ args: ['--storage', 'memory'] });
    kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfig);
    extensions = kc.makeApiClient(k8s.ApiextensionsV1Api);
    custom = kc.makeApiClient(k8s.CustomObjectsApi);
  });
  after(async () => {
    await server.stop();
    await removeDir(server.dataDir);
  });

  it('creates the CRD with ApiextensionsV1Api and it becomes Established', async () => {
    const created = await extensions.createCustomResourceDefinition({ body: widgetCRD('Namespaced', PLURAL, 'Widget') });
    assert.equal(created.metadata?.name, `${PLURAL}.${GROUP}`);
    assert.equal(created.metadata?.generation, 1);
    const crd = await established(extensions, `${PLURAL}.${GROUP}`);
    const conditions = Object.fromEntries((crd.status?.conditions ?? []).map((c) => [c.type, `${c.status}/${c.reason}/${c.message}`]));
    assert.deepEqual(conditions, {
      NamesAccepted: 'True/NoConflicts/no conflicts found',
      Established: 'True/InitialNamesAccepted/the initial names have been accepted',
    });
    assert.ok(crd.status?.conditions?.every((c) => c.lastTransitionTime instanceof Date));
    assert.deepEqual({ ...crd.status?.acceptedNames }, { plural: PLURAL, singular: 'widget', kind: 'Widget', listKind: 'WidgetList' });
    assert.deepEqual(crd.status?.storedVersions, [VERSION]);
    assert.equal(crd.metadata?.finalizers, undefined, 'the cleanup finalizer comes with the first DELETE');
  });

  it('creates, gets and lists custom resources with a labelSelector', async () => {
    const front = (await custom.createNamespacedCustomObject({ ...WIDGETS, body: widget('front', { image: 'nginx' }, { tier: 'front' }) })) as Widget;
    assert.equal(front.apiVersion, `${GROUP}/${VERSION}`);
    assert.equal(front.kind, 'Widget');
    assert.equal(front.metadata?.generation, 1);
    assert.match(front.metadata?.uid ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(front.spec, { image: 'nginx', replicas: 1 }, 'the schema default');
    await custom.createNamespacedCustomObject({ ...WIDGETS, body: widget('back', { image: 'redis', replicas: 2 }, { tier: 'back' }) });

    assert.deepEqual(await get('front'), front);
    const list = (await custom.listNamespacedCustomObject({ ...WIDGETS, labelSelector: 'tier=front' })) as k8s.KubernetesListObject<Widget>;
    assert.equal(list.apiVersion, `${GROUP}/${VERSION}`);
    assert.equal(list.kind, 'WidgetList');
    assert.match(list.metadata?.resourceVersion ?? '', /^\d+$/);
    assert.deepEqual(list.items.map((w) => w.metadata?.name), ['front']);
    const all = (await custom.listNamespacedCustomObject({ ...WIDGETS, labelSelector: 'tier in (front,back)' })) as k8s.KubernetesListObject<Widget>;
    assert.deepEqual(all.items.map((w) => w.metadata?.name), ['back', 'front']);

    await assert.rejects(custom.createNamespacedCustomObject({ ...WIDGETS, body: widget('front', { image: 'nginx' }) }), (err: unknown) => {
      const status = statusOf(err, 409);
      assert.equal(status.reason, 'AlreadyExists');
      assert.equal(status.message, `widgets.${GROUP} "front" already exists`);
      assert.deepEqual(status.details, { name: 'front', group: GROUP, kind: PLURAL });
      return true;
    });
    await assert.rejects(get('missing'), (err: unknown) => {
      const status = statusOf(err, 404);
      assert.equal(status.message, `widgets.${GROUP} "missing" not found`);
      assert.deepEqual(status.details, { name: 'missing', group: GROUP, kind: PLURAL });
      return true;
    });
  });

  it('validates against the schema: 422 with the field error', async () => {
    await assert.rejects(custom.createNamespacedCustomObject({ ...WIDGETS, body: widget('huge', { replicas: 20 }) }), (err: unknown) => {
      const status = statusOf(err, 422);
      assert.equal(status.reason, 'Invalid');
      assert.equal(status.message, `Widget.${GROUP} "huge" is invalid: spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10`);
      assert.deepEqual(status.details?.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: 20: spec.replicas in body should be less than or equal to 10', field: 'spec.replicas' }]);
      return true;
    });
  });

  it('replaces, moving the generation, and refuses a stale resourceVersion with 409', async () => {
    const current = await get('front');
    const replaced = (await custom.replaceNamespacedCustomObject({ ...WIDGETS, name: 'front', body: { ...current, spec: { image: 'nginx:1.27', replicas: 3 } } })) as Widget;
    assert.deepEqual(replaced.spec, { image: 'nginx:1.27', replicas: 3 });
    assert.equal(replaced.metadata?.generation, 2);
    assert.equal(replaced.metadata?.uid, current.metadata?.uid);
    assert.ok(Number(replaced.metadata?.resourceVersion) > Number(current.metadata?.resourceVersion));
    await assert.rejects(custom.replaceNamespacedCustomObject({ ...WIDGETS, name: 'front', body: current }), (err: unknown) => {
      const status = statusOf(err, 409);
      assert.equal(status.reason, 'Conflict');
      assert.equal(status.message, `Operation cannot be fulfilled on widgets.${GROUP} "front": the object has been modified; please apply your changes to the latest version and try again`);
      return true;
    });
  });

  it('merge-patches with the MergePatch Content-Type and JSON-patches with the JsonPatch one', async () => {
    const merged = (await custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'front', body: { spec: { image: 'nginx:1.28' }, status: { replicas: 9 } } }, MERGE)) as Widget;
    assert.deepEqual(merged.spec, { image: 'nginx:1.28', replicas: 3 });
    assert.equal(merged.status, undefined, 'status is written only through /status');
    assert.equal(merged.metadata?.generation, 3);
    const jsonPatched = (await custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'front', body: [{ op: 'replace', path: '/spec/replicas', value: 4 }] }, JSON_PATCH)) as Widget;
    assert.deepEqual(jsonPatched.spec, { image: 'nginx:1.28', replicas: 4 });
    assert.equal(jsonPatched.metadata?.generation, 4);
  });

  it('client-node sends application/json-patch+json when no Content-Type is set: an object body is a 400', async () => {
    await assert.rejects(custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'front', body: { spec: { image: 'busybox' } } }), (err: unknown) => {
      const status = statusOf(err, 400);
      assert.equal(status.reason, 'BadRequest');
      assert.equal(status.message, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      return true;
    });
  });

  it('answers a strategic merge patch with 415 and the accepted media types', async () => {
    await assert.rejects(custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'front', body: { spec: { image: 'busybox' } } }, SMP), (err: unknown) => {
      assert.deepEqual(statusOf(err, 415), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
        reason: 'UnsupportedMediaType',
        code: 415,
      });
      return true;
    });
    assert.equal((await get('front')).spec?.image, 'nginx:1.28');
  });

  it('server-side applies with a fieldManager, conflicts with another manager, and takes the field with force', async () => {
    const applied = (await custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'applied', body: widget('applied', { image: 'nginx' }), fieldManager: 'operator' }, SSA)) as Widget;
    assert.deepEqual(applied.spec, { image: 'nginx', replicas: 1 });
    assert.equal(applied.metadata?.generation, 1);
    assert.deepEqual(managers(applied), ['operator/Apply']);
    assert.equal(applied.metadata?.managedFields?.[0].apiVersion, `${GROUP}/${VERSION}`);
    assert.deepEqual(applied.metadata?.managedFields?.[0].fieldsV1, { 'f:spec': { 'f:image': {} } });

    const other = widget('applied', { image: 'redis' });
    await assert.rejects(custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'applied', body: other, fieldManager: 'rival' }, SSA), (err: unknown) => {
      const status = statusOf(err, 409);
      assert.equal(status.reason, 'Conflict');
      assert.equal(status.message, 'Apply failed with 1 conflict: conflict with "operator": .spec.image');
      assert.deepEqual(status.details?.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "operator"', field: '.spec.image' }]);
      return true;
    });
    const forced = (await custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'applied', body: other, fieldManager: 'rival', force: true }, SSA)) as Widget;
    assert.equal(forced.spec?.image, 'redis');
    assert.equal(forced.metadata?.generation, 2);
    assert.deepEqual(managers(forced), ['rival/Apply']);
  });

  it('writes status through /status only (patch and replace)', async () => {
    const patched = (await custom.patchNamespacedCustomObjectStatus({ ...WIDGETS, name: 'front', body: { status: { replicas: 2 }, spec: { image: 'ignored' } } }, MERGE)) as Widget;
    assert.deepEqual(patched.status, { replicas: 2 });
    assert.equal(patched.spec?.image, 'nginx:1.28', 'spec is not written through /status');
    assert.equal(patched.metadata?.generation, 4, 'a status write leaves the generation');
    const read = (await custom.getNamespacedCustomObjectStatus({ ...WIDGETS, name: 'front' })) as Widget;
    assert.deepEqual(read, patched);

    const replaced = (await custom.replaceNamespacedCustomObjectStatus({ ...WIDGETS, name: 'front', body: { ...read, status: { replicas: 3 }, spec: { image: 'ignored', replicas: 9 } } })) as Widget;
    assert.deepEqual(replaced.status, { replicas: 3 });
    assert.deepEqual(replaced.spec, { image: 'nginx:1.28', replicas: 4 });
    assert.equal(replaced.metadata?.generation, 4);
  });

  it('reads and writes the scale subresource as autoscaling/v1 Scale', async () => {
    const current = await get('front');
    const scale = (await custom.getNamespacedCustomObjectScale({ ...WIDGETS, name: 'front' })) as Scale;
    assert.deepEqual({ ...scale, status: { replicas: scale.status?.replicas } }, {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: 'front',
        namespace: NS,
        uid: current.metadata?.uid,
        resourceVersion: current.metadata?.resourceVersion,
        creationTimestamp: current.metadata?.creationTimestamp,
      },
      spec: { replicas: 4 },
      status: { replicas: 3 },
    });

    const patched = (await custom.patchNamespacedCustomObjectScale({ ...WIDGETS, name: 'front', body: { spec: { replicas: 5 } } }, MERGE)) as Scale;
    assert.equal(patched.kind, 'Scale');
    assert.equal(patched.spec?.replicas, 5);
    const afterPatch = await get('front');
    assert.equal(afterPatch.spec?.replicas, 5);
    assert.equal(afterPatch.metadata?.generation, 5);
    assert.equal(patched.metadata?.resourceVersion, afterPatch.metadata?.resourceVersion);

    const replaced = (await custom.replaceNamespacedCustomObjectScale({ ...WIDGETS, name: 'front', body: { ...patched, spec: { replicas: 6 } } })) as Scale;
    assert.equal(replaced.spec?.replicas, 6);
    assert.equal((await get('front')).spec?.replicas, 6);

    await assert.rejects(custom.patchNamespacedCustomObjectScale({ ...WIDGETS, name: 'front', body: { spec: { replicas: 20 } } }, MERGE), (err: unknown) => {
      const status = statusOf(err, 422);
      assert.equal(status.message, `Widget.${GROUP} "front" is invalid: spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10`);
      return true;
    });
  });

  it(
    'the Scale of a CRD without labelSelectorPath has no status.selector (ScaleStatus.selector is omitempty)',
    async () => {
      const scale = (await custom.getNamespacedCustomObjectScale({ ...WIDGETS, name: 'front' })) as Scale;
      assert.deepEqual(scale.status, { replicas: 3 });
    },
  );

  it('deletes a custom resource', async () => {
    const back = await get('back');
    deletedBack = { uid: back.metadata?.uid, response: await custom.deleteNamespacedCustomObject({ ...WIDGETS, name: 'back' }) };
    await assert.rejects(get('back'), (err: unknown) => statusOf(err, 404).message === `widgets.${GROUP} "back" not found`);
  });

  it(
    'answers the delete with a Success Status naming the object (the custom resource store does not return deleted objects)',
    () => {
      assert.deepEqual(deletedBack?.response, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name: 'back', group: GROUP, kind: PLURAL, uid: deletedBack?.uid },
      });
    },
  );

  it('a Watch sees ADDED, MODIFIED and DELETED in order', async () => {
    const list = (await custom.listNamespacedCustomObject(WIDGETS)) as k8s.KubernetesListObject<Widget>;
    const events: string[] = [];
    let ended: unknown = 'open';
    const watch = new k8s.Watch(kc);
    const controller = await watch.watch(
      `/apis/${GROUP}/${VERSION}/namespaces/${NS}/${PLURAL}`,
      { resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: false },
      (phase, obj: Widget) => events.push(`${phase} ${obj.kind} ${obj.metadata?.name} ${obj.spec?.image}`),
      (err) => (ended = err),
    );
    try {
      await custom.createNamespacedCustomObject({ ...WIDGETS, body: widget('watched', { image: 'a' }) });
      await custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'watched', body: { spec: { image: 'b' } } }, MERGE);
      await custom.deleteNamespacedCustomObject({ ...WIDGETS, name: 'watched' });
      await eventually(() => events.length >= 3, 10000, 'three watch events');
      assert.deepEqual(events, ['ADDED Widget watched a', 'MODIFIED Widget watched b', 'DELETED Widget watched b']);
      assert.equal(ended, 'open', 'the watch stays open');
    } finally {
      controller.abort();
    }
  });

  it('an informer over the custom resources sees add, update and delete', async () => {
    const informer = k8s.makeInformer<Widget>(
      kc,
      `/apis/${GROUP}/${VERSION}/namespaces/${NS}/${PLURAL}`,
      async () => (await custom.listNamespacedCustomObject(WIDGETS)) as k8s.KubernetesListObject<Widget>,
    );
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => seen.push(`update ${o.metadata?.name} ${o.spec?.image}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    await informer.start();
    try {
      await eventually(() => seen.length >= 2, 10000, 'the initial list');
      assert.deepEqual([...seen].sort(), ['add applied', 'add front']);
      await custom.createNamespacedCustomObject({ ...WIDGETS, body: widget('informed', { image: 'one' }) });
      await eventually(() => seen.includes('add informed'), 10000, 'the add');
      await custom.patchNamespacedCustomObject({ ...WIDGETS, name: 'informed', body: { spec: { image: 'two' } } }, MERGE);
      await eventually(() => seen.includes('update informed two'), 10000, 'the update');
      await custom.deleteNamespacedCustomObject({ ...WIDGETS, name: 'informed' });
      await eventually(() => seen.includes('delete informed'), 10000, 'the delete');
      assert.deepEqual(seen.slice(2), ['add informed', 'update informed two', 'delete informed']);
      assert.deepEqual(informer.list(NS).map((o) => o.metadata?.name).sort(), ['applied', 'front']);
    } finally {
      await informer.stop();
    }
  });

  it(
    'list items keep their apiVersion and kind, as an UnstructuredList encodes them',
    async () => {
      const list = (await custom.listNamespacedCustomObject(WIDGETS)) as k8s.KubernetesListObject<Widget>;
      assert.deepEqual(
        list.items.map((w) => `${w.apiVersion} ${w.kind} ${w.metadata?.name}`),
        [`${GROUP}/${VERSION} Widget applied`, `${GROUP}/${VERSION} Widget front`],
      );
    },
  );

  it(
    'encodes custom resources with their keys sorted, as Go encodes unstructured maps',
    async () => {
      const front = (await get('front')) as Widget & Record<string, unknown>;
      assert.deepEqual(Object.keys(front), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
      assert.deepEqual(Object.keys(front.metadata ?? {}), ['creationTimestamp', 'generation', 'labels', 'managedFields', 'name', 'namespace', 'resourceVersion', 'uid']);
      assert.deepEqual(Object.keys(front.metadata?.managedFields?.[0] ?? {}), ['apiVersion', 'fieldsType', 'fieldsV1', 'manager', 'operation', 'time']);
      const list = (await custom.listNamespacedCustomObject(WIDGETS)) as Record<string, unknown>;
      assert.deepEqual(Object.keys(list), ['apiVersion', 'items', 'kind', 'metadata']);
    },
  );

  it('serves a cluster-scoped CRD through the cluster custom object calls', async () => {
    const gadgets = { group: GROUP, version: VERSION, plural: 'gadgets' };
    await extensions.createCustomResourceDefinition({ body: widgetCRD('Cluster', 'gadgets', 'Gadget') });
    await established(extensions, `gadgets.${GROUP}`);
    const body = { apiVersion: `${GROUP}/${VERSION}`, kind: 'Gadget', metadata: { name: 'global', labels: { size: 'big' } }, spec: { image: 'x' } };
    const created = (await custom.createClusterCustomObject({ ...gadgets, body })) as Widget;
    assert.equal(created.metadata?.namespace, undefined);
    assert.deepEqual(created.spec, { image: 'x', replicas: 1 });
    assert.deepEqual(await custom.getClusterCustomObject({ ...gadgets, name: 'global' }), created);
    const list = (await custom.listClusterCustomObject({ ...gadgets, labelSelector: 'size=big' })) as k8s.KubernetesListObject<Widget>;
    assert.equal(list.kind, 'GadgetList');
    assert.deepEqual(list.items.map((g) => g.metadata?.name), ['global']);

    const patched = (await custom.patchClusterCustomObjectStatus({ ...gadgets, name: 'global', body: { status: { replicas: 1 } } }, MERGE)) as Widget;
    assert.deepEqual(patched.status, { replicas: 1 });
    const scale = (await custom.getClusterCustomObjectScale({ ...gadgets, name: 'global' })) as Scale;
    assert.equal(scale.metadata?.namespace, undefined);
    assert.deepEqual({ spec: scale.spec, status: scale.status?.replicas }, { spec: { replicas: 1 }, status: 1 });

    // A namespaced path to a cluster-scoped CRD falls through crdHandler to the plain Go NotFound handler.
    await assert.rejects(custom.getNamespacedCustomObject({ ...gadgets, namespace: NS, name: 'global' }), (err: unknown) => {
      const e = err as { code?: number; body?: unknown };
      assert.equal(e.code, 404);
      assert.equal(e.body, '404 page not found\n');
      return true;
    });
    await custom.deleteClusterCustomObject({ ...gadgets, name: 'global' });
    await assert.rejects(custom.getClusterCustomObject({ ...gadgets, name: 'global' }), (err: unknown) => statusOf(err, 404).message === `gadgets.${GROUP} "global" not found`);
  });
});
