// Discovery documents built from the built-in declarations, checked against K8S_REFERENCE.md §1
// (group order, legacy APIResourceList entries) and KUBECTL_WIRE.md §2 (aggregated discovery).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildDiscovery, type DiscoveryDocuments, type DiscoverySource } from '../../../src/discovery/documents.js';
import { compareGroups, compareVersions } from '../../../src/discovery/group-order.js';
import { builtinResources } from '../../../src/registry/builtin.js';
import type { ResourceDefinition, SubresourceDefinition } from '../../../src/registry/resource.js';

const STD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const GPU = ['get', 'patch', 'update'];
const ADDRESS = '127.0.0.1:6443';

/** K8S_REFERENCE.md §1.1: the groups of a default v1.32 cluster, in /apis order. */
const GROUP_ORDER = [
  'apiregistration.k8s.io',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io',
];

/** The subresources kubefake has handlers for (src/server/dispatch.ts). */
const HANDLED = new Set(['status', 'scale', 'binding', 'finalize']);
const servesHandled = (_d: ResourceDefinition, s: SubresourceDefinition): boolean => HANDLED.has(s.name);
const servesAll = (): boolean => true;

function build(serves: DiscoverySource['serves'] = servesAll, definitions: readonly ResourceDefinition[] = builtinResources): DiscoveryDocuments {
  return buildDiscovery({ definitions, serves, serverAddress: ADDRESS });
}

interface LegacyResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

interface AggregatedResource {
  resource: string;
  responseKind: { group: string; version: string; kind: string };
  scope: string;
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: { subresource: string; responseKind: { group: string; version: string; kind: string }; verbs: string[] }[];
}

interface AggregatedGroup {
  metadata: { name?: string; creationTimestamp: null };
  versions: { version: string; resources: AggregatedResource[]; freshness: string }[];
}

interface GroupEntry {
  name: string;
  versions: { groupVersion: string; version: string }[];
  preferredVersion: { groupVersion: string; version: string };
}

function legacyResources(docs: DiscoveryDocuments, gv: string): LegacyResource[] {
  const text = docs.resourceLists.get(gv);
  assert.ok(text, `no APIResourceList for ${gv}`);
  return (JSON.parse(text) as { resources: LegacyResource[] }).resources;
}

function legacyEntry(docs: DiscoveryDocuments, gv: string, name: string): LegacyResource {
  const found = legacyResources(docs, gv).find((r) => r.name === name);
  assert.ok(found, `${gv} lists no ${name}`);
  return found;
}

function aggregatedGroups(docs: DiscoveryDocuments, which: 'aggregatedApi' | 'aggregatedApis', dv = 'v2'): AggregatedGroup[] {
  const text = docs[which].get(dv);
  assert.ok(text);
  return (JSON.parse(text) as { items: AggregatedGroup[] }).items;
}

function aggregatedEntry(docs: DiscoveryDocuments, group: string, version: string, resource: string): AggregatedResource {
  const items = group ? aggregatedGroups(docs, 'aggregatedApis') : aggregatedGroups(docs, 'aggregatedApi');
  const g = items.find((i) => (i.metadata.name ?? '') === group);
  const found = g?.versions.find((v) => v.version === version)?.resources.find((r) => r.resource === resource);
  assert.ok(found, `aggregated ${group}/${version} lists no ${resource}`);
  return found;
}

describe('group order (K8S_REFERENCE.md §1.1)', () => {
  it('sorts the default groups by groupPriorityMinimum, the aggregator first, ties by name', () => {
    const shuffled = [...GROUP_ORDER].reverse();
    shuffled.push(shuffled.splice(3, 1)[0]);
    assert.deepEqual(shuffled.sort(compareGroups), GROUP_ORDER);
  });

  it('breaks the admissionregistration/apiextensions tie alphabetically', () => {
    assert.ok(compareGroups('admissionregistration.k8s.io', 'apiextensions.k8s.io') < 0);
    assert.ok(compareGroups('apiextensions.k8s.io', 'admissionregistration.k8s.io') > 0);
  });

  it('puts custom resource groups (priority 1000) after the built-in ones, by name', () => {
    assert.deepEqual(['zeta.example.com', 'flowcontrol.apiserver.k8s.io', 'alpha.example.com'].sort(compareGroups), [
      'flowcontrol.apiserver.k8s.io',
      'alpha.example.com',
      'zeta.example.com',
    ]);
  });

  it('orders versions by versionPriority: autoscaling v2 before v1', () => {
    assert.deepEqual(['v1', 'v2'].sort(compareVersions), ['v2', 'v1']);
  });

  // CRD versions are ordered by version.CompareKubeAwareVersionStrings: GA before beta before
  // alpha, higher numbers first, then anything else by name.
  it('orders other versions the Kubernetes-aware way', () => {
    assert.deepEqual(['v1alpha1', 'v1beta1', 'v3', 'v2beta2', 'v1', 'v2', 'foo'].sort(compareVersions), ['v3', 'v2', 'v1', 'v2beta2', 'v1beta1', 'v1alpha1', 'foo']);
  });

  it('lists the served groups of /apis and aggregated /apis in that order', () => {
    const docs = build();
    const served = new Set(builtinResources.map((d) => d.group).filter((g) => g));
    const expected = GROUP_ORDER.filter((g) => served.has(g));
    const legacy = (JSON.parse(docs.apiGroupList) as { groups: GroupEntry[] }).groups.map((g) => g.name);
    assert.deepEqual(legacy, expected);
    for (const dv of ['v2', 'v2beta1']) {
      assert.deepEqual(
        aggregatedGroups(docs, 'aggregatedApis', dv).map((g) => g.metadata.name),
        expected,
        dv,
      );
    }
  });
});

describe('legacy discovery: /api, /apis, /apis/<group>', () => {
  const docs = build();

  it('answers /api with APIVersions and the server address', () => {
    assert.deepEqual(JSON.parse(docs.apiVersions), {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: ADDRESS }],
    });
  });

  it('answers /apis with an APIGroupList whose entries carry every version and the preferred one', () => {
    const list = JSON.parse(docs.apiGroupList) as { kind: string; apiVersion: string; groups: GroupEntry[] };
    assert.equal(list.kind, 'APIGroupList');
    assert.equal(list.apiVersion, 'v1');
    assert.deepEqual(
      list.groups.find((g) => g.name === 'apps'),
      { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } },
    );
    assert.deepEqual(list.groups.find((g) => g.name === 'autoscaling')?.preferredVersion, { groupVersion: 'autoscaling/v2', version: 'v2' });
  });

  it('answers /apis/<group> with an APIGroup', () => {
    assert.deepEqual(JSON.parse(docs.apiGroup.get('batch') ?? '{}'), {
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'batch',
      versions: [{ groupVersion: 'batch/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'batch/v1', version: 'v1' },
    });
    assert.equal(docs.apiGroup.has(''), false);
  });

  it('keeps an APIResourceList for v1 and every group version', () => {
    const expected = ['v1', ...new Set(builtinResources.filter((d) => d.group).map((d) => `${d.group}/${d.version}`))].sort();
    assert.deepEqual([...docs.resourceLists.keys()].sort(), expected);
    const apps = JSON.parse(docs.resourceLists.get('apps/v1') ?? '{}') as { kind: string; apiVersion: string; groupVersion: string };
    assert.deepEqual([apps.kind, apps.apiVersion, apps.groupVersion], ['APIResourceList', 'v1', 'apps/v1']);
    const core = JSON.parse(docs.resourceLists.get('v1') ?? '{}') as { groupVersion: string };
    assert.equal(core.groupVersion, 'v1');
  });
});

describe('versions of one group (preferredVersion)', () => {
  const hpaV2 = builtinResources.find((d) => d.group === 'autoscaling' && d.plural === 'horizontalpodautoscalers');
  assert.ok(hpaV2);
  const docs = build(servesAll, [...builtinResources, { ...hpaV2, version: 'v1' }]);

  it('lists v2 before v1 and prefers v2', () => {
    const entry = (JSON.parse(docs.apiGroupList) as { groups: GroupEntry[] }).groups.find((g) => g.name === 'autoscaling');
    assert.deepEqual(entry, {
      name: 'autoscaling',
      versions: [
        { groupVersion: 'autoscaling/v2', version: 'v2' },
        { groupVersion: 'autoscaling/v1', version: 'v1' },
      ],
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    });
    const aggregated = aggregatedGroups(docs, 'aggregatedApis').find((g) => g.metadata.name === 'autoscaling');
    assert.deepEqual(
      aggregated?.versions.map((v) => v.version),
      ['v2', 'v1'],
    );
  });

  it('keeps one APIResourceList per version', () => {
    assert.ok(docs.resourceLists.has('autoscaling/v1'));
    assert.ok(docs.resourceLists.has('autoscaling/v2'));
  });
});

describe('legacy APIResourceList entries (K8S_REFERENCE.md §1.2)', () => {
  const docs = build();

  it('writes a resource with every field, in Go field order', () => {
    const pods = legacyEntry(docs, 'v1', 'pods');
    assert.equal(
      JSON.stringify(pods),
      JSON.stringify({
        name: 'pods',
        singularName: 'pod',
        namespaced: true,
        kind: 'Pod',
        verbs: STD,
        shortNames: ['po'],
        categories: ['all'],
        storageVersionHash: 'xPOwRZ+Yhw8=',
      }),
    );
  });

  it('writes a subresource with an empty singularName and no names, categories or hash', () => {
    assert.equal(JSON.stringify(legacyEntry(docs, 'v1', 'pods/status')), JSON.stringify({ name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: GPU }));
    assert.deepEqual(legacyEntry(docs, 'v1', 'pods/binding'), { name: 'pods/binding', singularName: '', namespaced: true, kind: 'Binding', verbs: ['create'] });
    assert.deepEqual(legacyEntry(docs, 'v1', 'namespaces/finalize'), { name: 'namespaces/finalize', singularName: '', namespaced: false, kind: 'Namespace', verbs: ['update'] });
  });

  it('names the group and version of a subresource whose kind comes from another group version', () => {
    assert.equal(
      JSON.stringify(legacyEntry(docs, 'apps/v1', 'deployments/scale')),
      JSON.stringify({ name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: GPU }),
    );
    assert.deepEqual(legacyEntry(docs, 'v1', 'replicationcontrollers/scale'), {
      name: 'replicationcontrollers/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: GPU,
    });
  });

  it('leaves group and version out when the subresource kind is of the same group version', () => {
    for (const [gv, name] of [['apps/v1', 'deployments/status'], ['v1', 'pods/binding'], ['batch/v1', 'jobs/status']]) {
      const entry = legacyEntry(docs, gv, name);
      assert.equal(Object.hasOwn(entry, 'group'), false, name);
      assert.equal(Object.hasOwn(entry, 'version'), false, name);
    }
  });

  it('lists entries in sorted path order, subresources after their resource', () => {
    for (const gv of docs.resourceLists.keys()) {
      const names = legacyResources(docs, gv).map((r) => r.name);
      assert.deepEqual(names, [...names].sort(), gv);
    }
    const core = legacyResources(docs, 'v1').map((r) => r.name);
    assert.deepEqual(core.slice(core.indexOf('namespaces'), core.indexOf('namespaces') + 4), ['namespaces', 'namespaces/finalize', 'namespaces/status', 'nodes']);
  });

  it('matches the reference for names, kinds, scope, verbs and short names', () => {
    const expected: [string, string, string, string, boolean, string[], string[] | undefined][] = [
      ['v1', 'configmaps', 'configmap', 'ConfigMap', true, STD, ['cm']],
      ['v1', 'namespaces', 'namespace', 'Namespace', false, STD.filter((v) => v !== 'deletecollection'), ['ns']],
      ['v1', 'nodes', 'node', 'Node', false, STD, ['no']],
      ['v1', 'services', 'service', 'Service', true, STD, ['svc']],
      ['apps/v1', 'deployments', 'deployment', 'Deployment', true, STD, ['deploy']],
      ['apps/v1', 'controllerrevisions', 'controllerrevision', 'ControllerRevision', true, STD, undefined],
      ['batch/v1', 'cronjobs', 'cronjob', 'CronJob', true, STD, ['cj']],
      ['events.k8s.io/v1', 'events', 'event', 'Event', true, STD, ['ev']],
      ['storage.k8s.io/v1', 'storageclasses', 'storageclass', 'StorageClass', false, STD, ['sc']],
      ['coordination.k8s.io/v1', 'leases', 'lease', 'Lease', true, STD, undefined],
    ];
    for (const [gv, name, singular, kind, namespaced, verbs, shortNames] of expected) {
      const entry = legacyEntry(docs, gv, name);
      assert.deepEqual([entry.singularName, entry.kind, entry.namespaced, entry.verbs, entry.shortNames], [singular, kind, namespaced, verbs, shortNames], `${gv} ${name}`);
    }
  });
});

describe('aggregated discovery (apidiscovery.k8s.io v2 and v2beta1)', () => {
  const docs = build(servesHandled);

  it('wraps both /api and /apis in an APIGroupDiscoveryList of each discovery version', () => {
    for (const dv of ['v2', 'v2beta1']) {
      for (const which of ['aggregatedApi', 'aggregatedApis'] as const) {
        const list = JSON.parse(docs[which].get(dv) ?? '{}') as { kind: string; apiVersion: string; metadata: object };
        assert.deepEqual([list.kind, list.apiVersion, list.metadata], ['APIGroupDiscoveryList', `apidiscovery.k8s.io/${dv}`, {}], `${which} ${dv}`);
      }
    }
  });

  it('serves the core group at /api as one nameless item with v1', () => {
    const items = aggregatedGroups(docs, 'aggregatedApi');
    assert.equal(items.length, 1);
    assert.deepEqual(items[0].metadata, { creationTimestamp: null });
    assert.deepEqual(
      items[0].versions.map((v) => [v.version, v.freshness]),
      [['v1', 'Current']],
    );
  });

  it('names each /apis group in its metadata', () => {
    for (const g of aggregatedGroups(docs, 'aggregatedApis')) {
      assert.deepEqual(Object.keys(g.metadata), ['name', 'creationTimestamp']);
      assert.equal(g.metadata.creationTimestamp, null);
      for (const v of g.versions) assert.equal(v.freshness, 'Current');
    }
  });

  it('writes deployments as KUBECTL_WIRE.md §2a shows, key order included', () => {
    assert.equal(
      JSON.stringify(aggregatedEntry(docs, 'apps', 'v1', 'deployments')),
      JSON.stringify({
        resource: 'deployments',
        responseKind: { group: '', version: '', kind: 'Deployment' },
        scope: 'Namespaced',
        singularResource: 'deployment',
        verbs: STD,
        shortNames: ['deploy'],
        categories: ['all'],
        subresources: [
          { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: GPU },
          { subresource: 'status', responseKind: { group: '', version: '', kind: 'Deployment' }, verbs: GPU },
        ],
      }),
    );
  });

  it('gives same-group-version kinds an empty group and version, core ones included', () => {
    const pods = aggregatedEntry(docs, '', 'v1', 'pods');
    assert.deepEqual(pods.responseKind, { group: '', version: '', kind: 'Pod' });
    assert.deepEqual(pods.subresources, [
      { subresource: 'binding', responseKind: { group: '', version: '', kind: 'Binding' }, verbs: ['create'] },
      { subresource: 'status', responseKind: { group: '', version: '', kind: 'Pod' }, verbs: GPU },
    ]);
    assert.deepEqual(aggregatedEntry(docs, '', 'v1', 'replicationcontrollers').subresources?.[0], {
      subresource: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: GPU,
    });
  });

  it('marks cluster-scoped resources Cluster', () => {
    assert.equal(aggregatedEntry(docs, '', 'v1', 'nodes').scope, 'Cluster');
    assert.equal(aggregatedEntry(docs, '', 'v1', 'namespaces').scope, 'Cluster');
    assert.equal(aggregatedEntry(docs, 'storage.k8s.io', 'v1', 'csistoragecapacities').scope, 'Namespaced');
  });

  it('leaves out empty shortNames, categories and subresources, and any storageVersionHash', () => {
    const leases = aggregatedEntry(docs, 'coordination.k8s.io', 'v1', 'leases');
    assert.deepEqual(Object.keys(leases), ['resource', 'responseKind', 'scope', 'singularResource', 'verbs']);
  });

  it('lists resources by name', () => {
    for (const g of [...aggregatedGroups(docs, 'aggregatedApi'), ...aggregatedGroups(docs, 'aggregatedApis')]) {
      for (const v of g.versions) {
        const names = v.resources.map((r) => r.resource);
        assert.deepEqual(names, [...names].sort(), `${g.metadata.name ?? 'core'}/${v.version}`);
      }
    }
  });
});

describe('the serves predicate', () => {
  it('lists only the subresources the server handles, in both forms', () => {
    const docs = build(servesHandled);
    assert.equal(legacyResources(docs, 'v1').some((r) => r.name === 'pods/log'), false);
    assert.ok(legacyResources(docs, 'v1').some((r) => r.name === 'pods/status'));
    assert.deepEqual(
      aggregatedEntry(docs, '', 'v1', 'pods').subresources?.map((s) => s.subresource),
      ['binding', 'status'],
    );
  });

  it('lists every declared subresource when it serves them all', () => {
    const docs = build(servesAll);
    assert.deepEqual(legacyEntry(docs, 'v1', 'pods/log'), { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    assert.deepEqual(
      aggregatedEntry(docs, '', 'v1', 'pods').subresources?.map((s) => s.subresource),
      ['binding', 'log', 'status'],
    );
  });

  it('drops the subresources key when nothing is served', () => {
    const docs = build(() => false);
    assert.equal(Object.hasOwn(aggregatedEntry(docs, 'apps', 'v1', 'deployments'), 'subresources'), false);
    assert.equal(legacyResources(docs, 'apps/v1').some((r) => r.name.includes('/')), false);
  });

  it('asks the predicate about each declared subresource with its resource', () => {
    const asked: string[] = [];
    build((d, s) => {
      asked.push(`${d.group}/${d.plural}/${s.name}`);
      return true;
    });
    assert.ok(asked.includes('apps/deployments/scale'));
    assert.ok(asked.includes('/namespaces/finalize'));
  });
});
