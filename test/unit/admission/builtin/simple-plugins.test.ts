// DefaultTolerationSeconds, Priority, DefaultStorageClass and StorageObjectInUseProtection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import { defaultTolerationSeconds } from '../../../../src/admission/plugins/default-toleration-seconds.js';
import { priority } from '../../../../src/admission/plugins/priority.js';
import { defaultStorageClassPlugin } from '../../../../src/admission/plugins/default-storage-class.js';
import { storageObjectInUseProtection } from '../../../../src/admission/plugins/storage-object-in-use-protection.js';
import { attrs, harness, pod, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await harness();
});
after(() => h.close());

const NOT_READY = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

describe('DefaultTolerationSeconds', () => {
  it('adds the not-ready and unreachable tolerations, 300 s', () => {
    const p = pod('a');
    h.plugin(defaultTolerationSeconds).admit!(attrs({ resource: 'pods', object: p }));
    assert.deepEqual((p.spec as { tolerations: unknown }).tolerations, [NOT_READY, UNREACHABLE]);
  });

  it('keeps a toleration the pod has and adds only the missing one', () => {
    const own = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 };
    const p = pod('a', { tolerations: [own] });
    h.plugin(defaultTolerationSeconds).admit!(attrs({ resource: 'pods', object: p }));
    assert.deepEqual((p.spec as { tolerations: unknown }).tolerations, [own, UNREACHABLE]);
  });

  it('adds nothing when an empty key tolerates every taint', () => {
    const p = pod('a', { tolerations: [{ operator: 'Exists' }] });
    h.plugin(defaultTolerationSeconds).admit!(attrs({ resource: 'pods', object: p }));
    assert.deepEqual((p.spec as { tolerations: unknown }).tolerations, [{ operator: 'Exists' }]);
  });
});

describe('Priority', () => {
  it('gives a pod priority 0 and PreemptLowerPriority when there is no default class', () => {
    const p = pod('a');
    h.plugin(priority).admit!(attrs({ resource: 'pods', object: p }));
    assert.equal((p.spec as { priority: number }).priority, 0);
    assert.equal((p.spec as { preemptionPolicy: string }).preemptionPolicy, 'PreemptLowerPriority');
    assert.equal((p.spec as { priorityClassName?: string }).priorityClassName, undefined);
  });

  it('resolves a named class and refuses an unknown one with kube\'s message', async () => {
    await h.seed('scheduling.k8s.io', 'priorityclasses', '', { metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' });
    const p = pod('a', { priorityClassName: 'high' });
    h.plugin(priority).admit!(attrs({ resource: 'pods', object: p }));
    assert.equal((p.spec as { priority: number }).priority, 1000);
    assert.equal((p.spec as { preemptionPolicy: string }).preemptionPolicy, 'Never');
    assert.throws(
      () => h.plugin(priority).admit!(attrs({ resource: 'pods', object: pod('b', { priorityClassName: 'nope' }) })),
      (err: StatusError) => err.code === 403 && err.message === 'pods "b" is forbidden: no PriorityClass with name nope was found',
    );
  });

  it('refuses a priority that differs from the class\'s', () => {
    assert.throws(
      () => h.plugin(priority).admit!(attrs({ resource: 'pods', object: pod('c', { priorityClassName: 'high', priority: 5 }) })),
      /the integer value of priority \(5\) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name/,
    );
  });

  it('uses the global default class and allows only one', async () => {
    await h.seed('scheduling.k8s.io', 'priorityclasses', '', { metadata: { name: 'dflt' }, value: 7, globalDefault: true });
    const p = pod('a');
    h.plugin(priority).admit!(attrs({ resource: 'pods', object: p }));
    assert.deepEqual([(p.spec as { priorityClassName: string }).priorityClassName, (p.spec as { priority: number }).priority], ['dflt', 7]);
    const second = { metadata: { name: 'other' }, value: 1, globalDefault: true };
    assert.throws(
      () => h.plugin(priority).validate!(attrs({ resource: 'priorityclasses', namespace: '', object: second })),
      /priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass dflt is already marked as default. Only one default can exist/,
    );
  });
});

describe('DefaultStorageClass', () => {
  it('gives a claim without a class the newest default class, and leaves a named class alone', async () => {
    const claim = { metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'] } };
    h.plugin(defaultStorageClassPlugin).admit!(attrs({ resource: 'persistentvolumeclaims', object: claim }));
    assert.equal((claim.spec as { storageClassName?: string }).storageClassName, undefined);
    await h.seed('storage.k8s.io', 'storageclasses', '', { metadata: { name: 'std', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'x' });
    h.plugin(defaultStorageClassPlugin).admit!(attrs({ resource: 'persistentvolumeclaims', object: claim }));
    assert.equal((claim.spec as { storageClassName?: string }).storageClassName, 'std');
    const named = { metadata: { name: 'n' }, spec: { storageClassName: '' } };
    h.plugin(defaultStorageClassPlugin).admit!(attrs({ resource: 'persistentvolumeclaims', object: named }));
    assert.equal(named.spec.storageClassName, '');
  });
});

describe('StorageObjectInUseProtection', () => {
  it('adds the pvc-protection and pv-protection finalizers once', () => {
    const claim = { metadata: { name: 'c', finalizers: ['x'] } };
    h.plugin(storageObjectInUseProtection).admit!(attrs({ resource: 'persistentvolumeclaims', object: claim }));
    h.plugin(storageObjectInUseProtection).admit!(attrs({ resource: 'persistentvolumeclaims', object: claim }));
    assert.deepEqual(claim.metadata.finalizers, ['x', 'kubernetes.io/pvc-protection']);
    const pv = { metadata: { name: 'v' } } as { metadata: { name: string; finalizers?: string[] } };
    h.plugin(storageObjectInUseProtection).admit!(attrs({ resource: 'persistentvolumes', namespace: '', object: pv }));
    assert.deepEqual(pv.metadata.finalizers, ['kubernetes.io/pv-protection']);
  });
});
