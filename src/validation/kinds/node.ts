// core/v1 Node validation (ValidateNode, ValidateNodeUpdate): pod CIDRs are valid and at most one
// per IP family, taints are well formed; on update podCIDRs and providerID are set once, and the
// status lists no address twice.
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { isQualifiedName, isValidLabelValue } from '../names.js';
import { cidrErrors, parseCidr } from './cidr.js';
import { list, obj, str } from './values.js';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const SET_ONCE = (field: string): string => `node updates may not change ${field} except from "" to valid`;

function podCidrs(cidrs: string[]): FieldError[] {
  const errs = cidrs.flatMap((c, i) => cidrErrors(`spec.podCIDRs[${i}]`, c));
  if (cidrs.length > 1 && errs.length === 0) {
    const families = cidrs.map((c) => parseCidr(c)?.family);
    if (cidrs.length > 2 || families[0] === families[1]) {
      errs.push(invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
    }
  }
  return errs;
}

function taintErrors(taints: Record<string, unknown>[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((taint, i) => {
    const path = `spec.taints[${i}]`;
    const [key, value, effect] = [str(taint.key), str(taint.value), str(taint.effect)];
    errs.push(...isQualifiedName(key).map((msg) => invalid(`${path}.key`, key, msg)));
    const valueErrs = isValidLabelValue(value);
    if (valueErrs.length) errs.push(invalid(`${path}.value`, value, valueErrs.join(';')));
    if (!effect) errs.push(required(`${path}.effect`, ''));
    else if (!EFFECTS.includes(effect)) errs.push(notSupported(`${path}.effect`, effect, EFFECTS));
    const pair = JSON.stringify([key, effect]);
    if (seen.has(pair)) {
      const rendered = `core.Taint{Key:${JSON.stringify(key)}, Value:${JSON.stringify(value)}, Effect:${JSON.stringify(effect)}, TimeAdded:(*v1.Time)(nil)}`;
      errs.push({ ...duplicate(path, taint), rendered, detail: 'taints must be unique by key and effect pair' });
    }
    seen.add(pair);
  });
  return errs;
}

const cidrList = (node: KubeObject): string[] => (Array.isArray(obj(node.spec)?.podCIDRs) ? (obj(node.spec)?.podCIDRs as unknown[]).map(str) : []);

export function validateNode(node: KubeObject): FieldError[] {
  return [...taintErrors(list(obj(node.spec)?.taints)), ...podCidrs(cidrList(node))];
}

function duplicateAddresses(node: KubeObject): FieldError[] {
  const seen = new Set<string>();
  return list(obj(node.status)?.addresses).flatMap((address, i) => {
    const [type, value] = [str(address.type), str(address.address)];
    const key = `${type}\u0000${value}`;
    const dup = seen.has(key);
    seen.add(key);
    const rendered = `core.NodeAddress{Type:${JSON.stringify(type)}, Address:${JSON.stringify(value)}}`;
    return dup ? [{ ...duplicate(`status.addresses[${i}]`, address), rendered }] : [];
  });
}

export function validateNodeUpdate(node: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateNode(node);
  const [cidrs, oldCidrs] = [cidrList(node), cidrList(old)];
  if (oldCidrs.length > 0) {
    const changed = oldCidrs.length !== cidrs.length ? 1 : oldCidrs.filter((c, i) => c !== cidrs[i]).length;
    for (let i = 0; i < changed; i++) errs.push(forbidden('spec.podCIDRs', SET_ONCE('podCIDR')));
  }
  const [provider, oldProvider] = [str(obj(node.spec)?.providerID), str(obj(old.spec)?.providerID)];
  if (oldProvider && provider !== oldProvider) errs.push(forbidden('spec.providerID', SET_ONCE('providerID')));
  return [...errs, ...duplicateAddresses(node)];
}
