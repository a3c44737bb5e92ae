import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, def, obj } from './helpers.js';

const template = { spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }], nodeSelector: { zone: 'a', disk: 'ssd' } } };

test('Deployment: Ready is readyReplicas/spec.replicas, counts are integer cells, selector string sorted by key', () => {
  const d = def('apps', 'deployments');
  const row = cells(d, obj({
    spec: { replicas: 3, template, selector: { matchLabels: { b: '2' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }] } },
    status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 1 },
  }));
  assert.deepEqual(row, {
    Name: 'x', Ready: '2/3', 'Up-to-date': 3, Available: 1, Age: '60m', Containers: 'web,side', Images: 'nginx,busybox', Selector: 'a in (x,y),b=2',
  });
  assert.equal(cells(d, obj({})).Ready, '0/0');
  assert.equal(cells(d, obj({ spec: { selector: { matchExpressions: [{ key: 'a', operator: 'Bogus' }] } } })).Selector, '<invalid>');
  assert.deepEqual(d.table!.columns.map((c) => [c.name, c.type, c.priority]), [
    ['Name', 'string', 0], ['Ready', 'string', 0], ['Up-to-date', 'string', 0], ['Available', 'string', 0], ['Age', 'string', 0],
    ['Containers', 'string', 1], ['Images', 'string', 1], ['Selector', 'string', 1],
  ]);
});

test('ReplicaSet and StatefulSet', () => {
  const rs = cells(def('apps', 'replicasets'), obj({ spec: { replicas: 2, template, selector: { matchLabels: { app: 'w' } } }, status: { replicas: 2, readyReplicas: 1 } }));
  assert.deepEqual([rs.Desired, rs.Current, rs.Ready, rs.Selector], [2, 2, 1, 'app=w']);
  assert.equal(cells(def('apps', 'replicasets'), obj({})).Selector, '<none>');
  const sts = cells(def('apps', 'statefulsets'), obj({ spec: { replicas: 3, template }, status: { readyReplicas: 3 } }));
  assert.deepEqual(sts, { Name: 'x', Ready: '3/3', Age: '60m', Containers: 'web,side', Images: 'nginx,busybox' });
});

test('DaemonSet: node selector as a label map, <none> without one', () => {
  const ds = def('apps', 'daemonsets');
  const row = cells(ds, obj({ spec: { template }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } }));
  assert.deepEqual([row.Desired, row.Current, row.Ready, row['Up-to-date'], row.Available, row['Node Selector']], [3, 3, 2, 3, 2, 'disk=ssd,zone=a']);
  assert.equal(cells(ds, obj({})) ['Node Selector'], '<none>');
});

test('Job: status, completions and duration', () => {
  const job = def('batch', 'jobs');
  const running = cells(job, obj({ spec: { completions: 3 }, status: { succeeded: 1, startTime: '2025-01-01T00:58:00Z' } }));
  assert.deepEqual([running.Status, running.Completions, running.Duration], ['Running', '1/3', '2m']);
  const done = cells(job, obj({
    spec: { parallelism: 1 },
    status: { succeeded: 1, startTime: '2025-01-01T00:00:00Z', completionTime: '2025-01-01T00:00:07Z', conditions: [{ type: 'Complete', status: 'True' }] },
  }));
  assert.deepEqual([done.Status, done.Completions, done.Duration], ['Complete', '1/1', '7s']);
  assert.equal(cells(job, obj({ spec: { parallelism: 4 } })).Completions, '0/1 of 4');
  assert.equal(cells(job, obj({})).Duration, '');
  const failed = { conditions: [{ type: 'FailureTarget', status: 'True' }, { type: 'Failed', status: 'True' }] };
  assert.equal(cells(job, obj({ status: failed })).Status, 'Failed');
  assert.equal(cells(job, obj({ status: { conditions: [{ type: 'FailureTarget', status: 'True' }] } })).Status, 'FailureTarget');
  assert.equal(cells(job, obj({ status: { conditions: [{ type: 'Suspended', status: 'True' }] } })).Status, 'Suspended');
  assert.equal(cells(job, obj({ status: { conditions: [{ type: 'Suspended', status: 'True' }] } }, { deletionTimestamp: '2025-01-01T00:30:00Z' })).Status, 'Terminating');
  assert.equal(cells(job, obj({ status: { conditions: [{ type: 'Complete', status: 'False' }] } })).Status, 'Running');
});

test('CronJob: suspend as True/False/<unset>, last schedule, time zone', () => {
  const cj = def('batch', 'cronjobs');
  const row = cells(cj, obj({
    spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template } } },
    status: { active: [{ name: 'a' }, { name: 'b' }], lastScheduleTime: '2025-01-01T00:55:00Z' },
  }));
  assert.deepEqual([row.Schedule, row.Timezone, row.Suspend, row.Active, row['Last Schedule'], row.Containers], ['*/5 * * * *', '<none>', 'False', 2, '5m', 'web,side']);
  const bare = cells(cj, obj({ spec: { timeZone: 'Etc/UTC', suspend: true } }));
  assert.deepEqual([bare.Timezone, bare.Suspend, bare.Active, bare['Last Schedule']], ['Etc/UTC', 'True', 0, '<none>']);
  assert.equal(cells(cj, obj({})).Suspend, '<unset>');
});

test('HPA targets: utilisation, values, averages and + N more...', () => {
  const hpa = def('autoscaling', 'horizontalpodautoscalers', 'v2');
  const metrics = [
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
    { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
  ];
  const none = cells(hpa, obj({ spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, metrics } }));
  assert.deepEqual([none.Reference, none.Targets, none.MinPods, none.MaxPods, none.Replicas], ['Deployment/web', 'cpu: <unknown>/80%, memory: <unknown>/100Mi + 1 more...', '<unset>', 5, 0]);
  const current = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12 } } }];
  const seen = cells(hpa, obj({ spec: { minReplicas: 1, metrics: metrics.slice(0, 1) }, status: { currentReplicas: 2, currentMetrics: current } }));
  assert.deepEqual([seen.Targets, seen.MinPods, seen.Replicas], ['cpu: 12%/80%', '1', 2]);
  const object = [{ type: 'Object', object: { target: { type: 'AverageValue', averageValue: '10' } } }, { type: 'External', external: { target: { type: 'Value', value: '3' } } }];
  assert.equal(cells(hpa, obj({ spec: { metrics: object } })).Targets, '<unknown>/10 (avg), <unknown>/3');
  assert.equal(cells(hpa, obj({ spec: {} })).Targets, '<none>');
  const v1 = def('autoscaling', 'horizontalpodautoscalers', 'v1');
  assert.equal(cells(v1, obj({ spec: { targetCPUUtilizationPercentage: 50 }, status: { currentCPUUtilizationPercentage: 7 } })).Targets, 'cpu: 7%/50%');
  assert.equal(cells(v1, obj({ spec: {} })).Targets, '<none>');
});

test('EndpointSlice: ports and endpoints, at most three then + N more...', () => {
  const eps = def('discovery.k8s.io', 'endpointslices');
  const row = cells(eps, obj({
    addressType: 'IPv4',
    ports: [{ name: 'http', port: 80 }, { name: 'named' }, {}, { port: 9090 }],
    endpoints: [{ addresses: ['10.0.0.1', '10.0.0.2'] }, { addresses: ['10.0.0.3'] }, { addresses: ['10.0.0.4', '10.0.0.5'] }],
  }));
  assert.deepEqual([row.AddressType, row.Ports, row.Endpoints], ['IPv4', '80,named,* + 1 more...', '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...']);
  const empty = cells(eps, obj({ addressType: 'IPv6' }));
  assert.deepEqual([empty.Ports, empty.Endpoints], ['<unset>', '<unset>']);
});

test('PodDisruptionBudget: int-or-string values or N/A', () => {
  const pdb = def('policy', 'poddisruptionbudgets');
  assert.deepEqual(cells(pdb, obj({ spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } })), {
    Name: 'x', 'Min Available': '2', 'Max Unavailable': 'N/A', 'Allowed Disruptions': 1, Age: '60m',
  });
  assert.equal(cells(pdb, obj({ spec: { maxUnavailable: '25%' } }))['Max Unavailable'], '25%');
});

test('Ingress: class, hosts, address, ports', () => {
  const ing = def('networking.k8s.io', 'ingresses');
  const row = cells(ing, obj({
    spec: { ingressClassName: 'nginx', rules: [{ host: 'a.io' }, {}, { host: 'b.io' }, { host: 'c.io' }, { host: 'd.io' }], tls: [{ hosts: ['a.io'] }] },
    status: { loadBalancer: { ingress: [{ ip: '10.0.0.9' }, { hostname: 'lb.example' }, { ip: '10.0.0.1' }, { ip: '10.0.0.9' }] } },
  }));
  assert.deepEqual([row.Class, row.Hosts, row.Address, row.Ports], ['nginx', 'a.io,b.io,c.io + 2 more...', '10.0.0.1,10.0.0.9,lb.example', '80, 443']);
  const bare = cells(ing, obj({ spec: { rules: [{}] } }));
  assert.deepEqual([bare.Class, bare.Hosts, bare.Address, bare.Ports], ['<none>', '*', '', '80']);
  assert.equal(cells(ing, obj({ spec: { rules: [{ host: 'a' }, { host: 'b' }, { host: 'c' }] } })).Hosts, 'a,b,c');
});

test('IngressClass and NetworkPolicy', () => {
  const ic = def('networking.k8s.io', 'ingressclasses');
  const withGroup = cells(ic, obj({ spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } } }));
  assert.deepEqual([withGroup.Controller, withGroup.Parameters], ['k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/p']);
  assert.equal(cells(ic, obj({ spec: { parameters: { kind: 'ConfigMap', name: 'c' } } })).Parameters, 'ConfigMap/c');
  assert.equal(cells(ic, obj({})).Parameters, '<none>');
  const np = def('networking.k8s.io', 'networkpolicies');
  assert.equal(cells(np, obj({ spec: { podSelector: {} } }))['Pod-Selector'], '<none>');
  assert.equal(cells(np, obj({ spec: { podSelector: { matchLabels: { role: 'db' } } } }))['Pod-Selector'], 'role=db');
});

test('StorageClass: (default) marker and defaults', () => {
  const sc = def('storage.k8s.io', 'storageclasses');
  const row = cells(sc, obj({ provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }));
  assert.deepEqual(row, {
    Name: 'x (default)', Provisioner: 'rancher.io/local-path', ReclaimPolicy: 'Delete', VolumeBindingMode: 'WaitForFirstConsumer', AllowVolumeExpansion: false, Age: '60m',
  });
  assert.equal(cells(sc, obj({}, { annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } })).Name, 'x (default)');
  assert.equal(cells(sc, obj({}, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } })).Name, 'x');
});

test('PriorityClass', () => {
  const pc = def('scheduling.k8s.io', 'priorityclasses');
  assert.deepEqual(cells(pc, obj({ value: 2000000000, preemptionPolicy: 'PreemptLowerPriority' })), {
    Name: 'x', Value: 2000000000, 'Global-Default': false, Age: '60m', PreemptionPolicy: 'PreemptLowerPriority',
  });
});

test('ControllerRevision: controller owner as kind.group/name, revision', () => {
  const cr = def('apps', 'controllerrevisions');
  const owners = [
    { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: '1' },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: '2', controller: true },
  ];
  assert.deepEqual(cells(cr, obj({ revision: 3 }, { ownerReferences: owners })), { Name: 'x', Controller: 'daemonset.apps/fluentd', Revision: 3, Age: '60m' });
  assert.equal(cells(cr, obj({}, { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: '1', controller: true }] })).Controller, 'pod/p');
  assert.equal(cells(cr, obj({})).Controller, '<none>');
});

test('Lease, CSI kinds, VolumeAttachment, CSIStorageCapacity default table', () => {
  assert.deepEqual(cells(def('coordination.k8s.io', 'leases'), obj({ spec: { holderIdentity: 'node-1' } })), { Name: 'x', Holder: 'node-1', Age: '60m' });
  assert.equal(cells(def('coordination.k8s.io', 'leases'), obj({ spec: {} })).Holder, '');
  const csi = cells(def('storage.k8s.io', 'csidrivers'), obj({ spec: { tokenRequests: [{ audience: 'a' }, { audience: 'b' }] } }));
  assert.deepEqual([csi.AttachRequired, csi.PodInfoOnMount, csi.StorageCapacity, csi.TokenRequests, csi.RequiresRepublish, csi.Modes], [true, false, false, 'a,b', false, '<none>']);
  assert.equal(cells(def('storage.k8s.io', 'csidrivers'), obj({})).TokenRequests, '<unset>');
  assert.equal(cells(def('storage.k8s.io', 'csinodes'), obj({ spec: { drivers: [{ name: 'd' }] } })).Drivers, 1);
  const va = cells(def('storage.k8s.io', 'volumeattachments'), obj({ spec: { attacher: 'csi.example', nodeName: 'n1', source: { persistentVolumeName: 'pv1' } }, status: { attached: true } }));
  assert.deepEqual([va.Attacher, va.PV, va.Node, va.Attached], ['csi.example', 'pv1', 'n1', true]);
  assert.deepEqual(cells(def('storage.k8s.io', 'csistoragecapacities'), obj({})), { Name: 'x', 'Created At': '2025-01-01T00:00:00Z' });
});

test('events.k8s.io Event: v1 fields printed as the core printer prints them', () => {
  const ev = def('events.k8s.io', 'events');
  const row = cells(ev, obj({
    eventTime: '2025-01-01T00:50:00.000000Z',
    reportingController: 'kubelet',
    reportingInstance: 'node-1',
    reason: 'Pulled',
    note: ' Image pulled \n',
    type: 'Normal',
    regarding: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
  }));
  assert.deepEqual(row, {
    'Last Seen': '10m', Type: 'Normal', Reason: 'Pulled', Object: 'pod/web-1', Subobject: 'spec.containers{web}', Source: 'kubelet, node-1',
    Message: 'Image pulled', 'First Seen': '10m', Count: 1, Name: 'x',
  });
  const series = cells(ev, obj({ series: { count: 4, lastObservedTime: '2025-01-01T00:59:00.000000Z' }, deprecatedFirstTimestamp: '2025-01-01T00:00:00Z', regarding: { kind: 'Node' } }));
  assert.deepEqual([series['Last Seen'], series['First Seen'], series.Count, series.Object, series.Source], ['60s', '60m', 4, 'node', '']);
  assert.equal(cells(ev, obj({ deprecatedCount: 3, deprecatedSource: { component: 'sched' } })).Count, 3);
});
