// k8s.io/api/core/v1 PodStatus and container statuses.
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1_POD_STATUS: SchemaTable = {
  'core.v1.PodStatus': {
    fields: {
      1: { name: 'phase', type: 'string' },
      2: { name: 'conditions', type: 'message:core.v1.PodCondition', repeated: true },
      3: { name: 'message', type: 'string' },
      4: { name: 'reason', type: 'string' },
      5: { name: 'hostIP', type: 'string' },
      6: { name: 'podIP', type: 'string' },
      7: { name: 'startTime', type: 'time', pointer: true },
      8: { name: 'containerStatuses', type: 'message:core.v1.ContainerStatus', repeated: true },
      9: { name: 'qosClass', type: 'string' },
      10: { name: 'initContainerStatuses', type: 'message:core.v1.ContainerStatus', repeated: true },
      11: { name: 'nominatedNodeName', type: 'string' },
      12: { name: 'podIPs', type: 'message:core.v1.PodIP', repeated: true },
      13: { name: 'ephemeralContainerStatuses', type: 'message:core.v1.ContainerStatus', repeated: true },
      14: { name: 'resize', type: 'string' },
      15: { name: 'resourceClaimStatuses', type: 'message:core.v1.PodResourceClaimStatus', repeated: true },
      16: { name: 'hostIPs', type: 'message:core.v1.HostIP', repeated: true },
    },
  },
  'core.v1.PodCondition': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
      3: { name: 'lastProbeTime', type: 'time' },
      4: { name: 'lastTransitionTime', type: 'time' },
      5: { name: 'reason', type: 'string' },
      6: { name: 'message', type: 'string' },
    },
  },
  'core.v1.HostIP': {
    fields: {
      1: { name: 'ip', type: 'string', keepZero: true },
    },
  },
  'core.v1.PodIP': {
    fields: {
      1: { name: 'ip', type: 'string', keepZero: true },
    },
  },
  'core.v1.ContainerStatus': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'state', type: 'message:core.v1.ContainerState' },
      3: { name: 'lastState', type: 'message:core.v1.ContainerState' },
      4: { name: 'ready', type: 'bool', keepZero: true },
      5: { name: 'restartCount', type: 'int32', keepZero: true },
      6: { name: 'image', type: 'string', keepZero: true },
      7: { name: 'imageID', type: 'string', keepZero: true },
      8: { name: 'containerID', type: 'string' },
      9: { name: 'started', type: 'bool', pointer: true },
      10: { name: 'allocatedResources', type: 'map<string,quantity>' },
      11: { name: 'resources', type: 'message:core.v1.ResourceRequirements', pointer: true },
      12: { name: 'volumeMounts', type: 'message:core.v1.VolumeMountStatus', repeated: true },
      13: { name: 'user', type: 'message:core.v1.ContainerUser', pointer: true },
      14: { name: 'allocatedResourcesStatus', type: 'message:core.v1.ResourceStatus', repeated: true },
    },
  },
  'core.v1.PodResourceClaimStatus': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'resourceClaimName', type: 'string', pointer: true },
    },
  },
  'core.v1.ContainerState': {
    fields: {
      1: { name: 'waiting', type: 'message:core.v1.ContainerStateWaiting', pointer: true },
      2: { name: 'running', type: 'message:core.v1.ContainerStateRunning', pointer: true },
      3: { name: 'terminated', type: 'message:core.v1.ContainerStateTerminated', pointer: true },
    },
  },
  'core.v1.VolumeMountStatus': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'mountPath', type: 'string', keepZero: true },
      3: { name: 'readOnly', type: 'bool' },
      4: { name: 'recursiveReadOnly', type: 'string', pointer: true },
    },
  },
  'core.v1.ContainerUser': {
    fields: {
      1: { name: 'linux', type: 'message:core.v1.LinuxContainerUser', pointer: true },
    },
  },
  'core.v1.ResourceStatus': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'resources', type: 'message:core.v1.ResourceHealth', repeated: true },
    },
  },
  'core.v1.ContainerStateWaiting': {
    fields: {
      1: { name: 'reason', type: 'string' },
      2: { name: 'message', type: 'string' },
    },
  },
  'core.v1.ContainerStateRunning': {
    fields: {
      1: { name: 'startedAt', type: 'time' },
    },
  },
  'core.v1.ContainerStateTerminated': {
    fields: {
      1: { name: 'exitCode', type: 'int32', keepZero: true },
      2: { name: 'signal', type: 'int32' },
      3: { name: 'reason', type: 'string' },
      4: { name: 'message', type: 'string' },
      5: { name: 'startedAt', type: 'time' },
      6: { name: 'finishedAt', type: 'time' },
      7: { name: 'containerID', type: 'string' },
    },
  },
  'core.v1.LinuxContainerUser': {
    fields: {
      1: { name: 'uid', type: 'int64', keepZero: true },
      2: { name: 'gid', type: 'int64', keepZero: true },
      3: { name: 'supplementalGroups', type: 'int64', repeated: true },
    },
  },
  'core.v1.ResourceHealth': {
    fields: {
      1: { name: 'resourceID', type: 'string', keepZero: true },
      2: { name: 'health', type: 'string' },
    },
  },
};
