// What a fresh cluster contains before anyone writes (K8S_REFERENCE.md §4): the four system
// namespaces, the `kubernetes` Service with its Endpoints and EndpointSlice, and the system
// PriorityClasses. Run at every start; only missing objects are created, as the apiserver's
// post-start hooks do.
import type { KubeObject } from '../api/types.js';
import { StatusError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { GenericStore } from '../registry/store.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface BootstrapOptions {
  /** The address and port the apiserver is reached at, for Endpoints and EndpointSlice. */
  advertiseAddress: string;
  securePort: number;
  serviceClusterIP: string;
}

async function ensure(store: GenericStore, namespace: string, obj: KubeObject): Promise<void> {
  try {
    store.get(namespace, obj.metadata.name ?? '');
    return;
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
  }
  await store.create(namespace, obj, { dryRun: false });
}

function kubernetesService(o: BootstrapOptions): KubeObject {
  return {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: o.serviceClusterIP,
      clusterIPs: [o.serviceClusterIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: o.securePort }],
    },
  };
}

function kubernetesEndpoints(o: BootstrapOptions): KubeObject {
  return {
    metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: o.advertiseAddress }], ports: [{ name: 'https', port: o.securePort, protocol: 'TCP' }] }],
  };
}

function kubernetesEndpointSlice(o: BootstrapOptions): KubeObject {
  return {
    metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: o.advertiseAddress.includes(':') ? 'IPv6' : 'IPv4',
    endpoints: [{ addresses: [o.advertiseAddress], conditions: { ready: true } }],
    ports: [{ name: 'https', port: o.securePort, protocol: 'TCP' }],
  };
}

const SYSTEM_PRIORITY_CLASSES: KubeObject[] = [
  {
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
    preemptionPolicy: 'PreemptLowerPriority',
  },
  {
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    preemptionPolicy: 'PreemptLowerPriority',
  },
];

export async function bootstrapSystemObjects(registry: Registry, o: BootstrapOptions): Promise<void> {
  const namespaces = registry.store('', 'namespaces');
  // The namespaces first (admission refuses objects in a namespace that does not exist), then the
  // rest at once: concurrent writes share storage batches.
  await Promise.all(SYSTEM_NAMESPACES.map((name) => ensure(namespaces, '', { metadata: { name } })));
  await Promise.all([
    ensure(registry.store('', 'services'), 'default', kubernetesService(o)),
    ensure(registry.store('', 'endpoints'), 'default', kubernetesEndpoints(o)),
    ensure(registry.store('discovery.k8s.io', 'endpointslices'), 'default', kubernetesEndpointSlice(o)),
    ...SYSTEM_PRIORITY_CLASSES.map((pc) => ensure(registry.store('scheduling.k8s.io', 'priorityclasses'), '', structuredClone(pc))),
  ]);
}
