import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { nodes } from '../../../../src/registry/core/nodes.js';
import { services } from '../../../../src/registry/core/services.js';
import { endpoints } from '../../../../src/registry/core/endpoints.js';
import { events } from '../../../../src/registry/core/events.js';
import { resourcequotas } from '../../../../src/registry/core/resourcequotas.js';
import { persistentvolumes } from '../../../../src/registry/core/persistentvolumes.js';
import { persistentvolumeclaims } from '../../../../src/registry/core/persistentvolumeclaims.js';
import { podtemplates } from '../../../../src/registry/core/podtemplates.js';
import { replicationcontrollers } from '../../../../src/registry/core/replicationcontrollers.js';
import { configmaps } from '../../../../src/registry/core/configmaps.js';
import { secrets } from '../../../../src/registry/core/secrets.js';
import { serviceaccounts } from '../../../../src/registry/core/serviceaccounts.js';
import { namespaces } from '../../../../src/registry/core/namespaces.js';
import type { ResourceDefinition } from '../../../../src/registry/resource.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
const obj = (fields: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'x', creationTimestamp: ago(3600), ...meta },
  ...fields,
});
const row = (def: ResourceDefinition, o: KubeObject) => def.table!.row(o, NOW);
const cell = (def: ResourceDefinition, o: KubeObject, column: string) => row(def, o)[def.table!.columns.findIndex((c) => c.name === column)];

test('node: status from the Ready condition, SchedulingDisabled, roles, addresses', () => {
  const ready = { conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }] };
  assert.equal(cell(nodes, obj({ status: ready }), 'Status'), 'Ready');
  assert.equal(cell(nodes, obj({ status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }), 'Status'), 'NotReady');
  assert.equal(cell(nodes, obj({}), 'Status'), 'Unknown');
  assert.equal(cell(nodes, obj({ spec: { unschedulable: true }, status: ready }), 'Status'), 'Ready,SchedulingDisabled');
  const labels = { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/': 'x', 'kubernetes.io/role': 'gpu' };
  assert.equal(cell(nodes, obj({}, { labels }), 'Roles'), 'control-plane,gpu,worker');
  assert.equal(cell(nodes, obj({}), 'Roles'), '<none>');
  const status = {
    addresses: [{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '10.0.0.2' }],
    nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian', kernelVersion: '6.1', containerRuntimeVersion: 'containerd://1.7' },
  };
  assert.deepEqual(row(nodes, obj({ status })).slice(3), ['60m', 'v1.32.0', '10.0.0.2', '<none>', 'Debian', '6.1', 'containerd://1.7']);
  assert.deepEqual(row(nodes, obj({})).slice(7), ['<unknown>', '<unknown>', '<unknown>']);
});

test('service: cluster IP, external IPs by type, ports, selector', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => obj({ spec, status });
  const ports = [{ port: 80, protocol: 'TCP' }, { port: 53, nodePort: 30053, protocol: 'UDP' }];
  assert.deepEqual(row(services, svc({ type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports, selector: { b: '2', a: '1' } })), [
    'x',
    'ClusterIP',
    '10.96.0.1',
    '<none>',
    '80/TCP,53:30053/UDP',
    '60m',
    'a=1,b=2',
  ]);
  assert.equal(cell(services, svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }), 'Cluster-IP'), 'None');
  assert.equal(cell(services, svc({ type: 'ExternalName', externalName: 'example.com' }), 'Cluster-IP'), '<none>');
  assert.equal(cell(services, svc({ type: 'ExternalName', externalName: 'example.com' }), 'External-IP'), 'example.com');
  assert.equal(cell(services, svc({ type: 'NodePort', externalIPs: ['1.1.1.1', '2.2.2.2'] }), 'External-IP'), '1.1.1.1,2.2.2.2');
  assert.equal(cell(services, svc({ type: 'LoadBalancer' }, { loadBalancer: {} }), 'External-IP'), '<pending>');
  const ingress = [{ ip: '5.5.5.5' }, { hostname: 'lb.example.com' }, { ip: '3.3.3.3' }, { ip: '5.5.5.5' }];
  assert.equal(cell(services, svc({ type: 'LoadBalancer', externalIPs: ['9.9.9.9'] }, { loadBalancer: { ingress } }), 'External-IP'), '3.3.3.3,5.5.5.5,lb.example.com,9.9.9.9');
  assert.equal(cell(services, svc({}), 'External-IP'), '<unknown>');
  assert.equal(cell(services, svc({}), 'Port(s)'), '<none>');
  assert.equal(cell(services, svc({}), 'Selector'), '<none>');
});

test('service prepareForCreate resets status to an empty load balancer', () => {
  const s = obj({ spec: {}, status: { loadBalancer: { ingress: [{ ip: '1.1.1.1' }] } } });
  services.strategy.prepareForCreate!(s);
  assert.deepEqual(s.status, { loadBalancer: {} });
});

test('endpoints: ip:port pairs, bare addresses without ports, + N more...', () => {
  assert.equal(cell(endpoints, obj({}), 'Endpoints'), '<none>');
  const subsets = [
    { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] },
    { addresses: [{ ip: 'fd00::1' }], ports: [{ port: 8080 }] },
  ];
  assert.equal(cell(endpoints, obj({ subsets }), 'Endpoints'), '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...');
  assert.equal(cell(endpoints, obj({ subsets: [subsets[1]] }), 'Endpoints'), '[fd00::1]:8080');
  assert.equal(cell(endpoints, obj({ subsets: [{ addresses: [{ ip: '10.0.0.9' }] }] }), 'Endpoints'), '10.0.0.9');
});

test('event cells: times, object, source, count, trimmed message', () => {
  const ev = obj(
    {
      involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
      reason: 'Pulled',
      message: '  Successfully pulled image  \n',
      type: 'Normal',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(600),
      lastTimestamp: ago(30),
      count: 4,
    },
    { name: 'web-1.abc' },
  );
  assert.deepEqual(row(events, ev), ['30s', 'Normal', 'Pulled', 'pod/web-1', 'spec.containers{web}', 'kubelet, node-1', 'Successfully pulled image', '10m', 4, 'web-1.abc']);
  const modern = obj({
    involvedObject: { kind: 'Node' },
    eventTime: '2025-01-01T11:59:00.123456Z',
    reportingComponent: 'kube-scheduler',
    reportingInstance: 'sched-1',
    type: 'Warning',
  });
  assert.deepEqual(row(events, modern), ['59s', 'Warning', '', 'node', '', 'kube-scheduler, sched-1', '', '59s', 1, 'x']);
  const series = obj({ involvedObject: { kind: 'Pod', name: 'p' }, source: { component: 'kubelet' }, firstTimestamp: ago(900), series: { count: 7, lastObservedTime: '2025-01-01T11:59:50.000000Z' } });
  const r = row(events, series);
  assert.deepEqual([r[0], r[5], r[7], r[8]], ['10s', 'kubelet', '15m', 7]);
  assert.equal(row(events, obj({}))[0], '<unknown>');
});

test('resource quota: used/hard split into Request and Limit', () => {
  const status = {
    hard: { 'requests.cpu': '2', 'limits.memory': '2Gi', pods: '10', 'limits.cpu': '4' },
    used: { 'requests.cpu': '500m', 'limits.memory': '1Gi', 'limits.cpu': '1' },
  };
  assert.deepEqual(row(resourcequotas, obj({ status })), ['x', '60m', 'pods: 0/10, requests.cpu: 500m/2', 'limits.cpu: 1/4, limits.memory: 1Gi/2Gi']);
  assert.deepEqual(row(resourcequotas, obj({})).slice(2), ['', '']);
  const q = obj({ spec: { hard: { pods: '1' } }, status: { hard: { pods: '9' } } });
  resourcequotas.strategy.prepareForCreate!(q);
  assert.deepEqual(q.status, {});
});

test('persistent volume cells', () => {
  const pv = obj(
    {
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: 'ns', name: 'data' },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    },
    { annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' } },
  );
  assert.deepEqual(row(persistentvolumes, pv), ['x', '10Gi', 'RWO,RWX', 'Retain', 'Bound', 'ns/data', 'legacy', '<unset>', '', '60m', 'Filesystem']);
  const deleting = obj({ spec: { storageClassName: 'fast' }, status: { phase: 'Released', reason: 'Oops' } }, { deletionTimestamp: ago(1) });
  assert.deepEqual(row(persistentvolumes, deleting), ['x', '0', '', '', 'Terminating', '', 'fast', '<unset>', 'Oops', '60m', '<unset>']);
  const created = obj({ status: { phase: 'Bound' } });
  persistentvolumes.strategy.prepareForCreate!(created);
  const status = created.status as { phase: string; lastPhaseTransitionTime: string };
  assert.equal(status.phase, 'Pending');
  assert.match(status.lastPhaseTransitionTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('persistent volume claim cells: capacity and modes only once bound', () => {
  const status = { phase: 'Bound', capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOncePod'] };
  const bound = obj({ spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeAttributesClassName: 'gold' }, status });
  assert.deepEqual(row(persistentvolumeclaims, bound), ['x', 'Bound', 'pv-1', '5Gi', 'RWOP', 'standard', 'gold', '60m', '<unset>']);
  const pending = obj({ spec: {}, status: { phase: 'Pending', capacity: { storage: '5Gi' } } });
  assert.deepEqual(row(persistentvolumeclaims, pending), ['x', 'Pending', '', '', '', '', '<unset>', '60m', '<unset>']);
  const created = obj({ status: { phase: 'Bound' } });
  persistentvolumeclaims.strategy.prepareForCreate!(created);
  assert.deepEqual(created.status, { phase: 'Pending' });
});

test('pod template, replication controller, configmap, secret, service account, namespace cells', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] } };
  assert.deepEqual(row(podtemplates, obj({ template })), ['x', 'a,b', 'nginx,busybox', 'app=web']);
  const rc = obj({ spec: { replicas: 3, selector: { app: 'web' }, template }, status: { replicas: 2, readyReplicas: 1 } });
  assert.deepEqual(row(replicationcontrollers, rc), ['x', 3, 2, 1, '60m', 'a,b', 'nginx,busybox', 'app=web']);
  assert.deepEqual(row(configmaps, obj({ data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } })), ['x', 3, '60m']);
  assert.deepEqual(row(secrets, obj({ type: 'Opaque', data: { a: 'MQ==' } })), ['x', 'Opaque', 1, '60m']);
  assert.deepEqual(row(serviceaccounts, obj({ secrets: [{ name: 's' }] })), ['x', 1, '60m']);
  assert.deepEqual(row(serviceaccounts, obj({})), ['x', 0, '60m']);
  assert.deepEqual(row(namespaces, obj({ status: { phase: 'Terminating' } })), ['x', 'Terminating', '60m']);
});
