import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { validateEvent } from '../../../../src/validation/kinds/event.js';
import { validateLease } from '../../../../src/validation/kinds/lease.js';
import { validateNamespace } from '../../../../src/validation/kinds/namespace.js';
import { validateNode, validateNodeUpdate } from '../../../../src/validation/kinds/node.js';
import { validatePodDisruptionBudget } from '../../../../src/validation/kinds/policy.js';
import { render } from './helpers.js';

type Case = [string, Record<string, unknown>, string[]];
const object = (body: Record<string, unknown>, namespace?: string): KubeObject =>
  structuredClone({ ...body, metadata: { name: 'x', ...(namespace === undefined ? {} : { namespace }), ...(body.metadata as object) } }) as KubeObject;

function table(name: string, validate: (o: KubeObject) => ReturnType<typeof validateLease>, cases: Case[], namespace?: string): void {
  describe(name, () => {
    for (const [title, body, expected] of cases) it(title, () => assert.deepEqual(render(validate(object(body, namespace))), expected));
  });
}

const QUALIFIED =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

table('validateNamespace', validateNamespace, [
  ['standard finalizer', { spec: { finalizers: ['kubernetes'] } }, []],
  ['domain-prefixed finalizer', { spec: { finalizers: ['example.com/cleanup'] } }, []],
  ['unknown bare finalizer', { spec: { finalizers: ['cleanup'] } }, ['spec.finalizers: Unsupported value: "cleanup": supported values: "foregroundDeletion", "kubernetes", "orphan"']],
  ['malformed finalizer', { spec: { finalizers: ['example.com/-x'] } }, [`spec.finalizers: Invalid value: "example.com/-x": ${QUALIFIED}`]],
]);

table('validateLease', validateLease, [
  ['a valid lease', { spec: { holderIdentity: 'a', leaseDurationSeconds: 15, leaseTransitions: 0 } }, []],
  ['zero duration', { spec: { leaseDurationSeconds: 0 } }, ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
  ['negative transitions', { spec: { leaseTransitions: -1 } }, ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0']],
  ['preferred holder without strategy', { spec: { preferredHolder: 'a' } }, ['spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined']],
  ['unknown strategy', { spec: { strategy: 'Newest' } }, ['spec.strategy: Unsupported value: "Newest": supported values: "OldestEmulationVersion"']],
], 'default');

table('validatePodDisruptionBudget', validatePodDisruptionBudget, [
  ['minAvailable percent', { spec: { minAvailable: '50%', selector: { matchLabels: { app: 'a' } } } }, []],
  ['both set', { spec: { minAvailable: 1, maxUnavailable: 1 } }, [
    'spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000100000), Selector:(*v1.LabelSelector)(nil), MaxUnavailable:(*intstr.IntOrString)(0xc000100040), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set',
  ]],
  ['negative', { spec: { maxUnavailable: -1 } }, ['spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0']],
  ['over 100%', { spec: { minAvailable: '150%' } }, ['spec.minAvailable: Invalid value: "150%": must not be greater than 100%']],
  ['not a percent', { spec: { minAvailable: 'half' } }, [
    `spec.minAvailable: Invalid value: "half": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
  ]],
  ['eviction policy', { spec: { unhealthyPodEvictionPolicy: 'Never' } }, ['spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"']],
], 'default');

table('validateEvent', validateEvent, [
  ['same namespace', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, reason: 'Started' }, []],
  ['cluster-scoped object in default', { involvedObject: { kind: 'Node', name: 'n' } }, []],
  ['other namespace', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' } }, ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']],
  ['timed event needs its reporter', { eventTime: '2024-01-01T00:00:00.000000Z', involvedObject: { namespace: 'default' } }, [
    'reportingComponent: Required value',
    'reportingComponent: Invalid value: "": name part must be non-empty',
    `reportingComponent: Invalid value: "": ${QUALIFIED}`,
    'reportingInstance: Required value',
    'action: Required value',
    'reason: Required value',
  ]],
  ['timed event within limits', {
    eventTime: '2024-01-01T00:00:00.000000Z', involvedObject: { namespace: 'default' }, reportingComponent: 'kubelet', reportingInstance: 'n1', action: 'Pull', reason: 'x'.repeat(129),
  }, ['reason: Invalid value: "": can have at most 128 characters']],
], 'default');

describe('validateEvent namespaces', () => {
  it('an empty involved namespace only in default', () => {
    assert.deepEqual(render(validateEvent(object({ involvedObject: { kind: 'Node' } }, 'kube-public'))), [
      'involvedObject.namespace: Invalid value: "": does not match event.namespace',
    ]);
  });
});

table('validateNode', validateNode, [
  ['dual-stack pod CIDRs', { spec: { podCIDRs: ['10.244.0.0/24', 'fd00::/64'] } }, []],
  ['bad CIDR', { spec: { podCIDRs: ['10.244.0.0/33'] } }, ['spec.podCIDRs[0]: Invalid value: "10.244.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
  ['two of one family', { spec: { podCIDRs: ['10.244.0.0/24', '10.245.0.0/24'] } }, [
    'spec.podCIDRs: Invalid value: []string{"10.244.0.0/24", "10.245.0.0/24"}: may specify no more than one CIDR for each IP family',
  ]],
  ['taint effect', { spec: { taints: [{ key: 'k', effect: 'Never' }, { key: 'k' }] } }, [
    'spec.taints[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    'spec.taints[1].effect: Required value',
  ]],
  ['duplicate taint', { spec: { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' }] } }, [
    'spec.taints[1]: Duplicate value: core.Taint{Key:"k", Value:"v", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
  ]],
]);

describe('validateNodeUpdate', () => {
  const node = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => object({ spec, status });
  it('podCIDRs and providerID may be set once', () => {
    assert.deepEqual(render(validateNodeUpdate(node({ podCIDRs: ['10.0.0.0/24'], providerID: 'p' }), node({}))), []);
    assert.deepEqual(render(validateNodeUpdate(node({ podCIDRs: ['10.0.1.0/24'], providerID: 'q' }), node({ podCIDRs: ['10.0.0.0/24'], providerID: 'p' }))), [
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
    ]);
  });
  it('status addresses are unique', () => {
    const addresses = [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'InternalIP', address: '10.0.0.1' }];
    assert.deepEqual(render(validateNodeUpdate(node({}, { addresses }), node({}))), [
      'status.addresses[1]: Duplicate value: core.NodeAddress{Type:"InternalIP", Address:"10.0.0.1"}',
    ]);
  });
});
