import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { validateIngress, validateIngressUpdate } from '../../../../src/validation/kinds/ingress.js';
import { validateIngressClass } from '../../../../src/validation/kinds/ingress-class.js';
import { validateNetworkPolicy } from '../../../../src/validation/kinds/network-policy.js';
import { render, set } from './helpers.js';

type Case = [string, Record<string, unknown>, string[]];
const object = (body: Record<string, unknown>): KubeObject => structuredClone({ metadata: { name: 'x', namespace: 'default' }, ...body }) as KubeObject;
const BACKEND = { service: { name: 'web', port: { number: 80 } } };
const INGRESS = { spec: { rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: BACKEND }] } }] } };
const at = (path: string, value: unknown) => {
  const copy = structuredClone(INGRESS);
  const p = copy.spec.rules[0].http.paths[0] as Record<string, unknown>;
  if (value === undefined) delete p[path];
  else p[path] = value;
  return copy;
};

describe('validateIngress', () => {
  const cases: Case[] = [
    ['a valid ingress', INGRESS, []],
    ['default backend only', { spec: { defaultBackend: BACKEND } }, []],
    ['neither rules nor default backend', { spec: {} }, ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']],
    ['IP host', set(INGRESS, 'spec.rules', [{ host: '1.2.3.4' }]), ['spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address']],
    ['bad wildcard', set(INGRESS, 'spec.rules', [{ host: 'a.*.com' }]), [
      `spec.rules[0].host: Invalid value: "a.*.com": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]],
    ['no paths', set(INGRESS, 'spec.rules', [{ http: { paths: [] } }]), ['spec.rules[0].http.paths: Required value']],
    ['pathType required', at('pathType', undefined), ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['pathType supported', at('pathType', 'Regex'), ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"']],
    ['relative path', at('path', 'api'), ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    ['dot segments', at('path', '/a/../b/.'), [
      `spec.rules[0].http.paths[0].path: Invalid value: "/a/../b/.": must not contain '/../'`,
      `spec.rules[0].http.paths[0].path: Invalid value: "/a/../b/.": cannot end with '/.'`,
    ]],
    ['no backend', at('backend', {}), ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']],
    ['port name and number', at('backend', { service: { name: 'web', port: { name: 'http', number: 80 } } }), [
      'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
    ]],
    ['no port', at('backend', { service: { name: 'web' } }), ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required']],
    ['resource backend', at('backend', { resource: { kind: 'Bucket' } }), ['spec.rules[0].http.paths[0].backend.resource.name: Required value: name is required']],
    ['bad TLS secret', set(INGRESS, 'spec.tls', [{ hosts: ['*.example.com'], secretName: 'Bad' }]), [
      `spec.tls[0].secretName: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]],
    ['class annotation agreeing with the field', { ...set(INGRESS, 'spec.ingressClassName', 'nginx'), metadata: { name: 'x', annotations: { 'kubernetes.io/ingress.class': 'nginx' } } }, []],
    ['class annotation and field disagree', { ...set(INGRESS, 'spec.ingressClassName', 'nginx'), metadata: { name: 'x', annotations: { 'kubernetes.io/ingress.class': 'traefik' } } }, [
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]],
  ];
  for (const [name, body, expected] of cases) it(name, () => assert.deepEqual(render(validateIngress(object(body))), expected));

  it('update does not check the class annotation', () => {
    const body = { ...set(INGRESS, 'spec.ingressClassName', 'nginx'), metadata: { name: 'x', annotations: { 'kubernetes.io/ingress.class': 'traefik' } } };
    assert.deepEqual(render(validateIngressUpdate(object(body))), []);
  });
});

describe('validateIngressClass', () => {
  const cases: Case[] = [
    ['a valid class', { spec: { controller: 'k8s.io/ingress-nginx' } }, []],
    ['namespaced parameters', { spec: { controller: 'acme.io/c', parameters: { kind: 'Params', name: 'p', scope: 'Namespace', namespace: 'default' } } }, []],
    ['controller required', { spec: {} }, ['spec.controller: Required value']],
    ['controller not domain-prefixed', { spec: { controller: 'nginx' } }, ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']],
    ['namespace scope without namespace', { spec: { controller: 'acme.io/c', parameters: { kind: 'P', name: 'p', scope: 'Namespace' } } }, [
      "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
    ]],
    ['cluster scope with namespace', { spec: { controller: 'acme.io/c', parameters: { kind: 'P', name: 'p', namespace: 'default' } } }, [
      "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'",
    ]],
    ['unknown scope', { spec: { controller: 'acme.io/c', parameters: { kind: 'P', name: 'p', scope: 'Global' } } }, [
      'spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"',
    ]],
  ];
  for (const [name, body, expected] of cases) it(name, () => assert.deepEqual(render(validateIngressClass(object(body))), expected));
});

describe('validateNetworkPolicy', () => {
  const policy = (spec: Record<string, unknown>) => validateNetworkPolicy(object({ spec: { podSelector: {}, ...spec } }));
  const cases: Case[] = [
    ['a valid policy', { ingress: [{ from: [{ podSelector: { matchLabels: { a: 'b' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 80, endPort: 90 }] }], policyTypes: ['Ingress'] }, []],
    ['empty peer', { ingress: [{ from: [{}] }] }, ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    ['ipBlock with selector', { egress: [{ to: [{ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }] }] }, ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer']],
    ['except outside cidr', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16', '192.168.0.0/24'] } }] }] }, [
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`',
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`',
    ]],
    ['bad cidr', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0' } }] }] }, [
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]],
    ['ports', { egress: [{ ports: [{ protocol: 'ICMP', port: 0 }, { port: 90, endPort: 80 }, { port: 'http', endPort: 90 }, { endPort: 90 }] }] }, [
      'spec.egress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
      'spec.egress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.egress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port`',
      'spec.egress[0].ports[2].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
      'spec.egress[0].ports[3].endPort: Invalid value: 90: may not be specified when `port` is not specified',
    ]],
    ['policy types', { policyTypes: ['Ingress', 'Sideways'] }, ['spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"']],
    ['too many policy types', { policyTypes: ['Ingress', 'Egress', 'Ingress'] }, [
      'spec.policyTypes: Invalid value: []string{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes',
    ]],
  ];
  for (const [name, body, expected] of cases) it(name, () => assert.deepEqual(render(policy(body)), expected));
});
