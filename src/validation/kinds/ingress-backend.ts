// networking.k8s.io/v1 backends and typed references shared by Ingress and IngressClass
// (validateIngressBackend, validateIngressTypedLocalObjectReference).
import { invalid, required, type FieldError } from '../../api/field-errors.js';
import { isDNS1035Label, isDNS1123Subdomain, isValidPathSegmentName } from '../names.js';
import { isValidPortNum, PORT_RANGE, portNameErrors } from './common.js';
import { obj, str, type Obj } from './values.js';

export function typedReference(ref: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof ref.apiGroup === 'string') {
    errs.push(...isDNS1123Subdomain(ref.apiGroup).map((msg) => invalid(`${path}.apiGroup`, ref.apiGroup, msg)));
  }
  for (const key of ['kind', 'name']) {
    const value = str(ref[key]);
    if (!value) errs.push(required(`${path}.${key}`, `${key} is required`));
    else errs.push(...isValidPathSegmentName(value).map((msg) => invalid(`${path}.${key}`, value, msg)));
  }
  return errs;
}

function servicePort(port: Obj, path: string): FieldError[] {
  const name = str(port.name);
  const number = typeof port.number === 'number' ? port.number : 0;
  if (name && number) return [invalid(path, '', 'cannot set both port name & port number')];
  if (name) return portNameErrors(name).map((msg) => invalid(`${path}.service.port.name`, name, msg));
  if (number) return isValidPortNum(number) ? [] : [invalid(`${path}.service.port.number`, number, PORT_RANGE)];
  return [required(path, 'port name or number is required')];
}

export function ingressBackend(backend: Obj, path: string): FieldError[] {
  const [resource, service] = [obj(backend.resource), obj(backend.service)];
  if (resource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) return typedReference(resource, `${path}.resource`);
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const name = str(service.name);
  const errs = name ? isDNS1035Label(name).map((msg) => invalid(`${path}.service.name`, name, msg)) : [required(`${path}.service.name`, '')];
  return [...errs, ...servicePort(obj(service.port) ?? {}, path)];
}
