// k8s.io/api/core/v1 Service: spec, ports (targetPort an IntOrString) and load-balancer status.
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1_SERVICE: SchemaTable = {
  'core.v1.Service': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.ServiceSpec' },
      3: { name: 'status', type: 'message:core.v1.ServiceStatus' },
    },
  },
  'core.v1.ServiceSpec': {
    fields: {
      1: { name: 'ports', type: 'message:core.v1.ServicePort', repeated: true },
      2: { name: 'selector', type: 'map<string,string>' },
      3: { name: 'clusterIP', type: 'string' },
      4: { name: 'type', type: 'string' },
      5: { name: 'externalIPs', type: 'string', repeated: true },
      7: { name: 'sessionAffinity', type: 'string' },
      8: { name: 'loadBalancerIP', type: 'string' },
      9: { name: 'loadBalancerSourceRanges', type: 'string', repeated: true },
      10: { name: 'externalName', type: 'string' },
      11: { name: 'externalTrafficPolicy', type: 'string' },
      12: { name: 'healthCheckNodePort', type: 'int32' },
      13: { name: 'publishNotReadyAddresses', type: 'bool' },
      14: { name: 'sessionAffinityConfig', type: 'message:core.v1.SessionAffinityConfig', pointer: true },
      17: { name: 'ipFamilyPolicy', type: 'string', pointer: true },
      18: { name: 'clusterIPs', type: 'string', repeated: true },
      19: { name: 'ipFamilies', type: 'string', repeated: true },
      20: { name: 'allocateLoadBalancerNodePorts', type: 'bool', pointer: true },
      21: { name: 'loadBalancerClass', type: 'string', pointer: true },
      22: { name: 'internalTrafficPolicy', type: 'string', pointer: true },
      23: { name: 'trafficDistribution', type: 'string', pointer: true },
    },
  },
  'core.v1.ServiceStatus': {
    fields: {
      1: { name: 'loadBalancer', type: 'message:core.v1.LoadBalancerStatus' },
      2: { name: 'conditions', type: 'message:meta.v1.Condition', repeated: true },
    },
  },
  'core.v1.ServicePort': {
    fields: {
      1: { name: 'name', type: 'string' },
      2: { name: 'protocol', type: 'string' },
      3: { name: 'port', type: 'int32', keepZero: true },
      4: { name: 'targetPort', type: 'intorstring', keepZero: true },
      5: { name: 'nodePort', type: 'int32' },
      6: { name: 'appProtocol', type: 'string', pointer: true },
    },
  },
  'core.v1.SessionAffinityConfig': {
    fields: {
      1: { name: 'clientIP', type: 'message:core.v1.ClientIPConfig', pointer: true },
    },
  },
  'core.v1.LoadBalancerStatus': {
    fields: {
      1: { name: 'ingress', type: 'message:core.v1.LoadBalancerIngress', repeated: true },
    },
  },
  'core.v1.ClientIPConfig': {
    fields: {
      1: { name: 'timeoutSeconds', type: 'int32', pointer: true },
    },
  },
  'core.v1.LoadBalancerIngress': {
    fields: {
      1: { name: 'ip', type: 'string' },
      2: { name: 'hostname', type: 'string' },
      3: { name: 'ipMode', type: 'string', pointer: true },
      4: { name: 'ports', type: 'message:core.v1.PortStatus', repeated: true },
    },
  },
  'core.v1.PortStatus': {
    fields: {
      1: { name: 'port', type: 'int32', keepZero: true },
      2: { name: 'protocol', type: 'string', keepZero: true },
      3: { name: 'error', type: 'string', pointer: true },
    },
  },
};
