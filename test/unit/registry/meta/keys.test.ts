// Storage keys against kube-apiserver's etcd layout: "/registry" + StorageFactory.ResourcePrefix
// (the lower-case resource, or a SpecialDefaultResourcePrefixes entry) + [/<namespace>]/<name>.
// The key shows in client-visible text (precondition Conflict messages: "Key: /registry/...").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinResources } from '../../../../src/registry/builtin.js';
import { listPrefix, objectKey, resourcePrefix } from '../../../../src/registry/keys.js';
import type { ResourceDefinition } from '../../../../src/registry/resource.js';

function def(group: string, plural: string): ResourceDefinition {
  const found = builtinResources.find((d) => d.group === group && d.plural === plural);
  assert.ok(found, `no built-in ${plural}.${group}`);
  return found;
}

describe('keys: core resources', () => {
  it('keys a namespaced object as /registry/<resource>/<namespace>/<name>', () => {
    const pods = def('', 'pods');
    assert.equal(resourcePrefix(pods), '/registry/pods/');
    assert.equal(listPrefix(pods, 'default'), '/registry/pods/default/');
    assert.equal(objectKey(pods, 'default', 'web'), '/registry/pods/default/web');
    assert.equal(objectKey(def('', 'configmaps'), 'kube-system', 'coredns'), '/registry/configmaps/kube-system/coredns');
  });

  it('lists every namespace under the resource prefix', () => {
    assert.equal(listPrefix(def('', 'pods'), ''), '/registry/pods/');
  });

  it('keys a cluster-scoped object as /registry/<resource>/<name>, whatever namespace is passed', () => {
    const namespaces = def('', 'namespaces');
    assert.equal(objectKey(namespaces, '', 'default'), '/registry/namespaces/default');
    assert.equal(objectKey(namespaces, 'ignored', 'default'), '/registry/namespaces/default');
    assert.equal(listPrefix(namespaces, 'ignored'), '/registry/namespaces/');
  });

  it('keeps one object from prefixing its neighbours', () => {
    const pods = def('', 'pods');
    assert.equal(objectKey(pods, 'default', 'web').startsWith(listPrefix(pods, 'default')), true);
    assert.equal(objectKey(pods, 'default-2', 'web').startsWith(listPrefix(pods, 'default')), false);
  });

  it('stores events.k8s.io Events with the core Events', () => {
    assert.equal(objectKey(def('events.k8s.io', 'events'), 'default', 'e1'), '/registry/events/default/e1');
  });
});

// DefaultStorageFactory.ResourcePrefix: the group is not part of a built-in resource's key
// (CRDs and aggregated APIs aside), and a few core resources keep historical prefixes.
describe('keys: kube-apiserver resource prefixes', () => {
  const cases: [string, string, string, string, string][] = [
    ['apps', 'deployments', 'default', 'web', '/registry/deployments/default/web'],
    ['batch', 'jobs', 'default', 'pi', '/registry/jobs/default/pi'],
    ['coordination.k8s.io', 'leases', 'kube-node-lease', 'node-1', '/registry/leases/kube-node-lease/node-1'],
    ['storage.k8s.io', 'storageclasses', '', 'standard', '/registry/storageclasses/standard'],
    ['', 'nodes', '', 'node-1', '/registry/minions/node-1'],
    ['', 'services', 'default', 'kubernetes', '/registry/services/specs/default/kubernetes'],
    ['', 'endpoints', 'default', 'kubernetes', '/registry/services/endpoints/default/kubernetes'],
    ['', 'replicationcontrollers', 'default', 'rc', '/registry/controllers/default/rc'],
    ['networking.k8s.io', 'ingresses', 'default', 'web', '/registry/ingress/default/web'],
  ];
  for (const [group, plural, namespace, name, key] of cases) {
    it(`keys ${plural}${group ? `.${group}` : ''} ${name} as ${key}`, () => {
      assert.equal(objectKey(def(group, plural), namespace, name), key);
    });
  }
});
