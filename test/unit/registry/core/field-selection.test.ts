import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodes } from '../../../../src/registry/core/nodes.js';
import { events } from '../../../../src/registry/core/events.js';
import { secrets } from '../../../../src/registry/core/secrets.js';
import { services } from '../../../../src/registry/core/services.js';
import { replicationcontrollers } from '../../../../src/registry/core/replicationcontrollers.js';
import type { ResourceDefinition } from '../../../../src/registry/resource.js';

function assertAccepts(def: ResourceDefinition, labels: string[]): void {
  for (const label of labels) assert.equal(def.fieldSelection!.convertLabel(label), label, `${def.plural} accepts ${label}`);
}
function assertRejects(def: ResourceDefinition, label: string): void {
  assert.throws(() => def.fieldSelection!.convertLabel(label), (e: Error & { status?: { code: number; reason?: string; message?: string } }) => {
    assert.equal(e.status?.code, 400);
    assert.equal(e.status?.reason, 'BadRequest');
    assert.equal(e.status?.message, `field label not supported: ${label}`);
    return true;
  });
}

test('node: spec.unschedulable as true/false, no metadata.namespace', () => {
  assertAccepts(nodes, ['metadata.name', 'spec.unschedulable']);
  assertRejects(nodes, 'metadata.namespace');
  assertRejects(nodes, 'status.phase');
  assert.deepEqual(nodes.fieldSelection!.fields({ metadata: { name: 'n' } }), { 'metadata.name': 'n', 'spec.unschedulable': 'false' });
  assert.equal(nodes.fieldSelection!.fields({ metadata: { name: 'n' }, spec: { unschedulable: true } })['spec.unschedulable'], 'true');
});

test('event: involvedObject.*, reason, source, reportingComponent, type', () => {
  assertAccepts(events, [
    'metadata.name',
    'metadata.namespace',
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ]);
  assertRejects(events, 'regarding.name');
  const ev = {
    metadata: { name: 'e', namespace: 'ns' },
    involvedObject: { kind: 'Pod', name: 'p', uid: 'u1' },
    reason: 'Started',
    type: 'Normal',
    reportingComponent: 'kubelet-ctl',
  };
  const fields = events.fieldSelection!.fields(ev);
  assert.equal(fields['involvedObject.kind'], 'Pod');
  assert.equal(fields['involvedObject.namespace'], '');
  assert.equal(fields.source, 'kubelet-ctl');
  assert.equal(fields.reportingComponent, 'kubelet-ctl');
  assert.equal(events.fieldSelection!.fields({ ...ev, source: { component: 'kubelet' } }).source, 'kubelet');
});

test('secret, service, replication controller field selectors', () => {
  assertAccepts(secrets, ['metadata.name', 'metadata.namespace', 'type']);
  assertRejects(secrets, 'data');
  assert.equal(secrets.fieldSelection!.fields({ metadata: { name: 's' }, type: 'kubernetes.io/tls' }).type, 'kubernetes.io/tls');
  assertAccepts(services, ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type']);
  assertRejects(services, 'spec.ports');
  assert.equal(services.fieldSelection!.fields({ metadata: { name: 's' }, spec: { type: 'NodePort', clusterIP: '10.0.0.3' } })['spec.clusterIP'], '10.0.0.3');
  assertAccepts(replicationcontrollers, ['metadata.name', 'metadata.namespace', 'status.replicas']);
  assertRejects(replicationcontrollers, 'spec.replicas');
  assert.equal(replicationcontrollers.fieldSelection!.fields({ metadata: { name: 'r' } })['status.replicas'], '0');
  assert.equal(replicationcontrollers.fieldSelection!.fields({ metadata: { name: 'r' }, status: { replicas: 3 } })['status.replicas'], '3');
});
