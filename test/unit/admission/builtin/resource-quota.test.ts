// ResourceQuota: object counts and compute resources against status.hard/used, kube's messages,
// charging status.used in the admission path, and no double counting under concurrency.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { resourceQuota } from '../../../../src/admission/plugins/resource-quota.js';
import { calculateUsage } from '../../../../src/admission/plugins/resource-quota-usage.js';
import { attrs, harness, pod, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await harness();
});
after(() => h.close());

async function quota(name: string, hard: Record<string, string>, used: Record<string, string>, spec: Record<string, unknown> = {}): Promise<void> {
  await h.seed('', 'resourcequotas', 'ns', { metadata: { name }, spec: { hard, ...spec } });
  await h.registry.store('', 'resourcequotas').guaranteedUpdate('ns', name, (cur) => ({ ...cur, status: { hard, used } }), { dryRun: false, subresource: 'status' });
}

const usedOf = (name: string): Record<string, string> => ((h.storage.get(h.registry.store('', 'resourcequotas').key('ns', name))!.status as { used: Record<string, string> }).used);
const withResources = (name: string, requests: Record<string, string>, limits: Record<string, string> = {}): KubeObject =>
  pod(name, { containers: [{ name: 'app', image: 'x', resources: { requests, limits } }] });

describe('ResourceQuota', () => {
  it('charges an admitted pod to status.used and refuses the one over the limit', async () => {
    await quota('q', { pods: '1', 'requests.cpu': '1' }, { pods: '0', 'requests.cpu': '0' });
    const plugin = h.plugin(resourceQuota);
    await plugin.validate!(attrs({ resource: 'pods', object: withResources('a', { cpu: '300m' }) }));
    assert.deepEqual(usedOf('q'), { pods: '1', 'requests.cpu': '300m' });
    await assert.rejects(Promise.resolve(plugin.validate!(attrs({ resource: 'pods', object: withResources('b', { cpu: '100m' }) }))), {
      message: 'pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1',
    });
  });

  it('requires containers to state what a compute quota limits', async () => {
    await assert.rejects(Promise.resolve(h.plugin(resourceQuota).validate!(attrs({ resource: 'pods', object: pod('c') }))), {
      message: 'pods "c" is forbidden: failed quota: q: must specify requests.cpu for: app',
    });
  });

  it('does not charge dry runs, and refuses quotas whose usage is not known yet', async () => {
    await h.registry.store('', 'resourcequotas').delete('ns', 'q', { dryRun: false });
    await quota('cm', { 'count/configmaps': '1' }, { 'count/configmaps': '0' });
    const plugin = h.plugin(resourceQuota);
    await plugin.validate!(attrs({ resource: 'configmaps', object: { metadata: { name: 'x' } }, dryRun: true }));
    assert.deepEqual(usedOf('cm'), { 'count/configmaps': '0' });
    await h.seed('', 'resourcequotas', 'ns', { metadata: { name: 'fresh' }, spec: { hard: { configmaps: '5' } } });
    await h.registry.store('', 'resourcequotas').guaranteedUpdate('ns', 'fresh', (cur) => ({ ...cur, status: { hard: { configmaps: '5' } } }), { dryRun: false, subresource: 'status' });
    await assert.rejects(Promise.resolve(plugin.validate!(attrs({ resource: 'configmaps', object: { metadata: { name: 'y' } } }))), {
      message: 'configmaps "y" is forbidden: status unknown for quota: fresh, resources: configmaps',
    });
    await h.registry.store('', 'resourcequotas').delete('ns', 'fresh', { dryRun: false });
  });

  it('lets exactly the allowed number through when requests race', async () => {
    await h.registry.store('', 'resourcequotas').delete('ns', 'cm', { dryRun: false });
    await quota('deploys', { 'count/deployments.apps': '3' }, { 'count/deployments.apps': '0' });
    const plugin = h.plugin(resourceQuota);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => plugin.validate!(attrs({ resource: 'deployments', group: 'apps', object: { metadata: { name: `d${i}` } } }))),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
    assert.deepEqual(usedOf('deploys'), { 'count/deployments.apps': '3' });
  });

  it('counts what a namespace uses, skipping pods that have ended and honouring scopes', () => {
    const pods = [withResources('p1', { cpu: '250m', memory: '64Mi' }), withResources('p2', { cpu: '250m' }), { ...withResources('done', { cpu: '1' }), status: { phase: 'Succeeded' } }];
    const list = (group: string, resource: string) => (resource === 'pods' ? pods : []);
    const q: KubeObject = { metadata: { name: 'q' }, spec: { hard: { pods: '10', 'count/pods': '10', 'requests.cpu': '4', 'requests.memory': '1Gi', services: '2' } } };
    const used = calculateUsage(q, list, new Date());
    assert.deepEqual(Object.fromEntries([...used].map(([k, v]) => [k, String(v.nanos / 1_000_000n) + 'm'])), {
      pods: '2000m', 'count/pods': '3000m', 'requests.cpu': '500m', 'requests.memory': `${64 * 1024 * 1024 * 1000}m`, services: '0m',
    });
    const bestEffort: KubeObject = { metadata: { name: 'be' }, spec: { hard: { pods: '5' }, scopes: ['BestEffort'] } };
    assert.equal(calculateUsage(bestEffort, (g, r) => (r === 'pods' ? [...pods, pod('plain')] : []), new Date()).get('pods')!.nanos, 1_000_000_000n);
  });
});
