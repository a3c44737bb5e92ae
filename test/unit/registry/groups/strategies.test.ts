import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/api/types.js';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import { groupResources } from '../../../../src/registry/groups.js';
import { def, obj } from './helpers.js';

const changed = (group: string, plural: string, before: KubeObject, after: KubeObject): boolean => {
  const rule = def(group, plural).strategy.generationChanged;
  assert.ok(rule, `${plural} keeps a generation`);
  return rule(after, before);
};

/** The update rules these tests are about: immutability. Full object validation has its own suite. */
const errors = (group: string, plural: string, before: KubeObject, after: KubeObject): string[] =>
  (def(group, plural).strategy.validateUpdate?.(after, before) ?? []).map(fieldErrorString).filter((e) => /immutable|Forbidden: updates to|may not be changed/.test(e));

test('kinds that keep metadata.generation, and those that do not', () => {
  const keeping = groupResources.filter((d) => d.strategy.generationChanged).map((d) => d.plural);
  assert.deepEqual(keeping, [
    'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'cronjobs', 'jobs', 'ingressclasses', 'ingresses', 'networkpolicies',
    'poddisruptionbudgets', 'priorityclasses', 'endpointslices',
  ]);
});

test('spec changes bump the generation of the spec-driven kinds; status and labels do not', () => {
  const kinds: [string, string][] = [
    ['apps', 'replicasets'], ['apps', 'statefulsets'], ['apps', 'daemonsets'], ['batch', 'jobs'], ['batch', 'cronjobs'],
    ['policy', 'poddisruptionbudgets'], ['networking.k8s.io', 'ingresses'], ['networking.k8s.io', 'ingressclasses'], ['networking.k8s.io', 'networkpolicies'],
  ];
  const before = obj({ spec: { a: 1, nested: { b: [1, 2] } }, status: { x: 1 } });
  for (const [group, plural] of kinds) {
    assert.equal(changed(group, plural, before, obj({ spec: { nested: { b: [1, 2] }, a: 1 }, status: { x: 2 } }, { labels: { l: 'v' } })), false, plural);
    assert.equal(changed(group, plural, before, obj({ spec: { a: 1, nested: { b: [2, 1] } } })), true, plural);
    assert.equal(changed(group, plural, before, obj({ spec: { a: 1, nested: { b: [1, 2] } } }, { annotations: { k: 'v' } })), false, plural);
  }
});

test('Deployment: spec or annotations', () => {
  const before = obj({ spec: { replicas: 1 } }, { annotations: { a: '1' } });
  assert.equal(changed('apps', 'deployments', before, obj({ spec: { replicas: 1 } }, { annotations: { a: '1' } })), false);
  assert.equal(changed('apps', 'deployments', before, obj({ spec: { replicas: 2 } }, { annotations: { a: '1' } })), true);
  assert.equal(changed('apps', 'deployments', before, obj({ spec: { replicas: 1 } }, { annotations: { a: '2' } })), true);
  assert.equal(changed('apps', 'deployments', before, obj({ spec: { replicas: 1 } }, { annotations: { a: '1' }, labels: { l: 'x' } })), false);
});

test('EndpointSlice: anything outside metadata, or labels', () => {
  const before = obj({ addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'] }] }, { labels: { svc: 'a' } });
  const same = obj({ addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'] }] }, { labels: { svc: 'a' }, annotations: { x: 'y' } });
  assert.equal(changed('discovery.k8s.io', 'endpointslices', before, same), false);
  assert.equal(changed('discovery.k8s.io', 'endpointslices', before, { ...same, apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' }), false);
  assert.equal(changed('discovery.k8s.io', 'endpointslices', before, obj({ addressType: 'IPv4', endpoints: [] }, { labels: { svc: 'a' } })), true);
  assert.equal(changed('discovery.k8s.io', 'endpointslices', before, obj({ addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'] }] }, { labels: { svc: 'b' } })), true);
});

test('PriorityClass: generation 1 and never bumped; value and preemptionPolicy fixed', () => {
  assert.equal(changed('scheduling.k8s.io', 'priorityclasses', obj({ value: 1 }), obj({ value: 2, description: 'd' })), false);
  assert.deepEqual(errors('scheduling.k8s.io', 'priorityclasses', obj({ value: 1 }), obj({ value: 2 })), ['value: Forbidden: may not be changed in an update.']);
  assert.deepEqual(errors('scheduling.k8s.io', 'priorityclasses', obj({ value: 1 }), obj({ value: 1, preemptionPolicy: 'Never' })), [
    'preemptionPolicy: Invalid value: "Never": field is immutable',
  ]);
  assert.deepEqual(errors('scheduling.k8s.io', 'priorityclasses', obj({ value: 1 }), obj({ value: 1, description: 'changed' })), []);
});

test('status starts as Kubernetes serializes an empty status', () => {
  const created = (group: string, plural: string, version?: string): unknown => {
    const o = obj({ status: { replicas: 9 } });
    def(group, plural, version).strategy.prepareForCreate?.(o);
    return o.status;
  };
  assert.deepEqual(created('apps', 'deployments'), {});
  assert.deepEqual(created('apps', 'replicasets'), { replicas: 0 });
  assert.deepEqual(created('apps', 'statefulsets'), { replicas: 0, availableReplicas: 0 });
  assert.deepEqual(created('batch', 'jobs'), {});
  assert.deepEqual(created('batch', 'cronjobs'), {});
  assert.deepEqual(created('networking.k8s.io', 'ingresses'), { loadBalancer: {} });
  assert.deepEqual(created('policy', 'poddisruptionbudgets'), { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
  assert.deepEqual(created('autoscaling', 'horizontalpodautoscalers', 'v2'), { desiredReplicas: 0 });
  assert.deepEqual(created('autoscaling', 'horizontalpodautoscalers', 'v1'), { currentReplicas: 0, desiredReplicas: 0 });
  assert.deepEqual(created('storage.k8s.io', 'volumeattachments'), { attached: false });
});

test('DaemonSet: template generation annotation 1 on create, +1 when the template changes', () => {
  const strategy = def('apps', 'daemonsets').strategy;
  const key = 'deprecated.daemonset.template.generation';
  const created = obj({ spec: { template: { spec: { containers: [{ name: 'a', image: 'v1' }] } } } });
  strategy.prepareForCreate?.(created);
  assert.equal(created.metadata.annotations?.[key], '1');
  assert.deepEqual(created.status, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });

  const sameTemplate = obj({ spec: { template: { spec: { containers: [{ name: 'a', image: 'v1' }] } }, minReadySeconds: 5 } }, { annotations: { [key]: '7' } });
  strategy.prepareForUpdate?.(sameTemplate, created);
  assert.equal(sameTemplate.metadata.annotations?.[key], '1');
  assert.equal(strategy.generationChanged?.(sameTemplate, created), true);

  const newTemplate = obj({ spec: { template: { spec: { containers: [{ name: 'a', image: 'v2' }] } } } });
  strategy.prepareForUpdate?.(newTemplate, created);
  assert.equal(newTemplate.metadata.annotations?.[key], '2');

  const kept = obj({}, { annotations: { [key]: '4' } });
  strategy.prepareForCreate?.(kept);
  assert.equal(kept.metadata.annotations?.[key], '4');
});

test('selectors are immutable in apps/v1 and batch/v1', () => {
  const before = obj({ spec: { selector: { matchLabels: { app: 'a' } } } });
  const after = obj({ spec: { selector: { matchLabels: { app: 'b' } } } });
  for (const [group, plural] of [['apps', 'deployments'], ['apps', 'replicasets'], ['apps', 'daemonsets'], ['batch', 'jobs']]) {
    const errs = errors(group!, plural!, before, after);
    assert.equal(errs.length, 1, plural);
    assert.match(errs[0]!, /^spec\.selector: Invalid value: .*: field is immutable$/, plural);
    assert.deepEqual(errors(group!, plural!, before, obj({ spec: { selector: { matchLabels: { app: 'a' } } } })), [], plural);
  }
});

test('StatefulSet: only the listed spec fields may change', () => {
  const before = obj({ spec: { replicas: 1, serviceName: 's', volumeClaimTemplates: [] } });
  assert.deepEqual(errors('apps', 'statefulsets', before, obj({ spec: { replicas: 5, serviceName: 's', volumeClaimTemplates: [], minReadySeconds: 3, template: {} } })), []);
  assert.deepEqual(errors('apps', 'statefulsets', before, obj({ spec: { replicas: 1, serviceName: 't', volumeClaimTemplates: [] } })), [
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  ]);
});

test('Job: template fixed except scheduling directives of a suspended, never started Job; completions fixed unless elastic', () => {
  const template = (nodeSelector: Record<string, string>, image = 'i') => ({ metadata: { labels: { a: 'b' } }, spec: { nodeSelector, containers: [{ name: 'c', image }] } });
  const suspended = obj({ spec: { suspend: true, template: template({ zone: 'a' }) } });
  assert.deepEqual(errors('batch', 'jobs', suspended, obj({ spec: { suspend: true, template: template({ zone: 'b' }) } })), []);
  assert.equal(errors('batch', 'jobs', suspended, obj({ spec: { suspend: true, template: template({ zone: 'a' }, 'j') } })).length, 1);
  const started = obj({ spec: { suspend: true, template: template({ zone: 'a' }) }, status: { startTime: '2025-01-01T00:00:00Z' } });
  const errs = errors('batch', 'jobs', started, obj({ spec: { suspend: true, template: template({ zone: 'b' }) } }));
  assert.equal(errs.length, 1);
  assert.match(errs[0]!, /^spec\.template: Invalid value: .*: field is immutable$/);
  assert.deepEqual(errors('batch', 'jobs', obj({ spec: { completions: 2 } }), obj({ spec: { completions: 3 } })), ['spec.completions: Invalid value: 3: field is immutable']);
  const indexed = (n: number) => obj({ spec: { completionMode: 'Indexed', completions: n, parallelism: n } });
  assert.deepEqual(errors('batch', 'jobs', indexed(2), indexed(4)), []);
  assert.equal(def('batch', 'jobs').strategy.defaultGCPolicy, 'Orphan');
  assert.equal(def('batch', 'cronjobs').strategy.defaultGCPolicy, undefined);
});

test('CronJob names are at most 52 characters', () => {
  const nameErrors = (o: KubeObject): string[] => def('batch', 'cronjobs').strategy.validate!(o).map(fieldErrorString).filter((e) => e.startsWith('metadata.name'));
  assert.deepEqual(nameErrors(obj({}, { name: 'a'.repeat(52) })), []);
  assert.deepEqual(nameErrors(obj({}, { name: 'a'.repeat(53) })), [`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`]);
});

test('other immutable fields', () => {
  assert.deepEqual(errors('networking.k8s.io', 'ingressclasses', obj({ spec: { controller: 'a' } }), obj({ spec: { controller: 'b' } })), [
    'spec.controller: Invalid value: "b": field is immutable',
  ]);
  assert.deepEqual(errors('discovery.k8s.io', 'endpointslices', obj({ addressType: 'IPv4' }), obj({ addressType: 'IPv6' })), ['addressType: Invalid value: "IPv6": field is immutable']);
  assert.deepEqual(errors('storage.k8s.io', 'storageclasses', obj({ provisioner: 'a', parameters: { x: '1' } }), obj({ provisioner: 'b', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' })), [
    'parameters: Forbidden: updates to parameters are forbidden.',
    'provisioner: Forbidden: updates to provisioner are forbidden.',
    'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
    'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
  ]);
  assert.deepEqual(errors('storage.k8s.io', 'storageclasses', obj({ provisioner: 'a' }), obj({ provisioner: 'a', reclaimPolicy: 'Delete', allowVolumeExpansion: true })), []);
  assert.equal(errors('storage.k8s.io', 'volumeattachments', obj({ spec: { nodeName: 'a' } }), obj({ spec: { nodeName: 'b' } })).length, 1);
  assert.equal(errors('apps', 'controllerrevisions', obj({ data: { a: 1 }, revision: 1 }), obj({ data: { a: 2 }, revision: 1 })).length, 1);
  assert.deepEqual(errors('apps', 'controllerrevisions', obj({ data: { a: 1 }, revision: 1 }), obj({ data: { a: 1 }, revision: 2 })), []);
});
