// LimitRanger: container defaults with the annotation kube writes, and min/max/ratio messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { limitRanger } from '../../../../src/admission/plugins/limit-ranger.js';
import { attrs, harness, pod, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await harness();
  await h.seed('', 'limitranges', 'ns', {
    metadata: { name: 'lr' },
    spec: {
      limits: [
        { type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1' }, min: { memory: '64Mi' }, maxLimitRequestRatio: { cpu: '4' } },
        { type: 'PersistentVolumeClaim', max: { storage: '2Gi' } },
      ],
    },
  });
});
after(() => h.close());

describe('LimitRanger', () => {
  it('fills unset requests and limits and notes what it set', () => {
    const p = pod('a', { containers: [{ name: 'app', image: 'x', resources: { requests: { memory: '128Mi' } } }] });
    h.plugin(limitRanger).admit!(attrs({ resource: 'pods', object: p }));
    assert.deepEqual((p.spec as Record<string, any>).containers[0].resources, { requests: { memory: '128Mi', cpu: '100m' }, limits: { cpu: '500m', memory: '256Mi' } });
    assert.equal(p.metadata.annotations?.['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: cpu request for container app; cpu, memory limit for container app');
  });

  it('refuses what breaks max, min and the ratio, all messages together', () => {
    const p = pod('b', { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '100m', memory: '32Mi' }, limits: { cpu: '2', memory: '64Mi' } } }] });
    assert.throws(() => h.plugin(limitRanger).validate!(attrs({ resource: 'pods', object: p })), {
      message:
        'pods "b" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, maximum cpu usage per Container is 1, but limit is 2, cpu max limit to request ratio per Container is 4, but provided ratio is 20.000000]',
    });
  });

  it('holds claims to their max', () => {
    const claim = { metadata: { name: 'big' }, spec: { resources: { requests: { storage: '5Gi' } } } };
    assert.throws(() => h.plugin(limitRanger).validate!(attrs({ resource: 'persistentvolumeclaims', object: claim })), {
      message: 'persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    });
  });
});
