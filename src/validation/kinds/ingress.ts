// networking.k8s.io/v1 Ingress validation (ValidateIngressCreate, validateIngressSpec): a default
// backend or rules, rule hosts, HTTP paths and their pathType, backends, TLS hosts and secrets,
// the class name, and on create a class annotation that agrees with spec.ingressClassName.
import { isIP } from 'node:net';
import { invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { byteLength, isDNS1123Subdomain, maxLenError, regexError } from '../names.js';
import { ingressBackend } from './ingress-backend.js';
import { list, obj, str, type Obj } from './values.js';

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

function wildcardSubdomain(value: string): string[] {
  const errs = byteLength(value) > 253 ? [maxLenError(253)] : [];
  if (!new RegExp(`^${WILDCARD_FMT}$`).test(value)) errs.push(regexError(WILDCARD_MSG, WILDCARD_FMT, '*.example.com'));
  return errs;
}

function hostErrors(host: string, path: string): FieldError[] {
  const msgs = host.includes('*') ? wildcardSubdomain(host) : isDNS1123Subdomain(host);
  return msgs.map((msg) => invalid(path, host, msg));
}

function pathErrors(path: string, at: string, type: string): FieldError[] {
  if (type === 'ImplementationSpecific') return path && !path.startsWith('/') ? [invalid(at, path, 'must be an absolute path')] : [];
  const errs = path.startsWith('/') ? [] : [invalid(at, path, 'must be an absolute path')];
  if (!path) return errs;
  for (const seq of ['//', '/./', '/../', '%2f', '%2F']) if (path.includes(seq)) errs.push(invalid(at, path, `must not contain '${seq}'`));
  for (const suffix of ['/..', '/.']) if (path.endsWith(suffix)) errs.push(invalid(at, path, `cannot end with '${suffix}'`));
  return errs;
}

function httpPath(p: Obj, at: string): FieldError[] {
  const type = p.pathType;
  if (typeof type !== 'string') return [required(`${at}.pathType`, 'pathType must be specified')];
  const errs = PATH_TYPES.includes(type) ? pathErrors(str(p.path), `${at}.path`, type) : [notSupported(`${at}.pathType`, type, PATH_TYPES)];
  return [...errs, ...ingressBackend(obj(p.backend) ?? {}, `${at}.backend`)];
}

function rule(r: Obj, at: string): FieldError[] {
  const host = str(r.host);
  const errs = host && isIP(host) ? [invalid(`${at}.host`, host, 'must be a DNS name, not an IP address')] : [];
  if (host) errs.push(...hostErrors(host, `${at}.host`));
  const http = obj(r.http);
  if (!http) return errs;
  const paths = list(http.paths);
  if (!paths.length) errs.push(required(`${at}.http.paths`, ''));
  return [...errs, ...paths.flatMap((p, i) => httpPath(p, `${at}.http.paths[${i}]`))];
}

function tls(entries: Obj[]): FieldError[] {
  return entries.flatMap((entry, i) => {
    const hosts = Array.isArray(entry.hosts) ? entry.hosts.map(str) : [];
    const errs = hosts.flatMap((host, j) => hostErrors(host, `spec.tls[${i}].hosts[${j}]`));
    const secret = str(entry.secretName);
    if (secret) errs.push(...isDNS1123Subdomain(secret).map((msg) => invalid(`spec.tls[${i}].secretName`, secret, msg)));
    return errs;
  });
}

export function validateIngressUpdate(ingress: KubeObject): FieldError[] {
  const spec = obj(ingress.spec) ?? {};
  const rules = list(spec.rules);
  const errs: FieldError[] = [];
  if (!rules.length && !obj(spec.defaultBackend)) {
    const rendered = Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)';
    errs.push({ ...invalid('spec', spec.rules, 'either `defaultBackend` or `rules` must be specified'), rendered });
  }
  const backend = obj(spec.defaultBackend);
  if (backend) errs.push(...ingressBackend(backend, 'spec.defaultBackend'));
  errs.push(...rules.flatMap((r, i) => rule(r, `spec.rules[${i}]`)), ...tls(list(spec.tls)));
  if (typeof spec.ingressClassName === 'string') {
    errs.push(...isDNS1123Subdomain(spec.ingressClassName).map((msg) => invalid('spec.ingressClassName', spec.ingressClassName, msg)));
  }
  return errs;
}

export function validateIngress(ingress: KubeObject): FieldError[] {
  const errs = validateIngressUpdate(ingress);
  const annotation = ingress.metadata.annotations?.[CLASS_ANNOTATION];
  const className = obj(ingress.spec)?.ingressClassName;
  if (annotation !== undefined && typeof className === 'string' && annotation !== className) {
    errs.push(invalid(`annotations.${CLASS_ANNOTATION}`, annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}
