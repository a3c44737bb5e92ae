// Service cluster IP and node port allocation (pkg/registry/core/service/ipallocator and
// portallocator): a free address of the service CIDR for each new ClusterIP-backed Service, a
// free port of the node port range for each port of a NodePort or LoadBalancer Service.
import { randomInt } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { newInvalid } from '../../api/errors.js';
import { invalid, type FieldError } from '../../api/field-errors.js';

/** kubeadm's default --service-cluster-ip-range; its first address is the kubernetes Service. */
const SERVICE_CIDR_BASE = ipToNumber('10.96.0.0');
const SERVICE_CIDR_SIZE = 2 ** 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

interface Port {
  port?: number;
  protocol?: string;
  nodePort?: number;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: Port[];
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function numberToIP(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

function specOf(obj: KubeObject | undefined): ServiceSpec {
  return (obj?.spec ?? {}) as ServiceSpec;
}

function inRange(ip: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return false;
  const n = ipToNumber(ip);
  return n > SERVICE_CIDR_BASE && n < SERVICE_CIDR_BASE + SERVICE_CIDR_SIZE - 1;
}

/** A random free address, scanning on from a random start as the allocator does. */
function freeIP(used: Set<string>): string | undefined {
  const start = randomInt(1, SERVICE_CIDR_SIZE - 1);
  for (let i = 0; i < SERVICE_CIDR_SIZE - 2; i++) {
    const ip = numberToIP(SERVICE_CIDR_BASE + 1 + ((start - 1 + i) % (SERVICE_CIDR_SIZE - 2)));
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

function freePort(used: Set<number>): number | undefined {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  const start = randomInt(span);
  for (let i = 0; i < span; i++) {
    const port = NODE_PORT_MIN + ((start + i) % span);
    if (!used.has(port)) return port;
  }
  return undefined;
}

function allocateClusterIP(spec: ServiceSpec, others: readonly KubeObject[], errs: FieldError[]): void {
  if (spec.type === 'ExternalName') return;
  const requested = spec.clusterIP || spec.clusterIPs?.[0];
  if (requested === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
    return;
  }
  const used = new Set(others.flatMap((o) => specOf(o).clusterIPs ?? []));
  if (requested) {
    if (!inRange(requested)) errs.push(invalid('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`));
    else if (used.has(requested)) errs.push(invalid('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: provided IP is already allocated`));
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
    return;
  }
  const ip = freeIP(used);
  if (!ip) errs.push(invalid('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full'));
  else {
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }
}

function allocateNodePorts(spec: ServiceSpec, others: readonly KubeObject[], errs: FieldError[], old: ServiceSpec): void {
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
  const used = new Set(others.flatMap((o) => (specOf(o).ports ?? []).map((p) => p.nodePort ?? 0)));
  const mine = new Set((old.ports ?? []).map((p) => p.nodePort ?? 0));
  (spec.ports ?? []).forEach((port, i) => {
    if (port.nodePort) {
      if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
        errs.push(invalid(`spec.ports[${i}].nodePort`, port.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
      } else if (used.has(port.nodePort) && !mine.has(port.nodePort)) {
        errs.push(invalid(`spec.ports[${i}].nodePort`, port.nodePort, 'provided port is already allocated'));
      }
      used.add(port.nodePort);
      return;
    }
    const free = freePort(used);
    if (free === undefined) errs.push(invalid(`spec.ports[${i}].nodePort`, 0, 'range is full'));
    else {
      port.nodePort = free;
      used.add(free);
    }
  });
}

/** patchAllocatedValues: an update that leaves out what was allocated keeps it. */
function keepAllocated(spec: ServiceSpec, old: ServiceSpec): void {
  if (!spec.clusterIP && old.clusterIP && spec.type !== 'ExternalName') {
    spec.clusterIP = old.clusterIP;
    if (!spec.clusterIPs?.length) spec.clusterIPs = old.clusterIPs;
  }
  for (const port of spec.ports ?? []) {
    if (port.nodePort) continue;
    const same = (old.ports ?? []).find((p) => p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (same?.nodePort) port.nodePort = same.nodePort;
  }
}

/** Strategy.allocate of Services: cluster IPs on create, node ports on create and type changes. */
export function allocateServiceAddresses(obj: KubeObject, others: readonly KubeObject[], old?: KubeObject): void {
  const spec = specOf(obj);
  obj.spec = spec;
  const errs: FieldError[] = [];
  if (old) keepAllocated(spec, specOf(old));
  else allocateClusterIP(spec, others, errs);
  allocateNodePorts(spec, others, errs, specOf(old));
  if (errs.length) throw newInvalid({ group: '', kind: 'Service' }, obj.metadata.name ?? '', errs);
}
