// Services get a free cluster IP from 10.96.0.0/12 and free node ports from 30000-32767, keep
// them across updates that leave them out, and collisions are refused as kube-apiserver does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useCluster } from './helpers.js';

const SVC = '/api/v1/namespaces/default/services';

function service(name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], ...spec } };
}

describe('service allocation', () => {
  const { api } = useCluster();

  it('allocates distinct cluster IPs inside the service CIDR, concurrently too', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => api.post(SVC).send(service(`ip-${i}`, { type: 'ClusterIP' }))));
    const ips = created.map((r) => {
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(r.body.spec.clusterIPs, [r.body.spec.clusterIP]);
      return r.body.spec.clusterIP as string;
    });
    assert.equal(new Set([...ips, '10.96.0.1']).size, ips.length + 1);
    for (const ip of ips) {
      const [a, b] = ip.split('.').map(Number);
      assert.ok(a === 10 && b >= 96 && b <= 111, ip);
    }
  });

  it('keeps headless services headless and refuses an allocated IP', async () => {
    const headless = await api.post(SVC).send(service('headless', { clusterIP: 'None' }));
    assert.equal(headless.status, 201, headless.text);
    assert.equal(headless.body.spec.clusterIP, 'None');
    const dup = await api.post(SVC).send(service('dup', { clusterIP: '10.96.0.1' }));
    assert.equal(dup.status, 422);
    assert.equal(dup.body.message, 'Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated');
    assert.equal((await api.get(`${SVC}/dup`)).status, 404);
  });

  it('allocates node ports and keeps them when an update leaves them out', async () => {
    const np = await api.post(SVC).send(service('np', { type: 'NodePort' }));
    assert.equal(np.status, 201, np.text);
    const { clusterIP, ports } = np.body.spec;
    assert.ok(ports[0].nodePort >= 30000 && ports[0].nodePort <= 32767);
    const replaced = await api.put(`${SVC}/np`).send(service('np', { type: 'NodePort' }));
    assert.equal(replaced.status, 200, replaced.text);
    assert.equal(replaced.body.spec.clusterIP, clusterIP);
    assert.equal(replaced.body.spec.ports[0].nodePort, ports[0].nodePort);
    const clash = await api.post(SVC).send(service('np2', { type: 'NodePort', ports: [{ port: 81, protocol: 'TCP', nodePort: ports[0].nodePort }] }));
    assert.equal(clash.status, 422);
    assert.equal(clash.body.details.causes[0].field, 'spec.ports[0].nodePort');
    assert.equal(clash.body.details.causes[0].message, `Invalid value: ${ports[0].nodePort}: provided port is already allocated`);
  });
});
