// SetDefaults_Service (pkg/apis/core/v1/defaults.go), plus the IP family fields the service
// registry fills on a single-stack IPv4 cluster (pkg/registry/core/service/storage/alloc.go).
// Cluster IPs and node ports are allocated elsewhere (src/registry/core/service-allocation.ts).
import type { KubeObject } from '../api/types.js';
import { child, ensureChild, fill, items, type Fields } from './fields.js';

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const CLIENT_IP_TIMEOUT = 10800;
const LOCAL_TRAFFIC_TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer']);

function defaultSessionAffinity(spec: Fields): void {
  fill(spec, { sessionAffinity: 'None' });
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && child(child(spec, 'sessionAffinityConfig'), 'clientIP')?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: CLIENT_IP_TIMEOUT } };
  }
}

function defaultPorts(spec: Fields): void {
  for (const port of items(spec, 'ports')) {
    fill(port, { protocol: 'TCP' });
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
}

/** service.ExternallyAccessible: reachable from outside through node ports, a balancer or external IPs. */
function externallyAccessible(spec: Fields): boolean {
  const externalIPs = spec.externalIPs;
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && Array.isArray(externalIPs) && externalIPs.length > 0);
}

function defaultIPFamilies(spec: Fields): void {
  if (spec.type === 'ExternalName') return;
  const headlessWithoutSelector = spec.clusterIP === 'None' && !Object.keys(child(spec, 'selector') ?? {}).length;
  fill(spec, { ipFamilyPolicy: headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack', ipFamilies: ['IPv4'] });
}

function defaultLoadBalancer(service: KubeObject, spec: Fields): void {
  fill(spec, { allocateLoadBalancerNodePorts: true });
  for (const ingress of items(child(child(service, 'status'), 'loadBalancer'), 'ingress')) {
    if (ingress.ip && ingress.ipMode === undefined) ingress.ipMode = 'VIP';
  }
}

export function defaultService(service: KubeObject): void {
  const spec = ensureChild(service, 'spec');
  defaultSessionAffinity(spec);
  fill(spec, { type: 'ClusterIP' });
  defaultPorts(spec);
  if (externallyAccessible(spec)) fill(spec, { externalTrafficPolicy: 'Cluster' });
  if (LOCAL_TRAFFIC_TYPES.has(String(spec.type))) fill(spec, { internalTrafficPolicy: 'Cluster' });
  if (spec.type === 'LoadBalancer') defaultLoadBalancer(service, spec);
  defaultIPFamilies(spec);
}
