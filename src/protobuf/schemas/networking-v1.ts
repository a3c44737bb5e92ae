// k8s.io/api/networking/v1 Ingress (`kubectl create ingress`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const NETWORKING_V1: SchemaTable = {
  'networking.v1.Ingress': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:networking.v1.IngressSpec' },
      3: { name: 'status', type: 'message:networking.v1.IngressStatus' },
    },
  },
  'networking.v1.IngressSpec': {
    fields: {
      1: { name: 'defaultBackend', type: 'message:networking.v1.IngressBackend', pointer: true },
      2: { name: 'tls', type: 'message:networking.v1.IngressTLS', repeated: true },
      3: { name: 'rules', type: 'message:networking.v1.IngressRule', repeated: true },
      4: { name: 'ingressClassName', type: 'string', pointer: true },
    },
  },
  'networking.v1.IngressStatus': {
    fields: {
      1: { name: 'loadBalancer', type: 'message:networking.v1.IngressLoadBalancerStatus' },
    },
  },
  'networking.v1.IngressBackend': {
    fields: {
      3: { name: 'resource', type: 'message:core.v1.TypedLocalObjectReference', pointer: true },
      4: { name: 'service', type: 'message:networking.v1.IngressServiceBackend', pointer: true },
    },
  },
  'networking.v1.IngressTLS': {
    fields: {
      1: { name: 'hosts', type: 'string', repeated: true },
      2: { name: 'secretName', type: 'string' },
    },
  },
  'networking.v1.IngressRule': {
    fields: {
      1: { name: 'host', type: 'string' },
      2: { name: 'ingressRuleValue', type: 'message:networking.v1.IngressRuleValue', inline: true },
    },
  },
  'networking.v1.IngressLoadBalancerStatus': {
    fields: {
      1: { name: 'ingress', type: 'message:networking.v1.IngressLoadBalancerIngress', repeated: true },
    },
  },
  'networking.v1.IngressServiceBackend': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'port', type: 'message:networking.v1.ServiceBackendPort' },
    },
  },
  'networking.v1.IngressRuleValue': {
    fields: {
      1: { name: 'http', type: 'message:networking.v1.HTTPIngressRuleValue', pointer: true },
    },
  },
  'networking.v1.IngressLoadBalancerIngress': {
    fields: {
      1: { name: 'ip', type: 'string' },
      2: { name: 'hostname', type: 'string' },
      4: { name: 'ports', type: 'message:networking.v1.IngressPortStatus', repeated: true },
    },
  },
  'networking.v1.ServiceBackendPort': {
    fields: {
      1: { name: 'name', type: 'string' },
      2: { name: 'number', type: 'int32' },
    },
  },
  'networking.v1.HTTPIngressRuleValue': {
    fields: {
      1: { name: 'paths', type: 'message:networking.v1.HTTPIngressPath', repeated: true },
    },
  },
  'networking.v1.IngressPortStatus': {
    fields: {
      1: { name: 'port', type: 'int32', keepZero: true },
      2: { name: 'protocol', type: 'string', keepZero: true },
      3: { name: 'error', type: 'string', pointer: true },
    },
  },
  'networking.v1.HTTPIngressPath': {
    fields: {
      1: { name: 'path', type: 'string' },
      2: { name: 'backend', type: 'message:networking.v1.IngressBackend' },
      3: { name: 'pathType', type: 'string', pointer: true },
    },
  },
};
