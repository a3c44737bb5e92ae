// ValidateService and the cluster IP rule of ValidateServiceUpdate (pkg/apis/core/validation):
// ports, types, session affinity, external names. Node port ranges and IP allocation are the
// allocator's (src/registry/core/service-allocation.ts).
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { validateLabels } from '../metadata-fields.js';
import { dns1123Label, dns1123Subdomain, isValidPortNum, PORT_RANGE, portNumOrName } from './common.js';
import { list, obj, str, stringMap, type Obj } from './values.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const KUBELET_PORT = 10250;

function isHeadless(spec: Obj): boolean {
  return str(spec.clusterIP) === 'None';
}

function typeErrors(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(spec.type);
  const firstIP = Array.isArray(spec.clusterIPs) ? spec.clusterIPs[0] : spec.clusterIP;
  if (type === 'LoadBalancer') {
    list(spec.ports).forEach((p, i) => {
      if (p.port === KUBELET_PORT) errs.push(invalid(`spec.ports[${i}]`, p.port, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
    });
  }
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) errs.push(invalid('spec.clusterIPs[0]', firstIP, `may not be set to 'None' for ${type} services`));
  if (type === 'ExternalName') {
    if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    errs.push(...(cname ? dns1123Subdomain('spec.externalName', cname) : [required('spec.externalName', '')]));
  }
  return errs;
}

function portErrors(port: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(port.name);
  if (requireName && !name) errs.push(required(`${path}.name`, ''));
  else if (name) {
    errs.push(...dns1123Label(`${path}.name`, name));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  if (!isValidPortNum(Number(port.port))) errs.push(invalid(`${path}.port`, port.port ?? 0, PORT_RANGE));
  const protocol = str(port.protocol);
  if (!protocol) errs.push(required(`${path}.protocol`, ''));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(`${path}.protocol`, protocol, PROTOCOLS));
  errs.push(...portNumOrName(`${path}.targetPort`, port.targetPort));
  return errs;
}

function duplicatePorts(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const nodePorts = new Set<string>();
  const ports = new Set<string>();
  list(spec.ports).forEach((p, i) => {
    const nodeKey = `${str(p.protocol)}/${String(p.nodePort)}`;
    if (p.nodePort) {
      if (nodePorts.has(nodeKey)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
      nodePorts.add(nodeKey);
    }
    const key = `${str(p.protocol)}/${String(p.port)}`;
    if (ports.has(key)) errs.push(duplicate(`spec.ports[${i}]`, { protocol: p.protocol, port: p.port }));
    ports.add(key);
  });
  return errs;
}

export function validateService(service: KubeObject): FieldError[] {
  const spec = obj(service.spec) ?? {};
  const ports = list(spec.ports);
  const errs: FieldError[] = [];
  if (!ports.length && !isHeadless(spec) && spec.type !== 'ExternalName') errs.push(required('spec.ports', ''));
  errs.push(...typeErrors(spec));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...portErrors(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector !== undefined) errs.push(...validateLabels(stringMap(spec.selector), 'spec.selector'));
  const affinity = str(spec.sessionAffinity);
  if (!affinity) errs.push(required('spec.sessionAffinity', ''));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  const type = str(spec.type);
  if (!type) errs.push(required('spec.type', ''));
  else if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type, TYPES));
  if (type === 'ClusterIP') ports.forEach((p, i) => p.nodePort && errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")));
  errs.push(...duplicatePorts(spec));
  return errs;
}

/** The primary cluster IP may not change once set, unless the service is or becomes ExternalName. */
export function validateServiceUpdate(service: KubeObject, old: KubeObject): FieldError[] {
  const spec = obj(service.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const errs = validateService(service);
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return errs;
  const next = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  const previous = Array.isArray(oldSpec.clusterIPs) ? oldSpec.clusterIPs : [];
  if (next.length && previous.length && next[0] !== previous[0]) errs.push(invalid('spec.clusterIPs[0]', next, 'may not change once set'));
  return errs;
}
