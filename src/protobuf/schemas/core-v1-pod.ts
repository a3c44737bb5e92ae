// k8s.io/api/core/v1 Pod, PodSpec and PodTemplateSpec (what Deployments, Jobs and CronJobs embed).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1_POD: SchemaTable = {
  'core.v1.Pod': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.PodSpec' },
      3: { name: 'status', type: 'message:core.v1.PodStatus' },
    },
  },
  'core.v1.PodSpec': {
    fields: {
      1: { name: 'volumes', type: 'message:core.v1.Volume', repeated: true },
      2: { name: 'containers', type: 'message:core.v1.Container', repeated: true },
      3: { name: 'restartPolicy', type: 'string' },
      4: { name: 'terminationGracePeriodSeconds', type: 'int64', pointer: true },
      5: { name: 'activeDeadlineSeconds', type: 'int64', pointer: true },
      6: { name: 'dnsPolicy', type: 'string' },
      7: { name: 'nodeSelector', type: 'map<string,string>' },
      8: { name: 'serviceAccountName', type: 'string' },
      9: { name: 'serviceAccount', type: 'string' },
      10: { name: 'nodeName', type: 'string' },
      11: { name: 'hostNetwork', type: 'bool' },
      12: { name: 'hostPID', type: 'bool' },
      13: { name: 'hostIPC', type: 'bool' },
      14: { name: 'securityContext', type: 'message:core.v1.PodSecurityContext', pointer: true },
      15: { name: 'imagePullSecrets', type: 'message:core.v1.LocalObjectReference', repeated: true },
      16: { name: 'hostname', type: 'string' },
      17: { name: 'subdomain', type: 'string' },
      18: { name: 'affinity', type: 'message:core.v1.Affinity', pointer: true },
      19: { name: 'schedulerName', type: 'string' },
      20: { name: 'initContainers', type: 'message:core.v1.Container', repeated: true },
      21: { name: 'automountServiceAccountToken', type: 'bool', pointer: true },
      22: { name: 'tolerations', type: 'message:core.v1.Toleration', repeated: true },
      23: { name: 'hostAliases', type: 'message:core.v1.HostAlias', repeated: true },
      24: { name: 'priorityClassName', type: 'string' },
      25: { name: 'priority', type: 'int32', pointer: true },
      26: { name: 'dnsConfig', type: 'message:core.v1.PodDNSConfig', pointer: true },
      27: { name: 'shareProcessNamespace', type: 'bool', pointer: true },
      28: { name: 'readinessGates', type: 'message:core.v1.PodReadinessGate', repeated: true },
      29: { name: 'runtimeClassName', type: 'string', pointer: true },
      30: { name: 'enableServiceLinks', type: 'bool', pointer: true },
      31: { name: 'preemptionPolicy', type: 'string', pointer: true },
      32: { name: 'overhead', type: 'map<string,quantity>' },
      33: { name: 'topologySpreadConstraints', type: 'message:core.v1.TopologySpreadConstraint', repeated: true },
      34: { name: 'ephemeralContainers', type: 'message:core.v1.EphemeralContainer', repeated: true },
      35: { name: 'setHostnameAsFQDN', type: 'bool', pointer: true },
      36: { name: 'os', type: 'message:core.v1.PodOS', pointer: true },
      37: { name: 'hostUsers', type: 'bool', pointer: true },
      38: { name: 'schedulingGates', type: 'message:core.v1.PodSchedulingGate', repeated: true },
      39: { name: 'resourceClaims', type: 'message:core.v1.PodResourceClaim', repeated: true },
      40: { name: 'resources', type: 'message:core.v1.ResourceRequirements', pointer: true },
    },
  },
  'core.v1.PodSecurityContext': {
    fields: {
      1: { name: 'seLinuxOptions', type: 'message:core.v1.SELinuxOptions', pointer: true },
      2: { name: 'runAsUser', type: 'int64', pointer: true },
      3: { name: 'runAsNonRoot', type: 'bool', pointer: true },
      4: { name: 'supplementalGroups', type: 'int64', repeated: true },
      5: { name: 'fsGroup', type: 'int64', pointer: true },
      6: { name: 'runAsGroup', type: 'int64', pointer: true },
      7: { name: 'sysctls', type: 'message:core.v1.Sysctl', repeated: true },
      8: { name: 'windowsOptions', type: 'message:core.v1.WindowsSecurityContextOptions', pointer: true },
      9: { name: 'fsGroupChangePolicy', type: 'string', pointer: true },
      10: { name: 'seccompProfile', type: 'message:core.v1.SeccompProfile', pointer: true },
      11: { name: 'appArmorProfile', type: 'message:core.v1.AppArmorProfile', pointer: true },
      12: { name: 'supplementalGroupsPolicy', type: 'string', pointer: true },
      13: { name: 'seLinuxChangePolicy', type: 'string', pointer: true },
    },
  },
  'core.v1.HostAlias': {
    fields: {
      1: { name: 'ip', type: 'string', keepZero: true },
      2: { name: 'hostnames', type: 'string', repeated: true },
    },
  },
  'core.v1.PodDNSConfig': {
    fields: {
      1: { name: 'nameservers', type: 'string', repeated: true },
      2: { name: 'searches', type: 'string', repeated: true },
      3: { name: 'options', type: 'message:core.v1.PodDNSConfigOption', repeated: true },
    },
  },
  'core.v1.PodReadinessGate': {
    fields: {
      1: { name: 'conditionType', type: 'string', keepZero: true },
    },
  },
  'core.v1.PodOS': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
    },
  },
  'core.v1.PodSchedulingGate': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
    },
  },
  'core.v1.PodResourceClaim': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      3: { name: 'resourceClaimName', type: 'string', pointer: true },
      4: { name: 'resourceClaimTemplateName', type: 'string', pointer: true },
    },
  },
  'core.v1.PodTemplateSpec': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.PodSpec' },
    },
  },
  'core.v1.Sysctl': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'value', type: 'string', keepZero: true },
    },
  },
  'core.v1.PodDNSConfigOption': {
    fields: {
      1: { name: 'name', type: 'string' },
      2: { name: 'value', type: 'string', pointer: true },
    },
  },
};
