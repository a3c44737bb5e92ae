// networking.k8s.io/v1 IngressClass validation (validateIngressClassSpec): a domain-prefixed
// controller name and a well-scoped parameters reference.
import { forbidden, invalid, notSupported, required, tooLong, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { isDNS1123Label, isDNS1123Subdomain, regexError } from '../names.js';
import { typedReference } from './ingress-backend.js';
import { obj, str, type Obj } from './values.js';

const MAX_CONTROLLER = 250;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const SCOPES = ['Cluster', 'Namespace'];

/** validation.IsDomainPrefixedPath. */
function domainPrefixedPath(path: string, value: string): FieldError[] {
  if (!value) return [required(path, '')];
  const slash = value.indexOf('/');
  const [host, rest] = slash < 0 ? [value, ''] : [value.slice(0, slash), value.slice(slash + 1)];
  if (!host || !rest) return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((msg) => invalid(path, host, msg));
  if (!new RegExp(`^${HTTP_PATH_FMT}$`).test(rest)) errs.push(invalid(path, rest, regexError('must be a valid path', HTTP_PATH_FMT)));
  return errs;
}

function parameters(params: Obj): FieldError[] {
  const path = 'spec.parameters';
  const errs = typedReference(params, path);
  // v1 defaults a missing scope to Cluster (SetDefaults_IngressClass); the defaulting layer does not.
  const scope = params.scope === undefined || params.scope === null ? 'Cluster' : str(params.scope);
  if (!SCOPES.includes(scope)) return [...errs, notSupported(`${path}.scope`, scope, SCOPES)];
  const namespace = params.namespace;
  if (scope === 'Namespace') {
    if (typeof namespace !== 'string') errs.push(required(`${path}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else errs.push(...isDNS1123Label(namespace).map((msg) => invalid(`${path}.namespace`, namespace, msg)));
  } else if (namespace !== undefined && namespace !== null) {
    errs.push(forbidden(`${path}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

export function validateIngressClass(ingressClass: KubeObject): FieldError[] {
  const spec = obj(ingressClass.spec) ?? {};
  const controller = str(spec.controller);
  const errs = controller.length > MAX_CONTROLLER ? [tooLong('spec.controller', MAX_CONTROLLER)] : [];
  errs.push(...domainPrefixedPath('spec.controller', controller));
  const params = obj(spec.parameters);
  return params ? [...errs, ...parameters(params)] : errs;
}
