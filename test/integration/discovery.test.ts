// Discovery as REST clients read it before any resource request: /api, /apis (legacy and
// aggregated), per-group-version APIResourceLists, /version, health, and 401 without a cert.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { useCluster } from './helpers.js';

const AGGREGATED_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

const { api, cluster } = useCluster();

interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  group?: string;
  version?: string;
}

describe('legacy discovery', () => {
  it('/api lists v1 with the server address', async () => {
    const res = await api.get('/api');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${cluster().server.port}` }] });
  });

  it('/apis orders groups by priority (apps, events, autoscaling, batch) with autoscaling/v2 preferred', async () => {
    const res = await api.get('/apis');
    assert.equal(res.body.kind, 'APIGroupList');
    const groups = res.body.groups as Array<{ name: string; preferredVersion: { version: string } }>;
    const order = groups.map((g) => g.name).filter((n) => ['apps', 'events.k8s.io', 'autoscaling', 'batch'].includes(n));
    assert.deepEqual(order, ['apps', 'events.k8s.io', 'autoscaling', 'batch']);
    assert.equal(groups.find((g) => g.name === 'autoscaling')?.preferredVersion.version, 'v2');
  });

  it('/api/v1 lists pods with their verbs, short names and served subresources', async () => {
    const res = await api.get('/api/v1');
    assert.equal(res.body.kind, 'APIResourceList');
    assert.equal(res.body.groupVersion, 'v1');
    const resources = res.body.resources as APIResource[];
    const pods = resources.find((r) => r.name === 'pods');
    assert.deepEqual(pods?.verbs, ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
    assert.deepEqual(pods?.shortNames, ['po']);
    assert.equal(pods?.namespaced, true);
    assert.deepEqual(resources.find((r) => r.name === 'pods/status')?.verbs, ['get', 'patch', 'update']);
    assert.deepEqual(resources.find((r) => r.name === 'namespaces')?.verbs, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
    assert.equal(resources.find((r) => r.name === 'nodes')?.namespaced, false);
  });

  it('/apis/apps/v1 lists deployments/scale as an autoscaling/v1 Scale', async () => {
    const res = await api.get('/apis/apps/v1');
    const scale = (res.body.resources as APIResource[]).find((r) => r.name === 'deployments/scale');
    assert.deepEqual(scale && { kind: scale.kind, group: scale.group, version: scale.version, verbs: scale.verbs }, { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] });
  });

  it('answers 404 for a group version that is not served', async () => {
    const res = await api.get('/apis/apps/v1beta1');
    assert.equal(res.status, 404);
  });
});

describe('aggregated discovery', () => {
  it('answers kubectl\'s Accept with the v2 APIGroupDiscoveryList content type', async () => {
    const res = await api.get('/apis').set('Accept', AGGREGATED_ACCEPT);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = JSON.parse(res.text);
    assert.equal(body.kind, 'APIGroupDiscoveryList');
    const apps = body.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'apps');
    const deployments = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments');
    assert.equal(deployments.scope, 'Namespaced');
    assert.deepEqual(deployments.shortNames, ['deploy']);
    assert.deepEqual(deployments.categories, ['all']);
  });
});

describe('non-resource paths', () => {
  it('/version reports a v1.32 server', async () => {
    const res = await api.get('/version');
    assert.equal(res.body.major, '1');
    assert.equal(res.body.minor, '32');
    assert.match(res.body.gitVersion, /^v1\.32\./);
  });

  it('/healthz answers ok', async () => {
    const res = await api.get('/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.text, 'ok');
  });

  it('a resource request without credentials is anonymous, and RBAC forbids it', async () => {
    const res = await request(cluster().server.url).get('/api/v1/namespaces').ca(cluster().server.pki.caCertPem);
    assert.equal(res.status, 403);
    assert.equal(res.body.message, 'namespaces is forbidden: User "system:anonymous" cannot list resource "namespaces" in API group "" at the cluster scope');
  });
});
