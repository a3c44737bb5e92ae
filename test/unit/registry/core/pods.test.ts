import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { pods } from '../../../../src/registry/core/pods.js';
import { podQOSClass } from '../../../../src/registry/core/pod-qos.js';
import type { ContainerStatus, Pod } from '../../../../src/registry/core/types.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');

function pod(fields: Partial<Pod>): Pod {
  return { metadata: { name: 'p', creationTimestamp: ago(300) }, spec: { containers: [{ name: 'a' }] }, ...fields };
}
/** READY, STATUS, RESTARTS of a pod's row. */
function cells(p: Pod): [unknown, unknown, unknown] {
  const row = pods.table!.row(p, NOW);
  return [row[1], row[2], row[3]];
}
const running: ContainerStatus = { name: 'a', ready: true, state: { running: { startedAt: ago(60) } } };

test('pod STATUS: Pending, ContainerCreating, Running', () => {
  assert.deepEqual(cells(pod({ status: { phase: 'Pending' } })), ['0/1', 'Pending', '0']);
  const creating = pod({ status: { phase: 'Pending', containerStatuses: [{ name: 'a', state: { waiting: { reason: 'ContainerCreating' } } }] } });
  assert.deepEqual(cells(creating), ['0/1', 'ContainerCreating', '0']);
  assert.deepEqual(cells(pod({ status: { phase: 'Running', containerStatuses: [running] } })), ['1/1', 'Running', '0']);
});

test('pod STATUS: CrashLoopBackOff with restarts and how long ago', () => {
  const crashing: ContainerStatus = {
    name: 'a',
    restartCount: 3,
    state: { waiting: { reason: 'CrashLoopBackOff' } },
    lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(130) } },
  };
  assert.deepEqual(cells(pod({ status: { phase: 'Running', containerStatuses: [crashing] } })), ['0/1', 'CrashLoopBackOff', '3 (2m10s ago)']);
  const noTime = { ...crashing, lastState: {} };
  assert.deepEqual(cells(pod({ status: { phase: 'Running', containerStatuses: [noTime] } })), ['0/1', 'CrashLoopBackOff', '3']);
});

test('pod STATUS: Completed, exit codes and signals, lowest failing container wins', () => {
  const done: ContainerStatus = { name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } };
  assert.deepEqual(cells(pod({ status: { phase: 'Succeeded', containerStatuses: [done] } })), ['0/1', 'Completed', '0']);
  const killed: ContainerStatus = { name: 'a', state: { terminated: { exitCode: 137, signal: 9 } } };
  assert.deepEqual(cells(pod({ status: { phase: 'Failed', containerStatuses: [killed] } }))[1], 'Signal:9');
  const exited: ContainerStatus = { name: 'a', state: { terminated: { exitCode: 2 } } };
  assert.deepEqual(cells(pod({ status: { phase: 'Failed', containerStatuses: [exited] } }))[1], 'ExitCode:2');
  const two = pod({
    spec: { containers: [{ name: 'a' }, { name: 'b' }] },
    status: { phase: 'Running', containerStatuses: [{ name: 'a', state: { waiting: { reason: 'ErrImagePull' } } }, { ...running, name: 'b' }] },
  });
  assert.deepEqual(cells(two), ['1/2', 'ErrImagePull', '0']);
});

test('pod STATUS: Completed next to a running container reads Running or NotReady', () => {
  const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
  const statuses: ContainerStatus[] = [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { ...running, name: 'b' }];
  const ready = pod({ spec, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses } });
  assert.deepEqual(cells(ready), ['1/2', 'Running', '0']);
  assert.deepEqual(cells(pod({ spec, status: { phase: 'Running', containerStatuses: statuses } })), ['1/2', 'NotReady', '0']);
});

test('pod STATUS: init containers', () => {
  const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] };
  const waiting = (reason: string): ContainerStatus => ({ name: 'i1', state: { waiting: { reason } } });
  assert.deepEqual(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [waiting('PodInitializing')] } })), ['0/1', 'Init:0/2', '0']);
  const firstDone: ContainerStatus = { name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } };
  const second: ContainerStatus = { name: 'i2', state: { running: {} } };
  assert.deepEqual(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [firstDone, second] } }))[1], 'Init:1/2');
  const looping = { ...waiting('CrashLoopBackOff'), restartCount: 4, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } };
  assert.deepEqual(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [looping] } })), ['0/1', 'Init:CrashLoopBackOff', '4 (30s ago)']);
  const failed: ContainerStatus = { name: 'i1', state: { terminated: { exitCode: 1, reason: 'Error' } } };
  assert.deepEqual(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [failed] } }))[1], 'Init:Error');
  const signalled: ContainerStatus = { name: 'i1', state: { terminated: { exitCode: 1, signal: 15 } } };
  assert.deepEqual(cells(pod({ spec, status: { phase: 'Pending', initContainerStatuses: [signalled] } }))[1], 'Init:Signal:15');
});

test('pod STATUS: sidecars count in READY and RESTARTS, plain init restarts are dropped once initialized', () => {
  const spec = { initContainers: [{ name: 'init' }, { name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
  const init: ContainerStatus = { name: 'init', restartCount: 5, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
  const side: ContainerStatus = {
    name: 'side',
    started: true,
    ready: true,
    restartCount: 2,
    state: { running: {} },
    lastState: { terminated: { exitCode: 1, finishedAt: ago(45) } },
  };
  const p = pod({ spec, status: { phase: 'Running', initContainerStatuses: [init, side], containerStatuses: [running] } });
  assert.deepEqual(cells(p), ['2/2', 'Running', '2 (45s ago)']);
});

test('pod STATUS: Terminating, Unknown for lost nodes, SchedulingGated', () => {
  const deleting = (phase: string, reason?: string): Pod =>
    pod({ metadata: { name: 'p', creationTimestamp: ago(9), deletionTimestamp: ago(-30) }, status: { phase, reason } });
  assert.equal(cells(deleting('Running'))[1], 'Terminating');
  assert.equal(cells(deleting('Running', 'NodeLost'))[1], 'Unknown');
  assert.equal(cells(deleting('Succeeded'))[1], 'Succeeded');
  const gated = pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } });
  assert.equal(cells(gated)[1], 'SchedulingGated');
});

test('pod wide columns: IP, node, nominated node, readiness gates', () => {
  const p = pod({
    spec: { nodeName: 'n1', containers: [{ name: 'a' }], readinessGates: [{ conditionType: 'x' }, { conditionType: 'y' }] },
    status: { phase: 'Running', podIPs: [{ ip: '10.0.0.5' }], nominatedNodeName: 'n2', conditions: [{ type: 'x', status: 'True' }, { type: 'y', status: 'False' }] },
  });
  assert.deepEqual(pods.table!.row(p, NOW).slice(4), ['5m', '10.0.0.5', 'n1', 'n2', '1/2']);
  assert.deepEqual(pods.table!.row(pod({}), NOW).slice(5), ['<none>', '<none>', '<none>', '<none>']);
});

test('pod QoS class', () => {
  const withResources = (resources: object[]): Pod => pod({ spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) } });
  assert.equal(podQOSClass(pod({})), 'BestEffort');
  assert.equal(podQOSClass(withResources([{ requests: { cpu: '100m' } }])), 'Burstable');
  assert.equal(podQOSClass(withResources([{ limits: { cpu: '1', memory: '1Gi' } }])), 'Guaranteed');
  assert.equal(podQOSClass(withResources([{ requests: { cpu: '1000m', memory: '1024Mi' }, limits: { cpu: '1', memory: '1Gi' } }])), 'Guaranteed');
  assert.equal(podQOSClass(withResources([{ limits: { cpu: '1', memory: '1Gi' } }, {}])), 'Burstable');
  assert.equal(podQOSClass(withResources([{ requests: { cpu: '0' } }])), 'BestEffort');
});

test('pod prepareForCreate: Pending, QoS class, scheduling-gated condition; client status dropped', () => {
  const p: KubeObject = pod({ status: { phase: 'Running', podIPs: [{ ip: '1.2.3.4' }] } });
  pods.strategy.prepareForCreate!(p);
  assert.deepEqual(p.status, { phase: 'Pending', qosClass: 'BestEffort' });
  const gated: KubeObject = pod({ spec: { containers: [{ name: 'a' }], schedulingGates: [{ name: 'g' }] } });
  pods.strategy.prepareForCreate!(gated);
  assert.deepEqual(gated.status, {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: null,
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ],
    qosClass: 'BestEffort',
  });
  assert.equal(pods.strategy.generationChanged, undefined);
});

test('pod grace period', () => {
  const grace = pods.strategy.gracePeriod!;
  const scheduled = (extra: Partial<Pod['spec']> = {}, phase = 'Running'): Pod => pod({ spec: { nodeName: 'n', ...extra }, status: { phase } });
  assert.equal(grace(scheduled(), undefined), 30);
  assert.equal(grace(scheduled({ terminationGracePeriodSeconds: 5 }), undefined), 5);
  assert.equal(grace(scheduled({ terminationGracePeriodSeconds: 5 }), 12), 12);
  assert.equal(grace(scheduled(), 0), 0);
  assert.equal(grace(scheduled(), -3), 1);
  assert.equal(grace(pod({ status: { phase: 'Running' } }), 10), 0);
  assert.equal(grace(scheduled({}, 'Succeeded'), 10), 0);
  assert.equal(grace(scheduled({}, 'Failed'), undefined), 0);
});

test('pod field selectors', () => {
  const sel = pods.fieldSelection!;
  assert.equal(sel.convertLabel('spec.host'), 'spec.nodeName');
  for (const label of ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName']) {
    assert.equal(sel.convertLabel(label), label);
  }
  assert.throws(() => sel.convertLabel('spec.containers'), (e: Error & { status?: { code: number; message: string } }) => {
    assert.equal(e.status?.code, 400);
    assert.equal(e.status?.message, 'field label not supported: spec.containers');
    return true;
  });
  const p = pod({ metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'n1', hostNetwork: true }, status: { phase: 'Running', podIPs: [{ ip: '10.1.1.1' }, { ip: 'fd00::1' }] } });
  const fields = sel.fields(p);
  assert.equal(fields['metadata.namespace'], 'ns');
  assert.equal(fields['spec.nodeName'], 'n1');
  assert.equal(fields['spec.hostNetwork'], 'true');
  assert.equal(fields['status.podIP'], '10.1.1.1');
  assert.equal(fields['status.podIPs'], undefined);
  assert.equal(sel.fields(pod({}))['spec.hostNetwork'], 'false');
  assert.equal(sel.fields(pod({}))['status.podIP'], '');
});
