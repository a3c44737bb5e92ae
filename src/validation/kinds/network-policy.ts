// networking.k8s.io/v1 NetworkPolicy validation (ValidateNetworkPolicySpec): selectors, the ports
// and peers of every ingress and egress rule, and policyTypes. Create and update share the rules.
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { cidrErrors, parseCidr, strictSubset } from './cidr.js';
import { isValidPortNum, labelSelector, PORT_RANGE, portNameErrors } from './common.js';
import { list, obj, str, type Obj } from './values.js';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];

function portNumber(path: string, port: unknown): FieldError[] {
  return typeof port === 'number' && !isValidPortNum(port) ? [invalid(path, port, PORT_RANGE)] : [];
}

function policyPort(port: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const protocol = port.protocol;
  if (typeof protocol === 'string' && !PROTOCOLS.includes(protocol)) errs.push(notSupported(`${path}.protocol`, protocol, PROTOCOLS));
  const [number, end] = [port.port, port.endPort];
  if (number === undefined || number === null) {
    if (end !== undefined) errs.push(invalid(`${path}.endPort`, end, 'may not be specified when `port` is not specified'));
  } else if (typeof number === 'number') {
    errs.push(...portNumber(`${path}.port`, number));
    if (typeof end === 'number') {
      if (end < number) errs.push(invalid(`${path}.endPort`, end, 'must be greater than or equal to `port`'));
      errs.push(...portNumber(`${path}.endPort`, end));
    }
  } else {
    if (end !== undefined) errs.push(invalid(`${path}.endPort`, end, 'may not be specified when `port` is non-numeric'));
    errs.push(...portNameErrors(str(number)).map((msg) => invalid(`${path}.port`, number, msg)));
  }
  return errs;
}

function ipBlock(block: Obj, path: string): FieldError[] {
  const cidr = str(block.cidr);
  if (!cidr) return [required(`${path}.cidr`, '')];
  const errs = cidrErrors(`${path}.cidr`, cidr);
  const outer = parseCidr(cidr);
  if (!outer) return errs;
  (Array.isArray(block.except) ? block.except.map(str) : []).forEach((except, i) => {
    const exceptPath = `${path}.except[${i}]`;
    errs.push(...cidrErrors(exceptPath, except));
    const inner = parseCidr(except);
    if (inner && !strictSubset(outer, inner)) errs.push(invalid(exceptPath, except, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function peer(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const key of ['podSelector', 'namespaceSelector']) {
    if (p[key] === undefined || p[key] === null) continue;
    count++;
    errs.push(...labelSelector(p[key], `${path}.${key}`));
  }
  const block = obj(p.ipBlock);
  if (block) errs.push(...ipBlock(block, `${path}.ipBlock`));
  if (block) count++;
  if (count === 0) errs.push(required(path, 'must specify a peer'));
  else if (count > 1 && block) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

function rules(spec: Obj, direction: 'ingress' | 'egress'): FieldError[] {
  const peers = direction === 'ingress' ? 'from' : 'to';
  return list(spec[direction]).flatMap((rule, i) => {
    const path = `spec.${direction}[${i}]`;
    return [
      ...list(rule.ports).flatMap((port, j) => policyPort(port, `${path}.ports[${j}]`)),
      ...list(rule[peers]).flatMap((p, j) => peer(p, `${path}.${peers}[${j}]`)),
    ];
  });
}

function policyTypes(types: unknown): FieldError[] {
  if (!Array.isArray(types)) return [];
  if (types.length > POLICY_TYPES.length) return [invalid('spec.policyTypes', types, 'may not specify more than two policyTypes')];
  return types.flatMap((t, i) => (POLICY_TYPES.includes(str(t)) ? [] : [notSupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES)]));
}

export function validateNetworkPolicy(policy: KubeObject): FieldError[] {
  const spec = obj(policy.spec) ?? {};
  return [...labelSelector(spec.podSelector, 'spec.podSelector'), ...rules(spec, 'ingress'), ...rules(spec, 'egress'), ...policyTypes(spec.policyTypes)];
}
