// k8s.io/api/core/v1 Container and what it holds: ports, env, resources, mounts, probes,
// lifecycle hooks, security context.
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1_CONTAINER: SchemaTable = {
  'core.v1.Container': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'image', type: 'string' },
      3: { name: 'command', type: 'string', repeated: true },
      4: { name: 'args', type: 'string', repeated: true },
      5: { name: 'workingDir', type: 'string' },
      6: { name: 'ports', type: 'message:core.v1.ContainerPort', repeated: true },
      7: { name: 'env', type: 'message:core.v1.EnvVar', repeated: true },
      8: { name: 'resources', type: 'message:core.v1.ResourceRequirements' },
      9: { name: 'volumeMounts', type: 'message:core.v1.VolumeMount', repeated: true },
      10: { name: 'livenessProbe', type: 'message:core.v1.Probe', pointer: true },
      11: { name: 'readinessProbe', type: 'message:core.v1.Probe', pointer: true },
      12: { name: 'lifecycle', type: 'message:core.v1.Lifecycle', pointer: true },
      13: { name: 'terminationMessagePath', type: 'string' },
      14: { name: 'imagePullPolicy', type: 'string' },
      15: { name: 'securityContext', type: 'message:core.v1.SecurityContext', pointer: true },
      16: { name: 'stdin', type: 'bool' },
      17: { name: 'stdinOnce', type: 'bool' },
      18: { name: 'tty', type: 'bool' },
      19: { name: 'envFrom', type: 'message:core.v1.EnvFromSource', repeated: true },
      20: { name: 'terminationMessagePolicy', type: 'string' },
      21: { name: 'volumeDevices', type: 'message:core.v1.VolumeDevice', repeated: true },
      22: { name: 'startupProbe', type: 'message:core.v1.Probe', pointer: true },
      23: { name: 'resizePolicy', type: 'message:core.v1.ContainerResizePolicy', repeated: true },
      24: { name: 'restartPolicy', type: 'string', pointer: true },
    },
  },
  'core.v1.EphemeralContainer': {
    fields: {
      1: { name: 'ephemeralContainerCommon', type: 'message:core.v1.EphemeralContainerCommon', inline: true },
      2: { name: 'targetContainerName', type: 'string' },
    },
  },
  'core.v1.ResourceRequirements': {
    fields: {
      1: { name: 'limits', type: 'map<string,quantity>' },
      2: { name: 'requests', type: 'map<string,quantity>' },
      3: { name: 'claims', type: 'message:core.v1.ResourceClaim', repeated: true },
    },
  },
  'core.v1.ContainerPort': {
    fields: {
      1: { name: 'name', type: 'string' },
      2: { name: 'hostPort', type: 'int32' },
      3: { name: 'containerPort', type: 'int32', keepZero: true },
      4: { name: 'protocol', type: 'string' },
      5: { name: 'hostIP', type: 'string' },
    },
  },
  'core.v1.EnvFromSource': {
    fields: {
      1: { name: 'prefix', type: 'string' },
      2: { name: 'configMapRef', type: 'message:core.v1.ConfigMapEnvSource', pointer: true },
      3: { name: 'secretRef', type: 'message:core.v1.SecretEnvSource', pointer: true },
    },
  },
  'core.v1.EnvVar': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'value', type: 'string' },
      3: { name: 'valueFrom', type: 'message:core.v1.EnvVarSource', pointer: true },
    },
  },
  'core.v1.ContainerResizePolicy': {
    fields: {
      1: { name: 'resourceName', type: 'string', keepZero: true },
      2: { name: 'restartPolicy', type: 'string', keepZero: true },
    },
  },
  'core.v1.VolumeMount': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'readOnly', type: 'bool' },
      3: { name: 'mountPath', type: 'string', keepZero: true },
      4: { name: 'subPath', type: 'string' },
      5: { name: 'mountPropagation', type: 'string', pointer: true },
      6: { name: 'subPathExpr', type: 'string' },
      7: { name: 'recursiveReadOnly', type: 'string', pointer: true },
    },
  },
  'core.v1.VolumeDevice': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'devicePath', type: 'string', keepZero: true },
    },
  },
  'core.v1.Probe': {
    fields: {
      1: { name: 'handler', type: 'message:core.v1.ProbeHandler', inline: true },
      2: { name: 'initialDelaySeconds', type: 'int32' },
      3: { name: 'timeoutSeconds', type: 'int32' },
      4: { name: 'periodSeconds', type: 'int32' },
      5: { name: 'successThreshold', type: 'int32' },
      6: { name: 'failureThreshold', type: 'int32' },
      7: { name: 'terminationGracePeriodSeconds', type: 'int64', pointer: true },
    },
  },
  'core.v1.Lifecycle': {
    fields: {
      1: { name: 'postStart', type: 'message:core.v1.LifecycleHandler', pointer: true },
      2: { name: 'preStop', type: 'message:core.v1.LifecycleHandler', pointer: true },
    },
  },
  'core.v1.SecurityContext': {
    fields: {
      1: { name: 'capabilities', type: 'message:core.v1.Capabilities', pointer: true },
      2: { name: 'privileged', type: 'bool', pointer: true },
      3: { name: 'seLinuxOptions', type: 'message:core.v1.SELinuxOptions', pointer: true },
      4: { name: 'runAsUser', type: 'int64', pointer: true },
      5: { name: 'runAsNonRoot', type: 'bool', pointer: true },
      6: { name: 'readOnlyRootFilesystem', type: 'bool', pointer: true },
      7: { name: 'allowPrivilegeEscalation', type: 'bool', pointer: true },
      8: { name: 'runAsGroup', type: 'int64', pointer: true },
      9: { name: 'procMount', type: 'string', pointer: true },
      10: { name: 'windowsOptions', type: 'message:core.v1.WindowsSecurityContextOptions', pointer: true },
      11: { name: 'seccompProfile', type: 'message:core.v1.SeccompProfile', pointer: true },
      12: { name: 'appArmorProfile', type: 'message:core.v1.AppArmorProfile', pointer: true },
    },
  },
  'core.v1.EphemeralContainerCommon': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'image', type: 'string' },
      3: { name: 'command', type: 'string', repeated: true },
      4: { name: 'args', type: 'string', repeated: true },
      5: { name: 'workingDir', type: 'string' },
      6: { name: 'ports', type: 'message:core.v1.ContainerPort', repeated: true },
      7: { name: 'env', type: 'message:core.v1.EnvVar', repeated: true },
      8: { name: 'resources', type: 'message:core.v1.ResourceRequirements' },
      9: { name: 'volumeMounts', type: 'message:core.v1.VolumeMount', repeated: true },
      10: { name: 'livenessProbe', type: 'message:core.v1.Probe', pointer: true },
      11: { name: 'readinessProbe', type: 'message:core.v1.Probe', pointer: true },
      12: { name: 'lifecycle', type: 'message:core.v1.Lifecycle', pointer: true },
      13: { name: 'terminationMessagePath', type: 'string' },
      14: { name: 'imagePullPolicy', type: 'string' },
      15: { name: 'securityContext', type: 'message:core.v1.SecurityContext', pointer: true },
      16: { name: 'stdin', type: 'bool' },
      17: { name: 'stdinOnce', type: 'bool' },
      18: { name: 'tty', type: 'bool' },
      19: { name: 'envFrom', type: 'message:core.v1.EnvFromSource', repeated: true },
      20: { name: 'terminationMessagePolicy', type: 'string' },
      21: { name: 'volumeDevices', type: 'message:core.v1.VolumeDevice', repeated: true },
      22: { name: 'startupProbe', type: 'message:core.v1.Probe', pointer: true },
      23: { name: 'resizePolicy', type: 'message:core.v1.ContainerResizePolicy', repeated: true },
      24: { name: 'restartPolicy', type: 'string', pointer: true },
    },
  },
  'core.v1.SELinuxOptions': {
    fields: {
      1: { name: 'user', type: 'string' },
      2: { name: 'role', type: 'string' },
      3: { name: 'type', type: 'string' },
      4: { name: 'level', type: 'string' },
    },
  },
  'core.v1.WindowsSecurityContextOptions': {
    fields: {
      1: { name: 'gmsaCredentialSpecName', type: 'string', pointer: true },
      2: { name: 'gmsaCredentialSpec', type: 'string', pointer: true },
      3: { name: 'runAsUserName', type: 'string', pointer: true },
      4: { name: 'hostProcess', type: 'bool', pointer: true },
    },
  },
  'core.v1.SeccompProfile': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'localhostProfile', type: 'string', pointer: true },
    },
  },
  'core.v1.AppArmorProfile': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'localhostProfile', type: 'string', pointer: true },
    },
  },
  'core.v1.ResourceClaim': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'request', type: 'string' },
    },
  },
  'core.v1.ConfigMapEnvSource': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.SecretEnvSource': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.EnvVarSource': {
    fields: {
      1: { name: 'fieldRef', type: 'message:core.v1.ObjectFieldSelector', pointer: true },
      2: { name: 'resourceFieldRef', type: 'message:core.v1.ResourceFieldSelector', pointer: true },
      3: { name: 'configMapKeyRef', type: 'message:core.v1.ConfigMapKeySelector', pointer: true },
      4: { name: 'secretKeyRef', type: 'message:core.v1.SecretKeySelector', pointer: true },
    },
  },
  'core.v1.ProbeHandler': {
    fields: {
      1: { name: 'exec', type: 'message:core.v1.ExecAction', pointer: true },
      2: { name: 'httpGet', type: 'message:core.v1.HTTPGetAction', pointer: true },
      3: { name: 'tcpSocket', type: 'message:core.v1.TCPSocketAction', pointer: true },
      4: { name: 'grpc', type: 'message:core.v1.GRPCAction', pointer: true },
    },
  },
  'core.v1.LifecycleHandler': {
    fields: {
      1: { name: 'exec', type: 'message:core.v1.ExecAction', pointer: true },
      2: { name: 'httpGet', type: 'message:core.v1.HTTPGetAction', pointer: true },
      3: { name: 'tcpSocket', type: 'message:core.v1.TCPSocketAction', pointer: true },
      4: { name: 'sleep', type: 'message:core.v1.SleepAction', pointer: true },
    },
  },
  'core.v1.Capabilities': {
    fields: {
      1: { name: 'add', type: 'string', repeated: true },
      2: { name: 'drop', type: 'string', repeated: true },
    },
  },
  'core.v1.ObjectFieldSelector': {
    fields: {
      1: { name: 'apiVersion', type: 'string' },
      2: { name: 'fieldPath', type: 'string', keepZero: true },
    },
  },
  'core.v1.ResourceFieldSelector': {
    fields: {
      1: { name: 'containerName', type: 'string' },
      2: { name: 'resource', type: 'string', keepZero: true },
      3: { name: 'divisor', type: 'quantity', keepZero: true },
    },
  },
  'core.v1.ConfigMapKeySelector': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'key', type: 'string', keepZero: true },
      3: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.SecretKeySelector': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'key', type: 'string', keepZero: true },
      3: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.ExecAction': {
    fields: {
      1: { name: 'command', type: 'string', repeated: true },
    },
  },
  'core.v1.HTTPGetAction': {
    fields: {
      1: { name: 'path', type: 'string' },
      2: { name: 'port', type: 'intorstring', keepZero: true },
      3: { name: 'host', type: 'string' },
      4: { name: 'scheme', type: 'string' },
      5: { name: 'httpHeaders', type: 'message:core.v1.HTTPHeader', repeated: true },
    },
  },
  'core.v1.TCPSocketAction': {
    fields: {
      1: { name: 'port', type: 'intorstring', keepZero: true },
      2: { name: 'host', type: 'string' },
    },
  },
  'core.v1.GRPCAction': {
    fields: {
      1: { name: 'port', type: 'int32', keepZero: true },
      2: { name: 'service', type: 'string', pointer: true },
    },
  },
  'core.v1.SleepAction': {
    fields: {
      1: { name: 'seconds', type: 'int64', keepZero: true },
    },
  },
  'core.v1.HTTPHeader': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'value', type: 'string', keepZero: true },
    },
  },
};
