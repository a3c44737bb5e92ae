import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupResources } from '../../../../src/registry/groups.js';
import { STANDARD_VERBS } from '../../../../src/registry/resource.js';
import { def, NOW } from './helpers.js';

const MINIMAL = { metadata: { name: 'x', creationTimestamp: '2025-01-01T00:00:00Z' } };

test('every definition prints a minimal object with one cell per column', () => {
  for (const d of groupResources) {
    assert.ok(d.table, `${d.group}/${d.version} ${d.plural} has a table`);
    const row = d.table.row(structuredClone(MINIMAL), NOW);
    assert.equal(row.length, d.table.columns.length, `${d.group}/${d.version} ${d.plural}`);
  }
});

test('every definition has standard verbs, a hash, a field selection, and exactly one name column', () => {
  for (const d of groupResources) {
    assert.deepEqual(d.verbs, STANDARD_VERBS);
    assert.match(d.storageVersionHash ?? '', /^[A-Za-z0-9+/]{11}=$/, d.plural);
    assert.ok(d.fieldSelection, d.plural);
    assert.equal(d.table!.columns.filter((c) => c.name === 'Name').length, 1, d.plural);
  }
});

test('group versions are those of K8S_REFERENCE.md §1.2, plurals alphabetical inside each', () => {
  const byGv = new Map<string, string[]>();
  for (const d of groupResources) byGv.set(`${d.group}/${d.version}`, [...(byGv.get(`${d.group}/${d.version}`) ?? []), d.plural]);
  assert.deepEqual(Object.fromEntries(byGv), {
    'apps/v1': ['controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'],
    'events.k8s.io/v1': ['events'],
    'autoscaling/v2': ['horizontalpodautoscalers'],
    'autoscaling/v1': ['horizontalpodautoscalers'],
    'batch/v1': ['cronjobs', 'jobs'],
    'networking.k8s.io/v1': ['ingressclasses', 'ingresses', 'networkpolicies'],
    'policy/v1': ['poddisruptionbudgets'],
    'storage.k8s.io/v1': ['csidrivers', 'csinodes', 'csistoragecapacities', 'storageclasses', 'volumeattachments'],
    'scheduling.k8s.io/v1': ['priorityclasses'],
    'coordination.k8s.io/v1': ['leases'],
    'discovery.k8s.io/v1': ['endpointslices'],
  });
});

test('scale subresources speak autoscaling/v1 Scale; status where the reference lists it', () => {
  const subs = Object.fromEntries(groupResources.map((d) => [`${d.plural}.${d.group}/${d.version}`, (d.subresources ?? []).map((s) => s.name)]));
  assert.deepEqual(subs['deployments.apps/v1'], ['scale', 'status']);
  assert.deepEqual(subs['statefulsets.apps/v1'], ['scale', 'status']);
  assert.deepEqual(subs['daemonsets.apps/v1'], ['status']);
  assert.deepEqual(subs['controllerrevisions.apps/v1'], []);
  assert.deepEqual(subs['volumeattachments.storage.k8s.io/v1'], ['status']);
  assert.deepEqual(subs['storageclasses.storage.k8s.io/v1'], []);
  const scale = def('apps', 'replicasets').subresources!.find((s) => s.name === 'scale');
  assert.deepEqual(scale?.responseKind, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  assert.deepEqual(scale?.verbs, ['get', 'patch', 'update']);
});

test('short names, categories and scope', () => {
  assert.deepEqual(def('apps', 'deployments').shortNames, ['deploy']);
  assert.deepEqual(def('batch', 'cronjobs').shortNames, ['cj']);
  assert.equal(def('batch', 'jobs').shortNames, undefined);
  assert.deepEqual(def('networking.k8s.io', 'networkpolicies').shortNames, ['netpol']);
  assert.deepEqual(def('events.k8s.io', 'events').shortNames, ['ev']);
  const all = groupResources.filter((d) => d.categories?.includes('all')).map((d) => `${d.plural}/${d.version}`);
  assert.deepEqual(all, [
    'daemonsets/v1',
    'deployments/v1',
    'replicasets/v1',
    'statefulsets/v1',
    'horizontalpodautoscalers/v2',
    'horizontalpodautoscalers/v1',
    'cronjobs/v1',
    'jobs/v1',
  ]);
  const cluster = groupResources.filter((d) => !d.namespaced).map((d) => d.plural);
  assert.deepEqual(cluster, ['ingressclasses', 'csidrivers', 'csinodes', 'storageclasses', 'volumeattachments', 'priorityclasses']);
});
